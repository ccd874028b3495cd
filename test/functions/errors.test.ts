/**
 * A custom function's error reads in the spreadsheet's language: every `fn_*` code is reached by a real
 * failing call, its English text is the one the catalogue declares, and in ru and zh the text still starts
 * with the function's name, names the parameter and the row, and has no English word in it.
 */
import { describe, expect, it } from 'vitest';
import { enIssues } from '../../src/core/i18n/en.js';
import type { CallContext } from '../../src/core/functions/define.js';
import type { FunctionCode } from '../../src/core/functions/errors.js';
import { CUSTOM_FUNCTIONS } from '../../src/core/functions/registry.js';
import type { Locale } from '../../src/core/types.js';
import { englishWords } from '../i18n/english-words.js';

const context = (locale: Locale): CallContext => ({ timeZone: () => 'Etc/UTC', locale: () => locale });

function message(locale: Locale, name: string, args: unknown[]): string {
  const f = CUSTOM_FUNCTIONS.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name}`);
  try {
    f.run(context(locale), args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${name} did not fail`);
}

interface Case {
  readonly fn: string;
  readonly args: unknown[];
  /** The parameter the text must name, when there is one. */
  readonly param?: string;
  /** The 1-based row of the range the text must name. */
  readonly row?: number;
}

const col = (...v: unknown[]) => v.map((x) => [x]);

const CASES: Record<FunctionCode, Case> = {
  fn_too_many_args: { fn: 'ROMI', args: [100, 50, 1, 999] },
  fn_required: { fn: 'ROMI', args: [], param: 'revenue' },
  fn_not_rectangular: { fn: 'CPL', args: [[[1, 2], [3]], col(1, 1)], param: 'cost' },
  fn_shape_mismatch: { fn: 'CPL', args: [col(1, 2), col(1)], param: 'leads' },
  fn_not_finite: { fn: 'CPL', args: [Infinity, 1], param: 'cost' },
  fn_sheet_error: { fn: 'CPL', args: [col(1, '#N/A'), col(1, 1)], param: 'cost', row: 2 },
  fn_not_number: { fn: 'CPL', args: [col(1, 2), col(1, 'abc')], param: 'leads', row: 2 },
  fn_not_date: { fn: 'DEAL_CYCLE', args: [col('2026-01-01', '2026-01-02'), col('2026-01-05', 'junk')], param: 'close_dates', row: 2 },
  fn_not_single: { fn: 'FUNNEL', args: [col(10, 5), col('step', 'overall')], param: 'mode' },
  fn_not_choice: { fn: 'FUNNEL', args: [col(10, 5), 'sideways'], param: 'mode' },
  fn_result_too_large: { fn: 'ROI', args: [col(1, 1e308), col(1, 1e-300)], row: 2 },
  fn_result_not_finite: { fn: 'FUNNEL', args: [col(1e-320, 1e308)] },
  fn_zero_denominator: { fn: 'CPL', args: [10, 0], param: 'leads' },
  fn_negative: { fn: 'CPL', args: [col(5, -1), col(1, 1)], param: 'cost', row: 2 },
  fn_margin: { fn: 'ROMI', args: [100, 50, 2], param: 'gross_margin' },
  fn_share: { fn: 'LTV_CHURN', args: [100, 2], param: 'churn_rate' },
  fn_not_whole: { fn: 'ABTEST', args: [1.5, 10, 1, 10], param: 'conversions_a' },
  fn_exceeds: { fn: 'ABTEST', args: [col(1, 20), col(10, 10), col(1, 1), col(10, 10)], param: 'conversions_a', row: 2 },
  fn_no_ids: { fn: 'REPEAT_RATE', args: [col('', '')], param: 'customer_ids' },
  fn_no_orders: { fn: 'COHORT_LTV', args: [col(''), col(''), col('')], param: 'revenue' },
  fn_no_answers: { fn: 'NPS', args: [col('', '')], param: 'scores' },
  fn_no_closed_deals: { fn: 'DEAL_CYCLE', args: [col('2026-01-01'), col('')], param: 'close_dates' },
  fn_no_purchases: { fn: 'ATTRIBUTION', args: [col(''), col(''), col(''), col('')], param: 'revenue' },
  fn_date_missing: { fn: 'ATTRIBUTION', args: [col('a', 'b'), col('2026-01-01', ''), col('x', 'y'), col(1, 2)], param: 'dates', row: 2 },
  fn_start_missing: { fn: 'DEAL_CYCLE', args: [col('2026-01-01', ''), col('2026-01-02', '2026-01-03')], param: 'start_dates', row: 2 },
  fn_close_before_start: { fn: 'DEAL_CYCLE', args: [col('2026-01-05'), col('2026-01-02')], param: 'close_dates', row: 1 },
  fn_months_range: { fn: 'COHORT_LTV', args: [col('a'), col('2026-01-01'), col(10), 0], param: 'months' },
  fn_score_range: { fn: 'NPS', args: [col(9, 11)], param: 'scores', row: 2 },
  fn_days_positive: { fn: 'ATTRIBUTION', args: [col('a'), col('2026-01-01'), col('x'), col(1), 'time_decay', -1], param: 'half_life_days' },
};

