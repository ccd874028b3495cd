/**
 * The BigQuery rendering: golden files (UPDATE_GOLDEN=1 rewrites them; review the diff), syntax checked by
 * node-sql-parser's BigQuery grammar, and user text that reaches SQL only as escaped literals/identifiers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import sqlParser from 'node-sql-parser';
import { compileAggregation } from '../../src/core/warehouse/compile.js';
import { bigquery, duckdb } from '../../src/core/warehouse/dialect.js';
import type { ColumnKind, WarehouseTable } from '../../src/core/warehouse/types.js';
import { hostileAggregated, hostileCrm, HOSTILE_NAMES } from '../support/warehouse-hostile.js';
import { inlineTable, warehouseMatrix } from '../../src/core/warehouse/inline.js';

const parser = new sqlParser.Parser();
const parseBigQuery = (sql: string): void => {
  parser.astify(sql, { database: 'bigquery' });
};
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));

function table(path: string[], kinds: ColumnKind[], names?: string[]): WarehouseTable {
  return { path, columns: kinds.map((kind, i) => ({ name: names?.[i] ?? `col_${i}`, kind })) };
}

function golden(name: string, sql: string): void {
  const file = `${GOLDEN}${name}.sql`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, sql + '\n');
  }
  expect(sql + '\n').toBe(readFileSync(file, 'utf8'));
}

const aggregated = hostileAggregated(1, 1).mapping;
/** A costs sheet's cells as Apps Script hands them: text, a Date instant, a number, a blank, hostile text. */
const SHEET_COSTS = [
  ['Яндекс Директ', new Date(Date.UTC(2026, 0, 31, 21)), 1234.5],
  ["'); DROP TABLE x; --", '2026-02-01', null],
  ['=HYPERLINK("x")', new Date(Date.UTC(2026, 1, 1)), 'n/a'],
];
const crm = hostileCrm(1, 1, true).mapping;
const CASES = {
  'aggregated-typed-month': () =>
    compileAggregation(
      aggregated,
      table(
        ['my-project', 'marketing', 'ads_daily'],
        ['date', 'string', 'string', 'number', 'number', 'number', 'number', 'number'],
        ['day', 'source', 'campaign', 'cost', 'clicks', 'leads', 'deals', 'revenue'],
      ),
      null,
      bigquery,
      {},
    ),
  'aggregated-text-week-by-campaign': () =>
    compileAggregation(
      { ...aggregated, options: { ...aggregated.options, granularity: 'week', byCampaign: true } },
      table(['my-project', 'marketing', 'ads_export'], ['string', 'string', 'string', 'string', 'string', 'string', 'string', 'string']),
      null,
      bigquery,
      { notSetLabel: '(не задано)' },
    ),
  'crm-timestamp-costs-week': () =>
    compileAggregation(
      { ...crm, options: { ...crm.options, granularity: 'week' } },
      table(
        ['my-project', 'crm', 'deals'],
        ['number', 'timestamp', 'string', 'string', 'string', 'number', 'string', 'timestamp', 'number'],
      ),
      table(['my-project', 'crm', 'costs'], ['string', 'date', 'number']),
      bigquery,
      { timeZone: 'Europe/Moscow' },
    ),
  'crm-costs-sheet-inline': () =>
    compileAggregation(
      { ...crm, options: { ...crm.options, granularity: 'month' } },
      table(['my-project', 'crm', 'deals'], ['number', 'date', 'string', 'string', 'string', 'number', 'string', 'date', 'number']),
      inlineTable(bigquery, warehouseMatrix(SHEET_COSTS, 3, 'Europe/Moscow'), 2, 'Расходы'),
      bigquery,
      { timeZone: 'Europe/Moscow' },
    ),
  'crm-time-decay-email': () =>
    compileAggregation(
      crm,
      table(['my-project', 'crm', 'deals'], ['number', 'date', 'string', 'string', 'string', 'number', 'string', 'date', 'number']),
      table(['my-project', 'crm', 'costs'], ['string', 'date', 'number']),
      bigquery,
      { metrics: { attribution: 'time_decay', halfLifeDays: 14 }, identityKind: 'email' },
    ),
  'crm-position-based-phone': () =>
    compileAggregation(
      { ...crm, options: { ...crm.options, currency: 'RUB' } },
      table(['my-project', 'crm', 'deals'], ['number', 'date', 'string', 'string', 'string', 'number', 'string', 'date', 'number']),
      null,
      bigquery,
      { metrics: { attribution: 'position_based' }, identityKind: 'phone' },
    ),
  'crm-quarter-by-campaign': () =>
    compileAggregation(
      { ...crm, options: { ...crm.options, granularity: 'quarter', byCampaign: true } },
      table(['my-project', 'crm', 'deals'], ['number', 'date', 'string', 'string', 'string', 'string', 'number', 'date', 'string']),
      table(['my-project', 'crm', 'costs'], ['string', 'string', 'string']),
      bigquery,
      {},
    ),
};

