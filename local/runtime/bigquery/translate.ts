/**
 * The DuckDB twin of a BigQuery Standard SQL text, for the fake BigQuery service: the fake runs exactly
 * the SQL the bundle sent, rewritten token by token. It covers the constructs core/warehouse's BigQuery
 * dialect emits (and refuses any other function it does not know, so a new construct fails loudly here
 * instead of silently meaning something else):
 * - `backtick` identifiers and backslash-escaped '…' literals → DuckDB's "…" and '…' (chr() for controls);
 * - BigQuery types (INT64, FLOAT64, STRING) and SAFE_CAST → BIGINT, DOUBLE, VARCHAR, TRY_CAST;
 * - functions whose name or argument order differ → macros (`bq_*`) defined in MACROS;
 * - `UNNEST(GENERATE_ARRAY(a, b)) AS x` → a column alias DuckDB understands;
 * - NULL ordering: BigQuery sorts NULLs first ascending and last descending (default_null_order).
 * Semantics the two engines share (RE2 regular expressions, strftime's %G-W%V) are passed through.
 */
import { duckdb } from '../../../src/core/warehouse/dialect.js';

/** Session settings and macros every translated query runs after. */
export const SETUP: readonly string[] = [
  "SET default_null_order = 'nulls_first_on_asc_last_on_desc'",
  "SET TimeZone = 'UTC'",
  "CREATE OR REPLACE MACRO bq_regexp_replace(x, p, r) AS regexp_replace(x, p, r, 'g')",
  // BigQuery's REGEXP_EXTRACT is NULL when nothing matches; DuckDB's is ''.
  'CREATE OR REPLACE MACRO bq_regexp_extract(x, p) AS CASE WHEN regexp_matches(x, p) THEN regexp_extract(x, p, 1) END',
  'CREATE OR REPLACE MACRO bq_div(a, b) AS CAST(trunc((a) / (b)) AS BIGINT)',
  "CREATE OR REPLACE MACRO bq_date_from_unix_date(d) AS (DATE '1970-01-01' + CAST(d AS INTEGER))",
  "CREATE OR REPLACE MACRO bq_unix_date(d) AS (d - DATE '1970-01-01')",
  'CREATE OR REPLACE MACRO bq_date_add(d, i) AS CAST(d + i AS DATE)',
  'CREATE OR REPLACE MACRO bq_format_date(f, d) AS strftime(d, f)',
  'CREATE OR REPLACE MACRO bq_date(x, z) AS CAST(timezone(z, x) AS DATE)',
  // DuckDB has no NFKC; the same approximation as the DuckDB dialect (README: DuckDB's limits).
  `CREATE OR REPLACE MACRO bq_normalize(x, form) AS ${duckdb.nfkc('x')}`,
];

/** BigQuery function → DuckDB function or macro, for names that differ. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  REGEXP_CONTAINS: 'regexp_matches',
  REGEXP_REPLACE: 'bq_regexp_replace',
  REGEXP_EXTRACT: 'bq_regexp_extract',
  SAFE_CAST: 'TRY_CAST',
  IS_INF: 'isinf',
  IS_NAN: 'isnan',
  DIV: 'bq_div',
  DATE_FROM_UNIX_DATE: 'bq_date_from_unix_date',
  UNIX_DATE: 'bq_unix_date',
  DATE_ADD: 'bq_date_add',
  FORMAT_DATE: 'bq_format_date',
  DATE: 'bq_date',
  TIMESTAMP_SECONDS: 'to_timestamp',
  NORMALIZE: 'bq_normalize',
  GENERATE_ARRAY: 'generate_series',
};

/** Functions both engines spell and mean alike (for the arguments the compiler gives them). */
const SHARED = new Set([
  'ABS',
  'CAST',
  'COALESCE',
  'CONCAT',
  'COUNT',
  'EXTRACT',
  'FIRST_VALUE',
  'LAG',
  'FLOOR',
  'LAST_DAY',
  'LENGTH',
  'LOWER',
  'MAX',
  'MIN',
  'MOD',
  'NULLIF',
  'REPLACE',
  'ROW_NUMBER',
  'SUBSTR',
  // The 1-based position in characters, 0 when absent, in both (core/warehouse readers' month lookup).
  'STRPOS',
  'SUM',
  'TRUNC',
  'UNNEST',
  'UPPER',
  'POW',
  'GREATEST',
  'EXP',
  'LN',
  'DATE_DIFF',
  'IF',
  'SPLIT',
]);

