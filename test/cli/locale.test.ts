/**
 * The CLI speaks the user's language: `--lang`, else LC_ALL / LC_MESSAGES / LANG. A Russian or Chinese
 * user reads no English word in the report's headings, notes and warnings, in the usage, or in any error
 * the CLI prints (argument errors, a missing or undecodable file, a broken CSV, a file it cannot report).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, cliLocale, usage } from '../../src/cli/main.js';
import { formatReport, runReport } from '../../src/cli/report.js';
import { englishWords } from '../i18n/english-words.js';

// A CRM export whose own words are all Russian, so any Latin word in the report is the report's own.
const leads = [
  'ID,Дата создания,Источник,Статус,Сумма сделки,Дата закрытия,ID клиента',
  '1,2026-01-05,гугл,В работе,,,А',
  '2,2026-01-15,вк,Успешно реализовано,"1 000,00",2026-01-25,А',
  '3,2026-01-10,гугл,Успешно реализовано,400,2026-01-20,Б',
  '4,2026-04-20,гугл,Успешно реализовано,600,2026-04-30,Б',
  '5,2026-04-21,гугл,В работе,,,',
  '6,вчера,вк,В работе,,,', // an unreadable date: a warning
].join('\n');
const costs = ['Месяц,Канал,Расход', '2026-01-01,гугл,300', '2026-01-01,вк,400', '2026-04-01,директ,50'].join('\n');

describe('the CLI’s language', () => {
  it('is --lang, else LC_ALL, LC_MESSAGES, LANG in that order, else English', () => {
    expect(cliLocale(['report', 'x.csv', '--lang', 'zh'], { LANG: 'ru_RU.UTF-8' })).toBe('zh');
    expect(cliLocale(['report', 'x.csv'], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLocale(['report', 'x.csv'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('zh');
    expect(cliLocale(['report', 'x.csv'], { LC_ALL: '', LC_MESSAGES: 'ru_RU', LANG: 'en_US' })).toBe('ru');
    expect(cliLocale(['report', 'x.csv'], { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLocale(['report', 'x.csv'], {})).toBe('en');
  });

  for (const locale of ['ru', 'zh'] as const) {
    it(`the ${locale} text report has no English word`, () => {
      const report = runReport(leads, { costsCsv: costs, margin: 0.5, locale });
      const text = formatReport(report, locale);
      // Every block is there to be checked: models, cohorts, B2B, warnings, definitions.
      expect(report.analysis.models).not.toBeNull();
      expect(report.analysis.b2b).not.toBeNull();
      expect(report.warnings.length).toBeGreaterThan(0);
      expect(englishWords(text), text).toEqual([]);
    });

    it(`the ${locale} usage has no English word outside the command syntax`, () => {
      // The synopsis in brackets, flags, and the names the text is given (DuckDB, .parquet, the variables) are code.
      const text = usage(locale)
        .replace(/\[[^\]]*\]/gu, ' ')
        .replace('funnel-roi report', ' ')
        .replace(/--[\w-]+/gu, ' ')
        .replace(/DuckDB|\.parquet|LC_ALL, LC_MESSAGES, LANG/gu, ' ');
      expect(englishWords(text), text).toEqual([]);
    });
  }
});

describe('CLI errors in the user’s language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-locale-'));
  const file = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const good = file('leads.csv', leads);
  const cases: Record<string, string[]> = {
    'unknown argument': ['report', good, '--frobnicate'],
    'a flag without its value': ['report', good, '--model'],
    'no file': ['report'],
    'a missing file': ['report', join(dir, 'nope.csv')],
    'a bad choice': ['report', good, '--granularity', 'day'],
    'a margin that is not a number': ['report', good, '--margin', 'half'],
    'a margin out of range': ['report', good, '--margin', '40'],
    'a bad metrics option': ['report', good, '--model', 'shapley'],
    'costs beside an ad report': ['report', file('ads.csv', 'Дата,Канал,Расход\n2026-01-01,вк,5'), '--costs', file('c.csv', costs)],
    'an undecodable file': ['report', file('latin.csv', iconv.encode('Fecha,Canal\n2026-01-01,Café ñandú', 'latin1'))],
    'UTF-16 without a BOM': ['report', file('u16.csv', iconv.encode('Дата,Канал\n2026-01-01,вк', 'utf-16le'))],
    'an unclosed quote': ['report', file('quote.csv', 'Дата,Канал,Расход\n2026-01-01,"вк,5')],
    'a file with nothing to report by': ['report', file('nochannel.csv', 'Дата,Расход\n2026-01-01,5\n2026-01-02,6')],
  };
  let written = '';
  afterEach(() => vi.restoreAllMocks());
  const run = async (argv: string[], lang: string): Promise<string> => {
    written = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await cli(argv, { LANG: lang });
    vi.restoreAllMocks();
    expect(code, written).toBe(1);
    return written;
  };

  for (const [what, argv] of Object.entries(cases)) {
    it(`${what}: English by default, Russian and Chinese from LANG`, async () => {
      const en = await run(argv, 'C.UTF-8');
      expect(en).toMatch(/^funnel-roi: \S/u);
      for (const lang of ['ru_RU.UTF-8', 'zh_CN.UTF-8']) {
        const text = (await run(argv, lang))
          .replace(/^funnel-roi: /u, '')
          .split(/\n(?:Использование|用法)/u)[0] // the usage has its own test
          .replace(/\S*\/\S*/gu, ' ') // paths
          .replace(/--[\w-]+/gu, ' ') // flags
          .replace(/"[^"]*"/gu, ' ');
        // What the user typed and the identifiers it must be one of are not prose.
        const prose = text
          .replace(/\b(?:frobnicate|shapley|half|day|memory|duckdb|week|month|quarter|linear|attribution)\b/gu, ' ')
          .replace(/\b[a-z]+(?:_[a-z]+)+\b/gu, ' ');
        expect(englishWords(prose), text).toEqual([]);
      }
    });
  }
});
