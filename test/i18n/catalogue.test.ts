/**
 * The message catalogue is complete and consistent: every issue code and error has a template in every
 * locale, the templates agree on their params, ru and zh read as Russian and Chinese, and every code the
 * source emits is declared. The typecheck enforces most of this (ru/zh are typed by en's keys, and
 * `CodedError`/`issue` need the template's params); these tests catch what the types cannot.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, enIssues, enRoles } from '../../src/core/i18n/en.js';
import { format, issueText, LOCALES, templateParams } from '../../src/core/i18n/index.js';
import { ru, ruIssues, ruRoles } from '../../src/core/i18n/ru.js';
import { zh, zhIssues, zhRoles } from '../../src/core/i18n/zh.js';
import { CodedError, englishText, isIssueCode, issue } from '../../src/core/issues.js';
import { METRICS_CATALOGUE } from '../../src/core/i18n/metrics.js';
import { englishWords } from './english-words.js';
import { sanitizeMapping } from '../../src/adapter/mapping-store.js';
import { parseMapping, serializeMapping } from '../../src/core/mapping/index.js';
import { aggregatedMapping } from '../support/mappings.js';

const PACKS = {
  ru: { messages: ru, issues: ruIssues, roles: ruRoles },
  zh: { messages: zh, issues: zhIssues, roles: zhRoles },
} as const;

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('issue templates', () => {
  it('every code has a non-empty template in every locale', () => {
    for (const [locale, pack] of Object.entries(PACKS)) {
      expect(Object.keys(pack.issues).sort(), locale).toEqual(Object.keys(enIssues).sort());
      expect(Object.keys(pack.messages).sort(), locale).toEqual(Object.keys(en).sort());
      expect(Object.keys(pack.roles).sort(), locale).toEqual(Object.keys(enRoles).sort());
      for (const [code, text] of Object.entries(pack.issues)) expect(text.trim(), `${locale} ${code}`).not.toBe('');
    }
  });

  it('the templates of a code take the same params in every locale', () => {
    for (const [locale, pack] of Object.entries(PACKS)) {
      for (const code of Object.keys(enIssues) as (keyof typeof enIssues)[])
        expect(templateParams(pack.issues[code]), `${locale} ${code}`).toEqual(templateParams(enIssues[code]));
      for (const key of Object.keys(en) as (keyof typeof en)[])
        expect(templateParams(pack.messages[key]), `${locale} ${key}`).toEqual(templateParams(en[key]));
    }
  });

  it('ru and zh templates have no English words', () => {
    for (const [locale, pack] of Object.entries(PACKS)) {
      const metrics = Object.entries(METRICS_CATALOGUE[locale as 'ru' | 'zh']);
      for (const [key, text] of [
        ...Object.entries(pack.issues),
        ...Object.entries(pack.messages),
        ...Object.entries(pack.roles),
        ...metrics,
      ]) {
        // Placeholders are names, not text; plural clause keywords (one, few, many, other) are syntax.
        const words = format(text, Object.fromEntries(templateParams(text).map((p) => [p, 7])), locale as 'ru' | 'zh');
        expect(englishWords(words), `${locale} ${key}: ${text}`).toEqual([]);
      }
    }
  });

  it('the allow-list check is a real check', () => {
    expect(englishWords('Пропущено 3 строки: the date cannot be read')).toEqual(['the', 'date', 'cannot', 'be', 'read']);
    expect(englishWords('ROMI и CAC по каналу Яндекс, EUR')).toEqual([]);
    expect(englishWords('Data Viewer')).toEqual(['Data', 'Viewer']);
  });

  it('every code the source emits is declared in the catalogue', () => {
    const emitted = new Set<string>();
    const patterns = [
      /\bissue\(\s*'(?:error|warning|info)',\s*'([a-z_]+)'/gu,
      /new (?:CodedError|SheetsLimitError)\(\s*'([a-z_]+)'/gu,
      /CodedError\.withIssues\(\s*'([a-z_]+)'/gu,
      /\bcode: '([a-z_]+)'/gu,
    ];
    for (const file of [...sources('src'), ...sources('sidebar')]) {
      if (file.includes(join('core', 'i18n'))) continue;
      const text = readFileSync(file, 'utf8');
      for (const p of patterns) for (const m of text.matchAll(p)) emitted.add(m[1]);
    }
    expect(emitted.size).toBeGreaterThan(40);
    expect([...emitted].filter((c) => !isIssueCode(c))).toEqual([]);
  });
});

describe('plurals', () => {
  it('Russian picks one / few / many by Intl.PluralRules', () => {
    const text = (count: number): string => issueText('ru', { code: 'rows_skipped_date', params: { count, column: 'Дата', rows: '3' } });
    expect(text(1)).toMatch(/^Пропущена 1 строка:/u);
    expect(text(3)).toMatch(/^Пропущены 3 строки:/u);
    expect(text(5)).toMatch(/^Пропущено 5 строк:/u);
    expect(text(21)).toMatch(/^Пропущена 21 строка:/u);
    expect(text(112)).toMatch(/^Пропущено 112 строк:/u);
  });

  it('period-labelled lead rows agree with their count in Russian and English', () => {
    const params = (count: number, deals: number) => ({ count, deals, column: 'Дата', example: 'Январь 2026' });
    const ru = (count: number): string => issueText('ru', { code: 'created_period_labels', params: params(count, 1) });
    expect(ru(1)).toMatch(/^1 строка лидов датирована /u);
    expect(ru(3)).toMatch(/^3 строки лидов датированы /u);
    expect(ru(5)).toMatch(/^5 строк лидов датированы /u);
    expect(englishText('created_period_labels', params(1, 1))).toMatch(/^1 lead row is dated .* its 1 won deal\.$/u);
    expect(englishText('created_period_labels', params(4, 2))).toMatch(/^4 lead rows are dated .* their 2 won deals\.$/u);
  });

  it('English says 1 row, 2 rows; Chinese has one form', () => {
    expect(englishText('rows_skipped_date', { count: 1, column: 'Date', rows: '3' })).toMatch(/^1 row skipped/u);
    expect(englishText('rows_skipped_date', { count: 2, column: 'Date', rows: '3, 4' })).toMatch(/^2 rows skipped/u);
    expect(issueText('zh', { code: 'rows_skipped_date', params: { count: 1, column: '日期', rows: '3' } })).toBe(
      '已跳过 1 行：无法读取日期（日期）；行 3。',
    );
  });

  it('an unknown selector or a missing count leaves the placeholder visible', () => {
    expect(format('{n, plural, one {# x} other {# xs}}', {}, 'en')).toBe('{n, plural, one {# x} other {# xs}}');
    expect(format('{n, plural, one {# x} other {# xs}}', { n: 'abc' }, 'en')).toBe('{n, plural, one {# x} other {# xs}}');
    expect(format('{n, plural, =0 {none} one {# x} other {# xs}}', { n: 0 }, 'en')).toBe('none');
  });
});

describe('coded messages', () => {
  it('a coded error carries its code and params and reads in each locale', () => {
    const error = new CodedError('sheet_not_found', { sheet: 'Лиды' });
    expect(error.message).toBe('There is no sheet named "Лиды" (it may have been renamed or deleted).');
    expect(issueText('ru', error)).toBe('Листа «Лиды» нет (возможно, его переименовали или удалили).');
    expect(issueText('zh', error)).toBe('没有名为“Лиды”的工作表（可能已被重命名或删除）。');
  });

  it('a refusal lists its issues in the reader’s language', () => {
    const problems = [issue('error', 'missing_channel', { role: 'channel' }), issue('error', 'invalid_granularity', { value: 'day' })];
    const error = CodedError.withIssues('mapping_not_saved', problems);
    expect(error.message).toMatch(/^The mapping was not saved\. No channel\/source column: .* Period must be week, month or quarter\.$/u);
    const text = issueText('ru', error);
    expect(text).toMatch(/^Разметка не сохранена\. Нет столбца с каналом\/источником: .* Период — неделя, месяц или квартал\.$/u);
  });

  it('role and table params are named in the reader’s language', () => {
    const dup = issue('error', 'duplicate_role', { role: 'spend', headers: 'A, B', table: 'costs' });
    expect(issueText('ru', dup)).toContain('«Расход»');
    const gone = issue('error', 'column_missing', { header: 'Spend', column: 'D', table: 'costs' });
    expect(gone.message).toBe('Column "Spend" (was D) is no longer in the costs table.');
    expect(issueText('ru', gone)).toBe('Столбца «Spend» (был D) больше нет в таблице расходов.');
    expect(issueText('zh', gone)).toBe('列“Spend”（原 D）已不在花费表中。');
  });

  it('every locale renders every code without a leftover placeholder', () => {
    for (const code of Object.keys(enIssues) as (keyof typeof enIssues)[]) {
      const params = Object.fromEntries(templateParams(enIssues[code]).map((p) => [p, 2]));
      for (const locale of LOCALES) expect(issueText(locale, { code, params }), `${locale} ${code}`).not.toMatch(/[{}]/u);
    }
  });

  it('a missing param is a compile error', () => {
    // @ts-expect-error sheet_not_found needs { sheet }
    expect(() => new CodedError('sheet_not_found', {})).not.toThrow();
    // @ts-expect-error column_moved needs header, column and newColumn
    expect(issue('error', 'column_moved', { header: 'x' }).code).toBe('column_moved');
    // @ts-expect-error not a code of the catalogue
    expect(() => new CodedError('no_such_code')).not.toThrow();
  });
});

describe('the technical detail of a damaged mapping', () => {
  /** A damaged saved mapping: each case breaks one field the parser checks. */
  const base = aggregatedMapping([
    ['Date', 'date'],
    ['Channel', 'channel'],
    ['Spend', 'spend'],
  ]);
  const good = JSON.parse(serializeMapping(base)) as Record<string, unknown>;
  const damaged: Record<string, unknown> = {
    'an unexpected property': { ...good, evil: true },
    'a bad shape': { ...good, sh: 'x' },
    'no schema version': { ...good, schemaVersion: 'one' },
    'a bad metrics option': { ...good, m: { attribution: 'shapley' } },
  };
  /** The params (the field's path, allowed values, the expected shape) are code; what is left is prose. */
  const prose = (text: string, error: CodedError): string => {
    let out = text;
    for (const [name, value] of Object.entries(error.params)) if (name !== 'detail') out = out.split(String(value)).join(' ');
    return out;
  };

  for (const [what, value] of Object.entries(damaged)) {
    it(`${what}: the saved-mapping error and the sidebar's refusal read in ru and zh`, () => {
      let saved: unknown;
      try {
        parseMapping(JSON.stringify(value));
      } catch (e) {
        saved = e;
      }
      expect(saved).toBeInstanceOf(CodedError);
      const error = saved as CodedError;
      expect(error.code).toBe('invalid_mapping');
      // English names the field and the detail, as before.
      expect(error.message).toMatch(/^The saved mapping is damaged at \S+: [a-z]/u);
      for (const locale of ['ru', 'zh'] as const) {
        const text = issueText(locale, error);
        expect(text).not.toContain('detail.');
        expect(englishWords(prose(text, error)), text).toEqual([]);
      }
    });
  }

  it('the sidebar’s malformed mapping carries the parser’s field and detail, translated', () => {
    const mapping = { ...base, options: { ...base.options, granularity: 'day' } };
    let thrown: unknown;
    try {
      sanitizeMapping(mapping);
    } catch (e) {
      thrown = e;
    }
    const error = thrown as CodedError;
    expect(error.code).toBe('mapping_malformed');
    expect(error.message).toBe('The mapping sent by the sidebar is malformed (options.granularity: must be one of week, month, quarter).');
    expect(issueText('ru', error)).toBe(
      'Разметка из боковой панели повреждена (options.granularity: допустимо одно из week, month, quarter).',
    );
    expect(issueText('zh', error)).toBe('侧边栏发送的映射格式有误（options.granularity：必须是 week, month, quarter 之一）。');
  });
});
