/**
 * What kind of values a column holds: numbers, dates, text, or nothing. Exports mix real numbers with
 * text numbers ("1 234,56 ₽"), real dates with text dates ("01.03.2026") and period labels ("2026-03",
 * "Март 2026", "2026-Q1"), so every cell is classified on its own and the column takes the clear majority.
 * A cell is a date exactly when the shared readers read it (dates.ts parseDateText, periods.ts
 * parsePeriodText). Text that is both a number and a period (`1.2026`, `2026.10`) is a date only in a
 * column with a date-like header or a zero-padded label (`01.2026`), where no one means a number.
 */
import type { ValueType } from './types.js';
import { compactDay, dayOrderOf, isSlashedDay, parseDateText, type DayOrder } from '../dates.js';
import { parsePeriodText } from '../periods.js';
import { isDate, isNoValue, isSheetError, parseNumberText, type CellValue } from '../values.js';
import { normalizeHeader } from './normalize.js';

export type CellKind = 'number' | 'date' | 'text' | 'blank';

// Sheets serials for 1990-01-01 … 2100-01-01: a number in this range under a "Date" header is a date, as is
// a compact `20260314` (dates.ts compactDay).
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73051;

/** Month, quarter and week labels (`2026-01`, `Январь 2026`, `2026-Q1`, `2026年第5周`…): the shared definition. */
export function isPeriodText(text: string): boolean {
  return parsePeriodText(text) !== undefined;
}

/** A period label zero-padded the way no one writes a number: `01.2026`, `2026.01`. */
const PADDED_PERIOD = /^\s*(?:0\d[./-]\d{4}|\d{4}[./-]0\d)\s*$/u;

const DATE_HEADER = /(?:date|day|month|week|period|created|closed|дата|день|месяц|неделя|период|日期|时间|月份|日|月|周)/iu;

/** A header under which whole numbers in the serial range are dates, not counts. */
export function isDateLikeHeader(header: string): boolean {
  return DATE_HEADER.test(normalizeHeader(header));
}

export function classifyCell(value: CellValue, serialsAreDates = false, order?: DayOrder): CellKind {
  // "N/A" or "—" where an export has no figure says nothing about the column's type (values.ts NO_VALUE).
  if (isNoValue(value) || isSheetError(value)) return 'blank';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'blank' : 'date';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'blank';
    const dated = (value >= SERIAL_MIN && value <= SERIAL_MAX) || compactDay(value) !== undefined;
    return serialsAreDates && dated ? 'date' : 'number';
  }
  if (typeof value === 'boolean') return 'text';
  // isSheetError's type guard narrows strings away above, so read the text through String().
  const s = String(value).trim();
  // A bare year or a plain integer is a number, never a date: parseDateValue does not take them anyway.
  if (parseNumberText(s) !== undefined) return 'number';
  if (parseDateText(s, 'Etc/UTC', order) !== undefined || isPeriodText(s)) return 'date';
  return 'text';
}

/** Classifies at most this many cells per column, spread over the whole column, so 100k rows stay fast. */
export const SNIFF_SAMPLE = 400;

export interface ColumnProfile {
  readonly valueType: ValueType;
  readonly nonBlank: number;
  readonly sampled: number;
  readonly counts: Readonly<Record<CellKind, number>>;
  /** Sampled text cells that read both as a number and as a period label (`1.2026`), counted as numbers. */
  readonly numberOrPeriod: number;
  /** Distinct non-blank text values seen in the sample (capped). */
  readonly distinctText: number;
  /** What most non-blank values look like beyond their type (an e-mail, a phone, a person's name, money…), if anything. */
  readonly shape?: ValueShape;
}

/**
 * What values look like, for the guesser's rules: an identity (e-mail, phone, an opaque id), a person's
 * display name, money (fractions) or a count (whole numbers).
 */
export type ValueShape = 'email' | 'phone' | 'id' | 'personName' | 'money' | 'count' | 'dayOrderUnknown';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
// "+7 912 345-67-89", "8 (495) 123-45-67", "13800138000", "+1-555-0100": 7–15 digits, phone punctuation only.
const PHONE = /^\+?[\d\s\-().]{7,22}$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
// An opaque code: letters and digits with at least one digit, no spaces ("ord_8f2K1", "4200001234202603011234").
const CODE = /^(?=.*\d)[\p{L}\d_\-:#/]{4,}$/u;
// "Анна Смирнова", "John A. Smith": two to four capitalised words.
const PERSON = /^\p{Lu}\p{Ll}+\.?(?:[ -]\p{Lu}\p{Ll}*\.?){1,3}$/u;
// "李明", "张小凡": a common surname and one or two given-name characters ("已完成", "短视频" are not names).
const HAN_PERSON =
  /^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤][\u4e00-\u9fff]{1,2}$/u;

