/** CLI entry: `funnel-roi report FILE.csv [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign] [--engine memory|duckdb]`. */
import { readFileSync } from 'node:fs';
import type { Granularity } from '../core/mapping/types.js';
import { formatReport, runReport, type Report, type ReportOptions } from './report.js';

const USAGE =
  'Usage: funnel-roi report FILE.csv [--costs COSTS.csv] [--json] [--granularity week|month|quarter] [--margin 0.4] [--by-campaign] [--engine memory|duckdb]\n' +
  '  --engine duckdb sums the rows in DuckDB out of core (CSV, TSV or .parquet; bounded memory for multi-GB exports).';

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
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--by-campaign') byCampaign = true;
    else if (arg === '--engine') {
      const e = rest[++i];
      if (e !== 'memory' && e !== 'duckdb') throw new Error(`--engine must be memory or duckdb, got ${String(e)}`);
      engine = e;
    } else if (arg === '--costs') {
      costsFile = rest[++i];
      if (!costsFile) throw new Error(`--costs needs a CSV file\n${USAGE}`);
    }
    else if (arg === '--granularity') {
      const g = rest[++i];
      if (g !== 'week' && g !== 'month' && g !== 'quarter') throw new Error(`--granularity must be week, month or quarter, got ${String(g)}`);
      granularity = g;
    } else if (arg === '--margin') {
      margin = Number(rest[++i]);
      if (!Number.isFinite(margin)) throw new Error(`--margin must be a number, got ${String(rest[i])}`);
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (!file) throw new Error(`No CSV file given.\n${USAGE}`);
  const print = (report: Report): number => {
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return 0;
  };
  if (engine === 'duckdb') {
    const source = file;
    // Loaded on demand: the default engine never needs DuckDB's native binary.
    return import('./report-duckdb.js').then(({ runReportDuckDb }) => runReportDuckDb(source, { granularity, margin, byCampaign, costsFile }).then(print));
  }
  const options: ReportOptions = { granularity, margin, byCampaign, costsCsv: costsFile === undefined ? undefined : readFileSync(costsFile, 'utf8') };
  return print(runReport(readFileSync(file, 'utf8'), options));
}
