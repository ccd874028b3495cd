/**
 * Reads the header corpus (test/corpus/headers/*.json): real export header sets with the role a person
 * would give each column. Shared by the corpus test and bench/mapping.bench.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../../src/core/values.js';
import { COLUMN_ROLES, type ColumnRole, type DataShape } from '../../src/core/mapping/types.js';
import { guessColumns } from '../../src/core/mapping/index.js';

export interface CorpusFile {
  readonly file: string;
  readonly source: string;
  readonly language: 'en' | 'ru' | 'zh';
  readonly shape: DataShape;
  readonly headers: readonly string[];
  readonly expected: Readonly<Record<string, ColumnRole>>;
  readonly sampleRows?: readonly (readonly CellValue[])[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'headers');

export function loadCorpus(): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<CorpusFile, 'file'>;
      for (const h of data.headers) {
        const role = data.expected[h];
        if (!(COLUMN_ROLES as readonly string[]).includes(role)) throw new Error(`${file}: "${h}" has no valid expected role`);
      }
      return { file, ...data };
    });
}

export interface CorpusScore {
  readonly file: string;
  readonly total: number;
  readonly right: number;
  readonly misses: readonly string[];
}

/** Runs the guesser over one corpus file (with its sample rows, column-major) and scores it. */
export function scoreCorpusFile(c: CorpusFile): CorpusScore {
  const columns = c.headers.map((_, i) => (c.sampleRows ?? []).map((row) => row[i]));
  const guesses = guessColumns(c.headers, columns);
  const misses: string[] = [];
  for (const g of guesses) {
    const want = c.expected[g.header];
    if (g.role !== want) misses.push(`${c.file}: "${g.header}" guessed ${g.role} (${g.confidence}), expected ${want}`);
  }
  return { file: c.file, total: c.headers.length, right: c.headers.length - misses.length, misses };
}
