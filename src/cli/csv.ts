/**
 * CSV as exports write it, parsed by papaparse (RFC 4180 quoting, quotes doubled, newlines inside quotes).
 * The delimiter is sniffed here rather than by papaparse: Russian Excel writes `;` with decimal commas,
 * which inflate the comma count, so ties go to `;`.
 */
import { CodedError } from '../core/issues.js';
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';

export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 10_000);
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < 10; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    else if (!quoted && ch === '\n') lines++;
  }
  // Ties go to ';' before ',': `1,5` decimal commas inflate the comma count in ;-files.
  return counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']
    ? '\t'
    : counts[';'] >= counts[','] && counts[';'] > 0
      ? ';'
      : ',';
}

export function parseCsv(input: string, delimiter?: Delimiter): string[][] {
  const text = input.replace(/^\uFEFF/u, '');
  const result = Papa.parse<string[]>(text, { delimiter: delimiter ?? sniffDelimiter(text), skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw new CodedError('csv_unclosed_quote', { row: (unclosed.row ?? 0) + 1 });
  const rows = result.data;
  // A final line break is not an empty last row.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}
