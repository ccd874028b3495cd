/**
 * A Russian or Chinese dashboard has no English sentence: the built dashboard of each sample (the bundle in
 * a bare V8 context over the local runtime, as in test/gas) is scanned cell by cell — values and notes —
 * for Latin-alphabet words beyond the catalogue's allow-list and the words of the source data (channel and
 * campaign names, headers, sheet names come from the user and stay as written).
 */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/api/contract.js';
import { defaultMapping } from '../../src/core/mapping/index.js';
import { createSession, type LocalSession } from '../../local/server/session.js';
import { englishWords, LATIN_ALLOWED } from '../i18n/english-words.js';

function run<T>(s: LocalSession, fn: string, ...args: unknown[]): T {
  const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn} failed: ${res.error}`);
  return res.value as T;
}

/** Every Latin word in the spreadsheet's sheets before the build: the user's own text. */
function dataWords(s: LocalSession): Set<string> {
  const words = new Set<string>();
  for (const name of s.workbook.sheetNames()) {
    for (const w of name.match(/[A-Za-z]+/gu) ?? []) words.add(w);
    for (const row of s.workbook.snapshot(name).display)
      for (const cell of row) for (const w of cell.match(/[A-Za-z]+/gu) ?? []) words.add(w);
  }
  return words;
}

const CASES = [
  { sample: 'crm-leads-ru', locale: 'ru', source: 'Лиды', costs: 'Расходы' },
  { sample: 'channel-monthly-zh', locale: 'zh-CN', source: '渠道月报' },
  // English data, Russian and Chinese readers: the data keeps its words, every label is translated.
  { sample: 'ad-platform-export-en', locale: 'ru', source: 'Ads export' },
  { sample: 'ad-platform-export-en', locale: 'zh-CN', source: 'Ads export' },
] as const;

describe('built dashboards in Russian and Chinese', () => {
  it.each(CASES)('$sample read in $locale has no English words', ({ sample, locale, source, ...rest }) => {
    const s = createSession({ samples: [sample], userLocale: locale });
    const allowed = new Set([...LATIN_ALLOWED, ...dataWords(s)]);
    const before = new Set(s.workbook.sheetNames());
    const detection = run<Detection>(s, 'detect', source);
    const costsName = 'costs' in rest ? rest.costs : undefined;
    const costs = costsName ? run<Detection>(s, 'detect', costsName).table : null;
    run(s, 'saveMapping', defaultMapping(detection, { costs, locale: locale === 'ru' ? 'ru' : 'zh' }));
    run(s, 'buildDashboard');
    const dashboard = s.workbook.sheetNames().find((n) => !before.has(n));
    expect(dashboard).toBeDefined();
    const snap = s.workbook.snapshot(dashboard!);
    const found = new Map<string, string>();
    snap.values.forEach((row, r) =>
      row.forEach((v, c) => {
        for (const text of [typeof v === 'string' ? v : '', snap.notes[r]?.[c] ?? '']) {
          for (const w of englishWords(text, allowed)) found.set(w, `R${r + snap.fromRow}C${c + 1}: ${text}`);
        }
      }),
    );
    expect(Object.fromEntries(found)).toEqual({});
  });
});
