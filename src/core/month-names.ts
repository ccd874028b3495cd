/**
 * Month names as exports spell them — English, Russian nominative, genitive and abbreviated — declared once
 * for period labels (`Jan 2026`, periods.ts) and dates written with a month name (`Mar 14, 2026`,
 * `14 марта 2026 г.`, dates.ts), in JavaScript and in the warehouse SQL.
 */
export const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'янв', 'январь', 'января'],
  ['feb', 'february', 'фев', 'февр', 'февраль', 'февраля'],
  ['mar', 'march', 'мар', 'март', 'марта'],
  ['apr', 'april', 'апр', 'апрель', 'апреля'],
  ['may', 'май', 'мая'],
  ['jun', 'june', 'июн', 'июнь', 'июня'],
  ['jul', 'july', 'июл', 'июль', 'июля'],
  ['aug', 'august', 'авг', 'август', 'августа'],
  ['sep', 'sept', 'september', 'сен', 'сент', 'сентябрь', 'сентября'],
  ['oct', 'october', 'окт', 'октябрь', 'октября'],
  ['nov', 'november', 'ноя', 'нояб', 'ноябрь', 'ноября'],
  ['dec', 'december', 'дек', 'декабрь', 'декабря'],
];

const MONTH_BY_NAME = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/** 1..12 for a month name in any case (`Mar`, `МАРТА`), or undefined. */
export function monthOfName(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.toLowerCase());
}
