/**
 * The one place where BigQuery Standard SQL and DuckDB SQL differ. The compiler writes every expression
 * through a Dialect, so both renderings come from the same plan. User text (channel labels, statuses,
 * column and table names) only ever reaches SQL through `literal` and `ident`, which escape it.
 */

export type DialectName = 'bigquery' | 'duckdb';

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier (column or CTE name). */
  ident(name: string): string;
  /** A quoted table path: ['project', 'dataset', 'table'] or ['table']. */
  table(path: readonly string[]): string;
  /** A string literal; any text, control characters included. */
  literal(text: string): string;
  regexContains(x: string, pattern: string): string;
  /** Replaces every match (BigQuery always does; DuckDB needs the 'g' flag). */
  regexReplace(x: string, pattern: string, replacement: string): string;
  /** The first capturing group; `pattern` must hold exactly one (BigQuery refuses more). NULL or '' when absent. */
  regexExtract(x: string, pattern: string): string;
  toText(x: string): string;
  /** NULL when the text is not a number. */
  tryDouble(x: string): string;
  tryInt(x: string): string;
  isFinite(x: string): string;
  /** Integer division of non-negative operands. */
  idiv(a: string, b: string): string;
  /** Days since 1970-01-01 → DATE. */
  dateFromDays(days: string): string;
  /** DATE + k calendar months (the day clamped to the month's end, as analysis/cohort.ts addMonths does). */
  addMonths(date: string, k: string): string;
  /** DATE → days since 1970-01-01. */
  daysOf(date: string): string;
  formatDate(date: string, format: string): string;
  /** An instant read as the calendar day of `zone` (IANA name). */
  instantToDate(x: string, zone: string): string;
  /** Seconds since the epoch as an instant (TIMESTAMP / TIMESTAMPTZ). */
  timestampSeconds(seconds: string): string;
  /** Seconds since the epoch (an instant) read as the calendar day of `zone`. */
  instantSecondsToDate(seconds: string, zone: string): string;
  /** Unicode NFKC, so full-width and compatibility forms match their plain spellings (see README: DuckDB's limits). */
  nfkc(x: string): string;
  /** The value of `x` on the row with the least `order` in the group. */
  firstBy(x: string, order: string): string;
  /** Up to `n` of the smallest integer values of `x` in the group, joined by ", ". */
  smallestList(x: string, n: number): string;
  /** FROM-clause item: `rel` crossed with the integers 1..n as column `alias`. */
  crossIntegers(n: number, alias: string): string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what a literal must escape
const CONTROL = /[\u0000-\u001f\u007f]/u;

/** BigQuery quoted identifiers and string literals take backslash escapes. */
function bigQueryEscape(text: string, quote: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) out += '\\' + ch;
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}

export const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => '`' + bigQueryEscape(name, '`') + '`',
  table: (path) => path.map((p) => bigquery.ident(p)).join('.'),
  literal: (text) => "'" + bigQueryEscape(text, "'") + "'",
  regexContains: (x, p) => `REGEXP_CONTAINS(${x}, ${bigquery.literal(p)})`,
  regexReplace: (x, p, r) => `REGEXP_REPLACE(${x}, ${bigquery.literal(p)}, ${bigquery.literal(r)})`,
  regexExtract: (x, p) => `REGEXP_EXTRACT(${x}, ${bigquery.literal(p)})`,
  toText: (x) => `CAST(${x} AS STRING)`,
  tryDouble: (x) => `SAFE_CAST(${x} AS FLOAT64)`,
  tryInt: (x) => `SAFE_CAST(${x} AS INT64)`,
  isFinite: (x) => `(NOT IS_INF(${x}) AND NOT IS_NAN(${x}))`,
  idiv: (a, b) => `DIV(${a}, ${b})`,
  dateFromDays: (d) => `DATE_FROM_UNIX_DATE(${d})`,
  daysOf: (d) => `UNIX_DATE(${d})`,
  addMonths: (d, k) => `DATE_ADD(${d}, INTERVAL (${k}) MONTH)`,
  formatDate: (d, f) => `FORMAT_DATE(${bigquery.literal(f)}, ${d})`,
  instantToDate: (x, zone) => `DATE(${x}, ${bigquery.literal(zone)})`,
  timestampSeconds: (n) => `TIMESTAMP_SECONDS(${n})`,
  instantSecondsToDate: (n, zone) => `DATE(TIMESTAMP_SECONDS(${n}), ${bigquery.literal(zone)})`,
  nfkc: (x) => `NORMALIZE(${x}, NFKC)`,
  firstBy: (x, o) => `ARRAY_AGG(${x} ORDER BY ${o} LIMIT 1)[OFFSET(0)]`,
  smallestList: (x, n) => `ARRAY_TO_STRING(ARRAY_AGG(CAST(${x} AS STRING) ORDER BY ${x} LIMIT ${n}), ', ')`,
  crossIntegers: (n, alias) => `CROSS JOIN UNNEST(GENERATE_ARRAY(1, ${n})) AS ${bigquery.ident(alias)}`,
};

