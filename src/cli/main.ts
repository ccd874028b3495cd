/** CLI entry: `funnel-roi report FILE.csv [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign] [--engine memory|duckdb]`. */
import { readFileSync, statSync } from 'node:fs';
import { metricsOptions, type MetricsOptions } from '../core/definitions/index.js';
import { issueText, resolveLocale, t, type Locale } from '../core/i18n/index.js';
import { CodedError, type IssueCode } from '../core/issues.js';
import type { Granularity } from '../core/mapping/types.js';
import { decodeInput } from './decode.js';
import { formatReport, runReport, type Report, type ReportOptions } from './report.js';
import { printable, printableBlock, printableJson } from './terminal.js';

/** DuckDB's memory_limit spellings: a number and a unit (https://duckdb.org/docs/stable/configuration/overview). */
const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/iu;

/** The usage text in `locale`: the flags and their values are code, the rest comes from the catalogue. */
export function usage(locale: Locale): string {
  const [file, costs, years, perYear] = (['cli.arg.file', 'cli.arg.costs', 'cli.arg.years', 'cli.arg.perYear'] as const).map((k) =>
    t(locale, k),
  );
  const synopsis =
    `funnel-roi report ${file} [--costs ${costs}] [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign]\n` +
    '  [--model last_touch|first_touch|linear|position_based|time_decay] [--period-basis close|created] [--return-days 90]\n' +
    `  [--half-life 7] [--lifespan ${years} --frequency ${perYear}] [--lang en|ru|zh] [--engine memory|duckdb] [--memory-limit 1GB]`;
  return t(locale, 'cli.usage', {
    synopsis,
    duckdb: '--engine duckdb',
    engine: 'DuckDB',
    formats: 'CSV, TSV, .parquet',
    lang: '--lang',
    env: 'LC_ALL, LC_MESSAGES, LANG',
  });
}

/** Errors about the command line itself: the usage follows them. */
const USAGE_ERRORS: ReadonlySet<IssueCode> = new Set(['cli_needs_value', 'cli_needs_file', 'cli_unknown_argument', 'cli_no_file']);

/**
 * The CLI's language: `--lang`, else the POSIX locale variables in their order of precedence (LC_ALL,
 * LC_MESSAGES, LANG; `ru_RU.UTF-8` → ru), else English.
 */
export function cliLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  const lang = argv.indexOf('--lang');
  if (lang >= 0) return resolveLocale(argv[lang + 1]);
  return resolveLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== ''));
}

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

export function main(argv: readonly string[], locale: Locale = cliLocale(argv, process.env)): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'report') {
    process.stderr.write(`${usage(locale)}\n`);
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
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg in METRIC_FLAGS) {
      const key = METRIC_FLAGS[arg];
      const v = rest[++i];
      if (v === undefined) throw new CodedError('cli_needs_value', { flag: arg });
      metrics[key] = TEXT_METRICS.has(key) ? v : Number(v);
    } else if (arg === '--lang')
      i++; // read by cliLocale
    else if (arg === '--by-campaign') byCampaign = true;
    else if (arg === '--engine') {
      const e = rest[++i];
      if (e !== 'memory' && e !== 'duckdb')
        throw new CodedError('cli_choice_invalid', { flag: arg, choices: 'memory, duckdb', value: String(e) });
      engine = e;
    } else if (arg === '--memory-limit') {
      const m = rest[++i];
      if (m === undefined || !MEMORY_LIMIT.test(m)) throw new CodedError('cli_size_invalid', { flag: arg, value: String(m) });
      memoryLimit = m;
    } else if (arg === '--costs') {
      costsFile = rest[++i];
      if (!costsFile) throw new CodedError('cli_needs_file', { flag: arg });
    } else if (arg === '--granularity') {
      const g = rest[++i];
      if (g !== 'week' && g !== 'month' && g !== 'quarter')
        throw new CodedError('cli_choice_invalid', { flag: arg, choices: 'week, month, quarter', value: String(g) });
      granularity = g;
    } else if (arg === '--margin') {
      margin = Number(rest[++i]);
      if (!Number.isFinite(margin)) throw new CodedError('cli_not_number', { flag: arg, value: String(rest[i]) });
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new CodedError('cli_unknown_argument', { arg: printable(arg) });
  }
  if (!file) throw new CodedError('cli_no_file');
  if (memoryLimit !== undefined && engine !== 'duckdb')
    throw new CodedError('cli_flag_needs_engine', { flag: '--memory-limit', engine: '--engine duckdb' });
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
  const size = fileSize(path);
  if (size > maxBytes) {
    const mb = (bytes: number): number => Math.ceil(bytes / 1024 / 1024);
    throw new CodedError('cli_file_too_large', { file: printable(path), mb: mb(size), limitMb: mb(maxBytes), flag: '--engine duckdb' });
  }
  return decodeInput(readFileSync(path), printable(path)).text;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CodedError('cli_file_missing', { file: printable(path) });
    throw error;
  }
}

/** The bin entry: runs `main`, prints any error on one sanitised line, returns the exit code. */
export function cli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): number | Promise<number> {
  // Errors are said in the user's language (coded ones; an unexpected system error keeps its own text).
  const locale = cliLocale(argv, env);
  const fail = (error: unknown): number => {
    const text = error instanceof CodedError ? issueText(locale, error) : error instanceof Error ? error.message : String(error);
    const help = error instanceof CodedError && USAGE_ERRORS.has(error.code) ? `\n${usage(locale)}` : '';
    process.stderr.write(`funnel-roi: ${printableBlock(text)}${help}\n`);
    return 1;
  };
  try {
    const code = main(argv, locale);
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}