describe('BigQuery rendering', () => {
  for (const [name, compile] of Object.entries(CASES)) {
    it(`${name}: matches its golden file and parses as BigQuery Standard SQL`, () => {
      const { sql } = compile();
      golden(name, sql);
      expect(() => parseBigQuery(sql)).not.toThrow();
    });
  }

  it('the parser is a real check: it rejects broken SQL and the DuckDB rendering', () => {
    const { sql } = CASES['crm-timestamp-costs-week']();
    expect(() => parseBigQuery(sql.replace('GROUP BY', 'GROUP BYE'))).toThrow();
    expect(() => parseBigQuery(sql.replace(')', ''))).toThrow();
    const duck = compileAggregation(
      crm,
      table(['deals'], ['number', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string']),
      table(['costs'], ['string', 'string', 'string']),
      duckdb,
    );
    expect(() => parseBigQuery(duck.sql)).toThrow();
  });
});

/** BigQuery's escapes, undone: what the server reads out of a literal we wrote. */
function unescapeBigQuery(lit: string, quote: string): string {
  expect(lit.startsWith(quote) && lit.endsWith(quote)).toBe(true);
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === quote || ch === '\n' || ch === '\r') throw new Error(`unescaped ${JSON.stringify(ch)} in ${lit}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += next;
  }
  return out;
}

describe('user text in SQL', () => {
  const hostile = [...HOSTILE_NAMES, "\\'; SELECT 1; --", '\u0000nul', 'a\\', "'", '\\x27', '`', '``'];

  it('BigQuery literals and identifiers round-trip every hostile name and parse', () => {
    for (const name of hostile) {
      expect(unescapeBigQuery(bigquery.literal(name), "'")).toBe(name);
      expect(unescapeBigQuery(bigquery.ident(name), '`')).toBe(name);
      expect(() => parseBigQuery(`SELECT ${bigquery.literal(name)} AS x FROM ${bigquery.table(['my-project', 'd', 't'])}`)).not.toThrow();
    }
  });

  it('statuses and headers from the mapping appear only inside literals', () => {
    const evil = "x'); DROP TABLE t; --";
    const m = {
      ...crm,
      statusRules: [{ status: evil, kind: 'won' as const }],
      source: { ...crm.source, columns: crm.source.columns.map((c) => ({ ...c, header: evil })) },
    };
    for (const d of [bigquery, duckdb]) {
      const { sql } = compileAggregation(
        m,
        table(['p', 'd', 't'], ['number', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string']),
        table(['p', 'd', 'c'], ['string', 'string', 'string']),
        d,
      );
      const stripped = sql.replace(/'(?:[^'\\]|\\.|'')*'/gu, "''");
      expect(stripped).not.toContain('DROP TABLE');
      if (d === bigquery) expect(() => parseBigQuery(sql)).not.toThrow();
    }
  });
});

describe('what the SQL path refuses rather than approximates', () => {
  const kinds: ColumnKind[] = ['number', 'string', 'string', 'string', 'string', 'string', 'string', 'string', 'string'];
  it('several identity columns (union–find linking); every attribution model and one e-mail/phone column compile', () => {
    const t = table(['p', 'd', 't'], kinds);
    for (const attribution of ['last_touch', 'first_touch', 'linear', 'position_based', 'time_decay'] as const) {
      for (const identityKind of ['id', 'email', 'phone'] as const) {
        expect(() => compileAggregation(crm, t, null, bigquery, { metrics: { attribution }, identityKind })).not.toThrow();
      }
    }
    const twoIds = {
      ...crm,
      source: {
        ...crm.source,
        columns: crm.source.columns.map((c) => (c.role === 'close_date' ? { ...c, role: 'customer_id' as const } : c)),
      },
    };
    expect(() => compileAggregation(twoIds, t, null, duckdb)).toThrow(/several identity columns need a sheet \(the in-memory engine\)/u);
  });
});