// DuckDB has no NFKC; full-width ASCII (U+FF01–FF5E) and the ideographic space are what CJK exports carry.
const FULL_WIDTH = Array.from({ length: 0x5e }, (_, i) => String.fromCodePoint(0xff01 + i)).join('') + '\u3000';
const HALF_WIDTH = Array.from({ length: 0x5e }, (_, i) => String.fromCodePoint(0x21 + i)).join('') + ' ';

export const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => '"' + name.replace(/"/gu, '""') + '"',
  table: (path) => path.map((p) => duckdb.ident(p)).join('.'),
  literal: (text) => {
    if (!CONTROL.test(text)) return "'" + text.replace(/'/gu, "''") + "'";
    // Standard strings take control characters verbatim except NUL; chr() keeps them all explicit.
    const parts: string[] = [];
    let run = '';
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) {
        if (run) parts.push("'" + run.replace(/'/gu, "''") + "'");
        run = '';
        parts.push(`chr(${code})`);
      } else run += ch;
    }
    if (run) parts.push("'" + run.replace(/'/gu, "''") + "'");
    return '(' + parts.join(' || ') + ')';
  },
  regexContains: (x, p) => `regexp_matches(${x}, ${duckdb.literal(p)})`,
  regexReplace: (x, p, r) => `regexp_replace(${x}, ${duckdb.literal(p)}, ${duckdb.literal(r)}, 'g')`,
  regexExtract: (x, p) => `regexp_extract(${x}, ${duckdb.literal(p)}, 1)`,
  toText: (x) => `CAST(${x} AS VARCHAR)`,
  tryDouble: (x) => `TRY_CAST(${x} AS DOUBLE)`,
  tryInt: (x) => `TRY_CAST(${x} AS BIGINT)`,
  isFinite: (x) => `isfinite(${x})`,
  idiv: (a, b) => `((${a}) // (${b}))`,
  dateFromDays: (d) => `(DATE '1970-01-01' + CAST(${d} AS INTEGER))`,
  daysOf: (d) => `(${d} - DATE '1970-01-01')`,
  addMonths: (d, k) => `CAST(${d} + INTERVAL (${k}) MONTH AS DATE)`,
  formatDate: (d, f) => `strftime(${d}, ${duckdb.literal(f)})`,
  instantToDate: (x, zone) => `CAST(timezone(${duckdb.literal(zone)}, ${x}) AS DATE)`,
  timestampSeconds: (n) => `to_timestamp(${n})`,
  instantSecondsToDate: (n, zone) => `CAST(timezone(${duckdb.literal(zone)}, to_timestamp(${n})) AS DATE)`,
  nfkc: (x) => `nfc_normalize(translate(${x}, ${duckdb.literal(FULL_WIDTH)}, ${duckdb.literal(HALF_WIDTH)}))`,
  firstBy: (x, o) => `arg_min(${x}, ${o})`,
  // min(x, n) keeps only n values per group (a bounded heap); a list of every row number would not fit at 100M rows.
  smallestList: (x, n) => `array_to_string(list_sort(min(${x}, ${n})), ', ')`,
  crossIntegers: (n, alias) => `CROSS JOIN range(1, ${n + 1}) AS r_(${duckdb.ident(alias)})`,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { bigquery, duckdb };