function cellShape(value: CellValue, kind: CellKind): ValueShape | undefined {
  if (kind === 'number') {
    const n = typeof value === 'number' ? value : parseNumberText(String(value));
    if (n === undefined) return undefined;
    const digits = String(value).replace(/\D/gu, '').length;
    // A text number that is really a phone: "+7 912 345-67-89", "8 (495) 123-45-67", a Chinese mobile "13800138000".
    const phoneLike =
      PHONE.test(String(value)) && digits >= 10 && (/^\s*[+8(]|\s|-/u.test(String(value)) || /^1[3-9]\d{9}$/u.test(String(value)));
    if (typeof value === 'string' && phoneLike) return 'phone';
    return Number.isInteger(n) ? 'count' : 'money';
  }
  if (kind !== 'text') return undefined;
  const s = String(value).trim();
  // `03/04/2026` in a column that does not show its month/day order: a date all the same, read once it does.
  if (isSlashedDay(s)) return 'dayOrderUnknown';
  if (EMAIL.test(s)) return 'email';
  if (PHONE.test(s) && s.replace(/\D/gu, '').length >= 7) return 'phone';
  if (UUID.test(s) || CODE.test(s)) return 'id';
  if (PERSON.test(s) || HAN_PERSON.test(s)) return 'personName';
  return undefined;
}

/** The shape most sampled values share (≥ 60% of non-blank cells); money wins over count when fractions appear at all. */
function dominantShape(shapes: Record<ValueShape, number>, nonBlank: number): ValueShape | undefined {
  if (nonBlank === 0) return undefined;
  if (shapes.money > 0 && (shapes.money + shapes.count) / nonBlank >= 0.6) return 'money';
  let best: ValueShape | undefined;
  for (const k of Object.keys(shapes) as ValueShape[]) if (shapes[k] / nonBlank >= 0.6 && (!best || shapes[k] > shapes[best])) best = k;
  return best;
}

export function profileColumn(values: readonly CellValue[], header = ''): ColumnProfile {
  const serialsAreDates = isDateLikeHeader(header);
  // `03/14/2026` is a date when the column shows its month/day order, as the readers read it (dates.ts).
  const order = dayOrderOf(values);
  const counts: Record<CellKind, number> = { number: 0, date: 0, text: 0, blank: 0 };
  const distinct = new Set<string>();
  const step = values.length > SNIFF_SAMPLE ? values.length / SNIFF_SAMPLE : 1;
  let sampled = 0;
  let numberOrPeriod = 0;
  let padded = false;
  const shapes: Record<ValueShape, number> = { email: 0, phone: 0, id: 0, personName: 0, money: 0, count: 0, dayOrderUnknown: 0 };
  for (let i = 0; i < values.length && sampled < SNIFF_SAMPLE; i = Math.floor(++sampled * step)) {
    const v = values[i];
    const kind = classifyCell(v, serialsAreDates, order);
    counts[kind]++;
    if (kind === 'number' && typeof v === 'string' && isPeriodText(v)) {
      numberOrPeriod++;
      padded ||= PADDED_PERIOD.test(v);
    }
    if (kind === 'text' && distinct.size < 1000) distinct.add(String(v).trim().toLowerCase());
    const shape = cellShape(v, kind);
    if (shape) shapes[shape]++;
  }
  const nonBlank = counts.number + counts.date + counts.text;
  const periodsLikely = numberOrPeriod > 0 && (serialsAreDates || padded);
  return {
    valueType: majorityType(counts, nonBlank, periodsLikely ? numberOrPeriod : 0),
    nonBlank,
    sampled,
    counts,
    numberOrPeriod,
    distinctText: distinct.size,
    shape: dominantShape(shapes, nonBlank),
  };
}

export function sniffColumn(values: readonly CellValue[], header = ''): ValueType {
  return profileColumn(values, header).valueType;
}

/** `periods`: cells counted as numbers that this column means as period labels. */
function majorityType(counts: Record<CellKind, number>, nonBlank: number, periods: number): ValueType {
  if (nonBlank === 0) return 'empty';
  // 80%: a few "n/a" or "—" cells in a numeric column must not turn it into text.
  if ((counts.number - periods) / nonBlank >= 0.8) return 'number';
  if ((counts.date + periods) / nonBlank >= 0.8) return 'date';
  if (counts.number / nonBlank >= 0.8) return 'number';
  return 'text';
}