/** The English template as a pattern: each placeholder (plural clauses included) matches any text. */
function templatePattern(template: string): RegExp {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '{') {
      out += template[i].replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      continue;
    }
    let depth = 0;
    for (; i < template.length; i++) {
      if (template[i] === '{') depth++;
      else if (template[i] === '}' && --depth === 0) break;
    }
    out += '[\\s\\S]*';
  }
  return new RegExp(`^${out}$`, 'u');
}

/** The text without what is not prose: the function's and parameters' names, quoted values and error codes. */
function prose(text: string, fn: string): string {
  const names = CUSTOM_FUNCTIONS.find((f) => f.name === fn)!.params.map((p) => p.name);
  let out = text.replace(/"[^"]*"/gu, ' ').replace(/#[A-Z/0!?]+/gu, ' ');
  for (const name of [fn, ...names]) out = out.split(name).join(' ');
  return out;
}

const ROW: Record<'ru' | 'zh', (row: number) => string> = { ru: (r) => `строка ${r}`, zh: (r) => `第 ${r} 行` };

describe('custom-function errors in the spreadsheet’s language', () => {
  it('every fn_ code of the catalogue is reached by a case', () => {
    expect(Object.keys(CASES).sort()).toEqual(
      Object.keys(enIssues)
        .filter((c) => c.startsWith('fn_'))
        .sort(),
    );
  });

  for (const [code, c] of Object.entries(CASES) as [FunctionCode, Case][]) {
    it(`${code}: ${c.fn} fails with that code, and reads in ru and zh`, () => {
      const en = message('en', c.fn, c.args);
      expect(en).toMatch(templatePattern(enIssues[code]));
      expect(en.startsWith(`${c.fn}: `)).toBe(true);
      if (c.row !== undefined) expect(en).toContain(`row ${c.row}`);
      for (const locale of ['ru', 'zh'] as const) {
        const text = message(locale, c.fn, c.args);
        expect(text, locale).toMatch(new RegExp(`^${c.fn}[:：]`, 'u'));
        if (c.param) expect(text, locale).toContain(c.param);
        if (c.row !== undefined) expect(text, locale).toContain(ROW[locale](c.row));
        expect(englishWords(prose(text, c.fn)), `${locale}: ${text}`).toEqual([]);
      }
    });
  }

  it('a cell of a wide range is named by row and column', () => {
    const args = [[[1, 2]], [[1, 'x']]];
    expect(message('en', 'CPL', args)).toBe('CPL: leads must be a number, got "x" (row 1, column 2 of the range)');
    expect(message('ru', 'CPL', args)).toBe('CPL: leads должно быть числом, получено "x" (строка 1, столбец 2 диапазона)');
    expect(message('zh', 'CPL', args)).toBe('CPL：leads 必须是数字，实际为 "x"（区域第 1 行第 2 列）');
  });

  it('an unreadable locale leaves the English text, which still names function, field and row', () => {
    const f = CUSTOM_FUNCTIONS.find((x) => x.name === 'CPL')!;
    const broken: CallContext = {
      timeZone: () => 'Etc/UTC',
      locale: () => {
        throw new Error('no service');
      },
    };
    expect(() => f.run(broken, [col(1, 2), col(1, 'abc')])).toThrow('CPL: leads must be a number, got "abc" (row 2 of the range)');
  });

  it('the locale is not asked when the call succeeds', () => {
    const f = CUSTOM_FUNCTIONS.find((x) => x.name === 'CPL')!;
    let asked = 0;
    const counting: CallContext = { timeZone: () => 'Etc/UTC', locale: () => (asked++, 'ru') };
    expect(f.run(counting, [col(10, 20), col(5, 0)])).toEqual([[2], ['']]);
    expect(asked).toBe(0);
  });
});
