/**
 * Reads the header corpus: real export header sets with the role a person would give each column.
 * test/corpus/headers/ is the tuned set (synonyms are written against it); test/corpus/held-out/ is a round
 * measured blind once (round 4 has since been tuned on, see accuracy.ts). Shared by the corpus test and
 * bench/mapping.bench.ts.
 *
 * A file lists either `headers` + `expected` (header → role) or `columns` ([header, role] pairs).
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

const here = dirname(fileURLToPath(import.meta.url));

export type CorpusPart = 'tuned' | 'held-out';

interface CorpusJson extends Omit<CorpusFile, 'file' | 'headers' | 'expected'> {
  readonly headers?: readonly string[];
  readonly expected?: Readonly<Record<string, ColumnRole>>;
  readonly columns?: readonly (readonly [string, ColumnRole])[];
}

export function loadCorpus(part: CorpusPart = 'tuned'): CorpusFile[] {
  return loadCorpusDir(join(here, part === 'tuned' ? 'headers' : 'held-out'));
}

/**
 * Round 4 labelled again by a second annotator who saw only the headers and the tuned corpus (blind then;
 * round 4 is tuned data now, its first annotation in headers/).
 */
export function loadSecondAnnotation(): CorpusFile[] {
  return loadCorpusDir(join(here, 'second-annotator', 'round-4'));
}

/** The first annotation of the files the second annotator labelled (round 4, in the tuned set now). */
export function loadFirstAnnotationOfRound4(): CorpusFile[] {
  const files = new Set(loadSecondAnnotation().map((c) => c.file));
  return loadCorpus('tuned').filter((c) => files.has(c.file));
}

function loadCorpusDir(dir: string): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusJson;
      const headers = data.columns ? data.columns.map(([h]) => h) : (data.headers ?? []);
      const expected = data.columns ? Object.fromEntries(data.columns) : (data.expected ?? {});
      if (new Set(headers).size !== headers.length) throw new Error(`${file}: a header is listed twice`);
      for (const h of headers) {
        const role = expected[h];
        if (!(COLUMN_ROLES as readonly string[]).includes(role)) throw new Error(`${file}: "${h}" has no valid expected role`);
      }
      return { file, source: data.source, language: data.language, shape: data.shape, headers, expected, sampleRows: data.sampleRows };
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

export interface CorpusTotal {
  readonly right: number;
  readonly total: number;
  readonly misses: readonly string[];
}

/** Columns guessed right over a whole corpus part, with every miss. */
export function scoreCorpus(files: readonly CorpusFile[]): CorpusTotal {
  const scores = files.map(scoreCorpusFile);
  return {
    right: scores.reduce((n, s) => n + s.right, 0),
    total: scores.reduce((n, s) => n + s.total, 0),
    misses: scores.flatMap((s) => s.misses),
  };
}

export interface AnnotatorAgreement {
  /** Columns both annotators gave the same role / columns. */
  readonly agreed: number;
  readonly total: number;
  /** Of the agreed columns, how many the guesser gets right: misses here are the guesser's, not a judgement call. */
  readonly guesserRightOnAgreed: number;
  readonly guesserMissesOnAgreed: readonly string[];
}

/** Compares two labellings of the same header sets, and the guesser against the columns they agree on. */
export function annotatorAgreement(first: readonly CorpusFile[], second: readonly CorpusFile[]): AnnotatorAgreement {
  const byFile = new Map(second.map((c) => [c.file, c]));
  let agreed = 0;
  let total = 0;
  let guesserRightOnAgreed = 0;
  const guesserMissesOnAgreed: string[] = [];
  for (const a of first) {
    const b = byFile.get(a.file);
    if (!b) throw new Error(`${a.file}: no second annotation`);
    const columns = a.headers.map((_, i) => (a.sampleRows ?? []).map((row) => row[i]));
    const guessed = new Map(guessColumns(a.headers, columns).map((g) => [g.header, g.role]));
    for (const h of a.headers) {
      total += 1;
      if (a.expected[h] !== b.expected[h]) continue;
      agreed += 1;
      if (guessed.get(h) === a.expected[h]) guesserRightOnAgreed += 1;
      else guesserMissesOnAgreed.push(`${a.file}: "${h}" guessed ${guessed.get(h)}, both annotators ${a.expected[h]}`);
    }
  }
  return { agreed, total, guesserRightOnAgreed, guesserMissesOnAgreed };
}
