/**
 * Loads the shipped sample workbooks (samples/*.json, written by scripts/generate-samples.ts) into a local
 * workbook as if the exports had been pasted: strings parsed like typed input, number formats applied.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR, SAMPLE_WORKBOOKS, type SampleWorkbook } from '../../scripts/generate-samples.js';
import type { LocalWorkbook } from '../runtime/index.js';

export const SAMPLE_NAMES: readonly string[] = Object.keys(SAMPLE_WORKBOOKS);

export function readSample(name: string): SampleWorkbook {
  if (!SAMPLE_NAMES.includes(name)) throw new Error(`unknown sample "${name}"; choose one of ${SAMPLE_NAMES.join(', ')}`);
  return JSON.parse(readFileSync(join(SAMPLES_DIR, `${name}.json`), 'utf8')) as SampleWorkbook;
}

export function addSample(workbook: LocalWorkbook, sample: SampleWorkbook): void {
  for (const sheet of sample.sheets) {
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
    const added = workbook.addSheetFromRows(
      sheet.name,
      sheet.rows.map((r) => r.map((v) => v ?? '')),
    );
    if (sheet.rows.length === 0 || width === 0) continue;
    const formats = sheet.rows.map((_, r) => Array.from({ length: width }, (_, c) => sheet.numberFormats[r]?.[c] ?? 'General'));
    added.getRange(1, 1, formats.length, width).setNumberFormats(formats);
    freezeHeaderRow(added, sheet.rows, width);
  }
}

/** Freezes through the first row with at least three filled cells (the header of a pasted export). */
export function freezeHeaderRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly (readonly unknown[])[], width: number): void {
  const headerRow = rows.findIndex((r) => r.filter((v) => v !== null && v !== undefined && v !== '').length >= Math.min(3, width));
  if (headerRow >= 0 && headerRow < 10) sheet.setFrozenRows(headerRow + 1);
}