const TYPES: Readonly<Record<string, string>> = { INT64: 'BIGINT', FLOAT64: 'DOUBLE', STRING: 'VARCHAR', BOOL: 'BOOLEAN' };
/** Bare words the compiler passes as arguments (NORMALIZE(x, NFKC)). */
const WORD_ARGS: Readonly<Record<string, string>> = { NFKC: "'NFKC'" };

type Token =
  | { kind: 'ident'; text: string } // `quoted`
  | { kind: 'string'; text: string } // decoded value
  | { kind: 'word'; text: string }
  | { kind: 'other'; text: string };

/** BigQuery's escapes in quoted literals and identifiers (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical). */
function unescape(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      b: '\b',
      f: '\f',
      v: '\v',
      a: '\x07',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '`': '`',
      '?': '?',
    };
    if (next in simple) out += simple[next];
    else if (next === 'x' || next === 'X') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16));
      i += 8;
    } else throw new Error(`translate: unknown escape \\${next}`);
  }
  return out;
}

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '`' || ch === '"') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === '\\' ? 2 : 1;
      if (j >= sql.length) throw new Error('translate: unterminated quote');
      const body = unescape(sql.slice(i + 1, j));
      out.push(ch === '`' ? { kind: 'ident', text: body } : { kind: 'string', text: body });
      i = j + 1;
    } else if (/[A-Za-z_]/u.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_]/u.test(sql[j])) j++;
      out.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else if (sql.startsWith('--', i)) {
      const j = sql.indexOf('\n', i);
      i = j < 0 ? sql.length : j;
    } else {
      out.push({ kind: 'other', text: ch });
      i++;
    }
  }
  return out;
}

const nextSignificant = (tokens: readonly Token[], i: number): Token | undefined => {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].kind !== 'other' || tokens[j].text.trim() !== '') return tokens[j];
  return undefined;
};

/** The DuckDB text of a BigQuery query (run after SETUP). */
export function toDuckDb(sql: string): string {
  const tokens = tokenize(sql);
  let out = '';
  /** Depth at which an UNNEST( … ) closes, so its `AS alias` becomes `AS _u(alias)`. */
  const unnestDepths: number[] = [];
  let depth = 0;
  let aliasUnnest = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = nextSignificant(tokens, i);
    if (t.kind === 'ident') {
      out += aliasUnnest ? `_u(${duckdb.ident(t.text)})` : duckdb.ident(t.text);
      aliasUnnest = false;
      continue;
    }
    if (t.kind === 'string') {
      out += duckdb.literal(t.text);
      continue;
    }
    if (t.kind === 'other') {
      if (t.text === '(') depth++;
      if (t.text === ')') {
        depth--;
        if (unnestDepths.length > 0 && unnestDepths[unnestDepths.length - 1] === depth) {
          unnestDepths.pop();
          if (next?.kind === 'word' && next.text.toUpperCase() === 'AS') aliasUnnest = true;
        }
      }
      out += t.text;
      continue;
    }
    const upper = t.text.toUpperCase();
    if (upper === 'AS' && aliasUnnest) {
      out += t.text;
      continue;
    }
    if (aliasUnnest) {
      out += `_u(${t.text})`;
      aliasUnnest = false;
      continue;
    }
    const isCall = next?.kind === 'other' && next.text === '(';
    if (isCall) {
      if (upper === 'UNNEST') unnestDepths.push(depth);
      if (FUNCTIONS[upper]) out += FUNCTIONS[upper];
      else if (SHARED.has(upper) || KEYWORDS_BEFORE_PAREN.has(upper)) out += t.text;
      else throw new Error(`translate: the fake BigQuery does not know the function ${t.text}()`);
      continue;
    }
    out += TYPES[upper] ?? WORD_ARGS[upper] ?? t.text;
  }
  return out;
}

/** Keywords that may stand right before a parenthesis without being a function call. */
const KEYWORDS_BEFORE_PAREN = new Set([
  'AS',
  'IN',
  'AND',
  'OR',
  'NOT',
  'WHEN',
  'THEN',
  'ELSE',
  'OVER',
  'FROM',
  'JOIN',
  'SELECT',
  'WHERE',
  'ON',
  'BY',
  'THEN',
  'END',
  'ALL',
  'EXISTS',
  'VALUES',
  'WITH',
  'INTERVAL',
]);
