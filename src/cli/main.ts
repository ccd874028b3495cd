/** CLI entry: `funnel-roi report FILE.csv [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign] [--engine memory|duckdb]`. */
import { readFileSync, statSync } from 'node:fs';
import { metricsOptions, type MetricsOptions } from '../core/definitions/index.js';
import { issueText, resolveLocale, type Locale } from '../core/i18n/index.js';
import { CodedError } from '../core/issues.js';
import type { Granularity } from '../core/mapping/types.js';
import { decodeInput } from './decode.js';
import { formatReport, runReport, type Report, type ReportOptions } from './report.js';
import { printable, printableBlock, printableJson } from './terminal.js';

const USAGE =
  'Usage: funnel-roi report FILE.csv [--costs COSTS.csv] [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign]\n' +
  '  [--model last_touch|first_touch|linear|position_based|time_decay] [--period-basis close|created] [--return-days 90]\n' +
  '  [--half-life 7] [--lifespan YEARS --frequency PER_YEAR] [--lang en|ru|zh] [--engine memory|duckdb] [--memory-limit 1GB]\n' +
  '  --engine duckdb sums the rows in DuckDB out of core (CSV, TSV or .parquet; bounded memory for multi-GB exports);\n' +
  "  --memory-limit caps DuckDB's memory (default 1GB; beyond it DuckDB spills to a temporary directory).";

/** DuckDB's memory_limit spellings: a number and a unit (https://duckdb.org/docs/stable/configuration/overview). */
const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/iu;

/** Metric options by flag: the value is checked by metricsOptions, which names the field. */
const METRIC_FLAGS: Readonly<Record<string, keyof MetricsOptions>> = {
  '--model': 'attribution',
  '--period-basis': 'periodBasis',
  '--return-days': 'returnDays',
  '--half-life': 'halfLifeDays',
  '--lifespan': 'lifespanYears',
  '--frequency': 'purchasesPerYear',
};
const TEXT_METRICS = new Set<keyof MetricsOptions>(['attribution', 'periodBasis']);

export function main(argv: readonly string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'report') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  let file: string | undefined;
  let json = false;
  let granularity: Granularity | undefined;
  let margin: number | undefined;
  let byCampaign = false;
  let costsFile: string | undefined;
  let engine: 'memory' | 'duckdb' = 'memory';
  let memoryLimit: string | undefined;
  const metrics: Record<string, unknown> = {};
  let locale: Locale = 'en';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg in METRIC_FLAGS) {
      const key = METRIC_FLAGS[arg];
      const v = rest[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      metrics[key] = TEXT_METRICS.has(key) ? v : Number(v);
    } else if (arg === '--lang') locale = resolveLocale(rest[++i]);
    else if (arg === '--by-campaign') byCampaign = true;
    else if (arg === '--engine') {
      const e = rest[++i];
      if (e !== 'memory' && e !== 'duckdb') throw new Error(`--engine must be memory or duckdb, got ${String(e)}`);
      engine = e;
    } else if (arg === '--memory-limit') {
      const m = rest[++i];
      if (m === undefined || !MEMORY_LIMIT.test(m)) throw new Error(`--memory-limit takes a size such as 512MB or 4GB, got ${String(m)}`);
      memoryLimit = m;
    } else if (arg === '--costs') {
      costsFile = rest[++i];
      if (!costsFile) throw new Error(`--costs needs a CSV file\n${USAGE}`);
    } else if (arg === '--granularity') {
      const g = rest[++i];
      if (g !== 'week' && g !== 'month' && g !== 'quarter')
        throw new Error(`--granularity must be week, month or quarter, got ${String(g)}`);
      granularity = g;
    } else if (arg === '--margin') {
      margin = Number(rest[++i]);
      if (!Number.isFinite(margin)) throw new Error(`--margin must be a number, got ${String(rest[i])}`);
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (!file) throw new Error(`No CSV file given.\n${USAGE}`);
  if (memoryLimit !== undefined && engine !== 'duckdb') throw new Error('--memory-limit is for --engine duckdb');
  const checked = metricsOptions(metrics); // fails early, naming the flag's field
  const print = (report: Report): number => {
    // JSON escapes C0 itself; the replacer also removes escapes, C1 and bidi marks from every string.
    process.stdout.write(json ? `${JSON.stringify(report, printableJson, 2)}\n` : `${formatReport(report, locale)}\n`);
    return 0;
  };
  if (engine === 'duckdb') {
    const source = file;
    // Loaded on demand: the default engine never needs DuckDB's native binary.
    return import('./report-duckdb.js').then(({ runReportDuckDb }) =>
      runReportDuckDb(source, { granularity, margin, byCampaign, costsFile, metrics: checked, locale, memoryLimit }).then(print),
    );
  }
  const options: ReportOptions = {
    granularity,
    margin,
    byCampaign,
    costsCsv: costsFile === undefined ? undefined : readCsvText(costsFile),
    metrics: checked,
    locale,
  };
  return print(runReport(readCsvText(file), options));
}

/**
 * V8's longest string (0x1fffffe8 UTF-16 units): a file read whole as text cannot be bigger. Past it the
 * default engine would die on a raw RangeError; DuckDB reads such files in bounded memory instead.
 */
export const MAX_TEXT_BYTES = 0x1fffffe8;

/** A CSV file's text in whatever encoding it was saved (see decode.ts); refused with the reason otherwise. */
export function readCsvText(path: string, maxBytes = MAX_TEXT_BYTES): string {
  const size = statSync(path).size;
  if (size > maxBytes) {
    const mb = (bytes: number): number => Math.ceil(bytes / 1024 / 1024);
    throw new CodedError('cli_file_too_large', { file: printable(path), mb: mb(size), limitMb: mb(maxBytes), flag: '--engine duckdb' });
  }
  return decodeInput(readFileSync(path), printable(path)).text;
}

/** The bin entry: runs `main`, prints any error on one sanitised line, returns the exit code. */
export function cli(argv: readonly string[]): number | Promise<number> {
  // Errors are said in the --lang the user asked for (coded ones; a file-system error keeps its own text).
  const lang = argv.indexOf('--lang');
  const locale = resolveLocale(lang >= 0 ? argv[lang + 1] : undefined);
  const fail = (error: unknown): number => {
    const text = error instanceof CodedError ? issueText(locale, error) : error instanceof Error ? error.message : String(error);
    process.stderr.write(`funnel-roi: ${printableBlock(text)}\n`);
    return 1;
  };
  try {
    const code = main(argv);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}
