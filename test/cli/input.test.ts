/**
 * CLI input: the file's encoding is detected or refused by name, nothing user-written reaches the terminal
 * as a control sequence, and the text report survives very many channels.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeInput, EncodingError } from '../../src/cli/decode.js';
import { readCsvText } from '../../src/cli/main.js';
import { formatReport, runReport, type ChannelReport, type Report } from '../../src/cli/report.js';
import { printable } from '../../src/cli/terminal.js';
import { formatAnalysis } from '../../src/cli/analysis-report.js';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../src/core/definitions/index.js';

/** The CLI takes its language from LC_ALL/LANG: these tests read its English, whatever the machine's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C.UTF-8' };

const dir = mkdtempSync(join(tmpdir(), 'funnel-roi-input-'));
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
function bin(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['bin/funnel-roi.mjs', ...args], { env: ENGLISH, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const RU = [
  'Дата;Канал;Расход;Лиды;Выручка',
  '2026-01-05;Яндекс Директ;1000;10;5000',
  '2026-01-06;ВКонтакте;500;5;0',
  '2026-01-07;Телеграм «Каналы»;300;3;900',
].join('\r\n');
const ZH = [
  '日期,渠道,花费,线索,收入',
  '2026-01-05,百度推广,1000,10,5000',
  '2026-01-06,微信广告,500,5,0',
  '2026-01-07,抖音,300,3,900',
].join('\n');
const channels = (text: string): string[] =>
  runReport(text)
    .channels.map((c) => c.channel)
    .sort();

describe('decodeInput', () => {
  it('reads a Windows-1251 Russian export: channels stay distinct', () => {
    const bytes = iconv.encode(RU, 'win1251');
    const decoded = decodeInput(bytes);
    expect(decoded.encoding).toBe('windows-1251');
    expect(channels(readCsvText(file('ru-1251.csv', bytes)))).toEqual(['ВКонтакте', 'Телеграм «Каналы»', 'Яндекс Директ']);
  });

  it('reads a GB18030 Chinese export', () => {
    const bytes = iconv.encode(ZH, 'gb18030');
    expect(decodeInput(bytes).encoding).toBe('gb18030');
    expect(channels(readCsvText(file('zh-gb.csv', bytes)))).toEqual(['微信广告', '抖音', '百度推广'].sort());
  });

  it('reads UTF-16 LE and BE with a BOM, and UTF-8 with or without one', () => {
    const le = decodeInput(iconv.encode(RU, 'utf-16le', { addBOM: true }));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(RU);
    const be = decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ZH, 'utf-16be')]));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(ZH);
    expect(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH)])).text).toBe(ZH);
    expect(decodeInput(Buffer.from(RU)).encoding).toBe('utf-8');
    expect(channels(readCsvText(file('ru-16.csv', iconv.encode(RU, 'utf-16le', { addBOM: true }))))).toHaveLength(3);
  });

  it('keeps Russian and Chinese apart on short exports too', () => {
    expect(decodeInput(iconv.encode('Канал;Расход\nСеть;5', 'win1251')).text).toBe('Канал;Расход\nСеть;5');
    expect(decodeInput(iconv.encode('渠道,花费\n百度,5', 'gb18030')).text).toBe('渠道,花费\n百度,5');
  });

  it('refuses a file too big to hold as text before reading it, pointing to --engine duckdb', () => {
    const path = file('big.csv', Buffer.from(RU));
    expect(() => readCsvText(path, 10)).toThrow(/MB: the default engine reads a file whole .* --engine duckdb/u);
    expect(channels(readCsvText(path, Buffer.byteLength(RU)))).toHaveLength(3);
  });

  it('refuses what it cannot read, naming the encoding problem', () => {
    // Western-European Windows-1252 text: not UTF-8, and neither Cyrillic nor Chinese reads it cleanly.
    const latin = iconv.encode('Canal;Dépenses;Résultats\nCafé crème;12;3\nÉté;5;1', 'win1252');
    expect(() => decodeInput(latin, 'data.csv')).toThrow(EncodingError);
    expect(() => decodeInput(latin, 'data.csv')).toThrow(/data\.csv is not valid UTF-8, and neither Windows-1251 .* nor GB18030/u);
    expect(() => decodeInput(iconv.encode(RU, 'utf-16le'))).toThrow(/UTF-16 without a byte-order mark/u);
    const r = bin('report', file('latin.csv', latin));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^funnel-roi: .*latin\.csv is not valid UTF-8/u);
  });
});

describe('terminal safety', () => {
  it('strips ANSI escapes, C0/C1 controls and bidi overrides', () => {
    expect(printable('\x1b]0;pwned\x07Red\x1b[31m!\x1b[0m\u009b2J\u202eabc\r\nz')).toBe('Red! 2J abc  z');
    expect(printable('Канал ₽ 渠道')).toBe('Канал ₽ 渠道');
  });

  it('prints no escape sequence from headers, channel names or warnings (text and JSON)', () => {
    const csv = [
      'Date,Channel,Spend,Leads\x1b]0;owned\x07',
      '2026-01-05,"\x1b[2J\x1b[31mEvil\x1b[0m",100,5',
      '2026-01-06,Good\u009b,50,oops',
      ...Array.from({ length: 8 }, (_, i) => `2026-01-0${i + 1},Good,50,2`),
    ].join('\n');
    const path = file('escapes.csv', Buffer.from(csv));
    for (const args of [
      ['report', path],
      ['report', path, '--json'],
    ]) {
      const r = bin(...args);
      expect(r.status, r.stderr).toBe(0);
      const out = r.stdout + r.stderr;
      expect(out).toContain('Evil');
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
      if (args.length === 2) expect(r.stdout).toMatch(/warning: .*Leads/u); // the skipped row names its column
    }
  });
});

describe('a report with 150,000 channels', () => {
  it('prints (widths found without spreading the rows into Math.max)', () => {
    const row = (channel: string, spend: number): ChannelReport => ({
      channel,
      campaign: null,
      spend,
      impressions: 0,
      clicks: 0,
      leads: 1,
      customers: 0,
      revenue: 0,
      ctr: null,
      cpc: null,
      cpl: spend,
      cac: null,
      roas: null,
      romi: null,
      revenuePerCustomer: null,
    });
    const n = 150_000;
    // The analysis blocks of a small real report (they print after the table).
    const analysis = runReport('Date,Channel,Spend,Leads\n2026-01-01,a,1,1').analysis;
    const report: Report = {
      shape: 'aggregated',
      periods: ['2026-01'],
      channels: Array.from({ length: n }, (_, i) => row(`ch${i}`, i)),
      totals: row('Total', 1),
      rows: { source: n, used: n, skipped: 0 },
      warnings: [],
      analysis,
    } as unknown as Report;
    const text = formatReport(report);
    const lines = text.split('\n');
    expect(lines[n + 3]).toMatch(/^Total/u);
    expect(lines[n + 4]).toMatch(/^Model: /u);
    expect(lines[n + 1]).toMatch(/^ch149999\s+149,999\.00/u);
  }, 120_000);

  it('prints the attribution models table of 150k channels (its lines are not spread into one push)', () => {
    const csv = readFileSync(new URL('../../samples/csv/crm-leads-ru--leads.csv', import.meta.url), 'utf8');
    const a = runReport(csv, { today: '2027-06-01' }).analysis;
    expect(a.models).not.toBeNull();
    const n = 150_000;
    const wide = (m: AttributionModel) => Array.from({ length: n }, (_, i) => ({ ...a.models![m][0], channel: `ch${i}`, newCustomers: i }));
    const models = Object.fromEntries(ATTRIBUTION_MODELS.map((m) => [m, wide(m)])) as unknown as typeof a.models;
    const lines = formatAnalysis({ ...a, models }, 'en').split('\n');
    expect(lines.filter((l) => l.startsWith('ch'))).toHaveLength(n);
    expect(lines.find((l) => l.startsWith('ch149999'))).toMatch(/^ch149999\s+149,999\.0/u);
  }, 120_000);

  it('runs end to end on a 150k-channel CSV', () => {
    const rows = ['Date,Channel,Spend,Leads'];
    for (let i = 0; i < 150_000; i++) rows.push(`2026-01-01,ch${i},${i % 100},1`);
    const path = file('wide.csv', Buffer.from(rows.join('\n')));
    const out = execFileSync(process.execPath, ['bin/funnel-roi.mjs', 'report', path], {
      env: ENGLISH,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(out.split('\n').filter((l) => l.startsWith('ch'))).toHaveLength(150_000);
  }, 300_000);
});
