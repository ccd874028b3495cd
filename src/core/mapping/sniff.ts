/**
 * What kind of values a column holds: numbers, dates, text, or nothing. Exports mix real numbers with
 * text numbers ("1 234,56 ₽"), real dates with text dates ("01.03.2026") and month labels ("2026-03",
 * "Март 2026"), so every cell is classified on its own and the column takes the clear majority.
 */
import type { ValueType } from '../../api/contract.js';
import { parseDateText } from '../dates.js';
import { isBlank, isDate, isSheetError, parseNumberText, type CellValue } from '../values.js';
import { normalizeHeader } from './normalize.js';

export type CellKind = 'number' | 'date' | 'text' | 'blank';

// Sheets serials for 1990-01-01 … 2100-01-01: a number in this range under a "Date" header is a date.
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73051;

const MONTH_NAMES =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|' +
  'янв|фев|мар|апр|май|мая|июн|июл|авг|сен|сент|окт|ноя|дек|январь|февраль|март|апрель|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|' +
  'января|февраля|марта|апреля|июня|июля|августа|сентября|октября|ноября|декабря';
const MONTH_LABEL = new RegExp(`^(?:(?:${MONTH_NAMES})\\.?\\s*'?\\d{2,4}|\\d{4}\\s*(?:${MONTH_NAMES})\\.?)$`, 'iu');

/** Month and week labels that parseDateValue does not read as a day but that clearly name a period. */
export function isPeriodText(text: string): boolean {
  const s = text.trim().toLowerCase();
  return (
    /^\d{4}[-./]\d{1,2}$/u.test(s) ||
    /^\d{1,2}[./]\d{4}$/u.test(s) ||
    /^\d{4}年\d{1,2}月$/u.test(s) ||
    /^\d{4}[-\s]?(?:w|н|q|кв)\d{1,2}$/iu.test(s) ||
    /^\d{1,2}\/\d{1,2}\/\d{4}$/u.test(s) ||
    MONTH_LABEL.test(s)
  );
}

const DATE_HEADER = /(?:date|day|month|week|period|created|closed|дата|день|месяц|неделя|период|日期|时间|月份|日|月|周)/iu;

/** A header under which whole numbers in the serial range are dates, not counts. */
export function isDateLikeHeader(header: string): boolean {
  return DATE_HEADER.test(normalizeHeader(header));
}

export function classifyCell(value: CellValue, serialsAreDates = false): CellKind {
  if (isBlank(value) || isSheetError(value)) return 'blank';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'blank' : 'date';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'blank';
    return serialsAreDates && value >= SERIAL_MIN && value <= SERIAL_MAX ? 'date' : 'number';
  }
  if (typeof value === 'boolean') return 'text';
  // isSheetError's type guard narrows strings away above, so read the text through String().
  const s = String(value).trim();
  // A bare year or a plain integer is a number, never a date: parseDateValue does not take them anyway.
  if (parseNumberText(s) !== undefined) return 'number';
  if (parseDateText(s) !== undefined || isPeriodText(s)) return 'date';
  return 'text';
}

/** Classifies at most this many cells per column, spread over the whole column, so 100k rows stay fast. */
export const SNIFF_SAMPLE = 400;

export interface ColumnProfile {
  readonly valueType: ValueType;
  readonly nonBlank: number;
  readonly sampled: number;
  readonly counts: Readonly<Record<CellKind, number>>;
  /** Distinct non-blank text values seen in the sample (capped). */
  readonly distinctText: number;
}

export function profileColumn(values: readonly CellValue[], header = ''): ColumnProfile {
  const serialsAreDates = isDateLikeHeader(header);
  const counts: Record<CellKind, number> = { number: 0, date: 0, text: 0, blank: 0 };
  const distinct = new Set<string>();
  const step = values.length > SNIFF_SAMPLE ? values.length / SNIFF_SAMPLE : 1;
  let sampled = 0;
  for (let i = 0; i < values.length && sampled < SNIFF_SAMPLE; i = Math.floor(++sampled * step)) {
    const v = values[i];
    const kind = classifyCell(v, serialsAreDates);
    counts[kind]++;
    if (kind === 'text' && distinct.size < 1000) distinct.add(String(v).trim().toLowerCase());
  }
  const nonBlank = counts.number + counts.date + counts.text;
  return { valueType: majorityType(counts, nonBlank), nonBlank, sampled, counts, distinctText: distinct.size };
}

export function sniffColumn(values: readonly CellValue[], header = ''): ValueType {
  return profileColumn(values, header).valueType;
}

function majorityType(counts: Record<CellKind, number>, nonBlank: number): ValueType {
  if (nonBlank === 0) return 'empty';
  // 80%: a few "n/a" or "—" cells in a numeric column must not turn it into text.
  if (counts.number / nonBlank >= 0.8) return 'number';
  if (counts.date / nonBlank >= 0.8) return 'date';
  return 'text';
}
