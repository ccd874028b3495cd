/**
 * An NPS survey on its own sheet, through the built bundle: detected with the column guesser, saved with
 * the mapping, read by every build, joined to the CRM sample's customers by e-mail; respondents who are
 * no customer are counted in the build's warnings, and the B2B block counts the matched answers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuildResult, Detection, WizardOpening } from '../../src/api/contract.js';
import { SAMPLES_DIR, type SampleWorkbook } from '../../scripts/generate-samples.js';
import { defaultMapping, type Mapping } from '../../src/core/mapping/index.js';
import type { CellValue } from '../../src/core/values.js';
import { createSession, type LocalSession } from '../../local/server/session.js';

function run<T>(s: LocalSession, fn: string, ...args: unknown[]): T {
  const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn}: ${res.error}`);
  return res.value as T;
}

const wb = JSON.parse(readFileSync(`${SAMPLES_DIR}/crm-leads-ru.json`, 'utf8')) as SampleWorkbook;
const leads = wb.sheets[0].rows;
const col = (name: string): number => leads[0].indexOf(name);

/** The B2B block's total of NPS answers. */
function npsAnswers(values: CellValue[][]): number {
  const head = values.findIndex((r) => r.includes('Ответов NPS'));
  const c = values[head].indexOf('Ответов NPS');
  const total = values.findIndex((r, i) => i > head && r[0] === 'Итого');
  return Number(values[total][c]);
}

describe('NPS from a survey sheet, through the bundle', () => {
  it('is guessed, saved, joined by e-mail, and the unmatched respondents are reported', () => {
    const s = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    // 40 respondents: the first 37 leads' people by their e-mail as the lead export wrote it, 3 strangers.
    const people = leads
      .slice(1)
      .map((r) => r[col('E-mail')])
      .filter((e): e is string => typeof e === 'string')
      .slice(0, 37);
    const rows: CellValue[][] = [
      ['Дата ответа', 'E-mail', 'Насколько вероятно, что вы порекомендуете нас? (0–10)'],
      ...people.map((p, i) => ['2026-12-20', p, (i * 7) % 11]),
      ['2026-12-20', 'nobody@example.com', 10],
      ['2026-12-21', 'ghost@example.com', 0],
      ['2026-12-22', 'x@y.z', 5],
    ];
    const sheet = s.workbook.spreadsheet.insertSheet('Опрос NPS');
    sheet.getRange(1, 1, rows.length, 3).setValues(rows);
    const detection = run<Detection>(s, 'detect', 'Опрос NPS');
    expect(detection.columns.map((c) => c.role)).toEqual(['date', 'customer_id', 'nps']);

    const leadsDetection = run<Detection>(s, 'detect', 'Лиды');
    const base = defaultMapping(leadsDetection, { costs: run<Detection>(s, 'detect', 'Расходы').table });
    // The leads join by their e-mail column too; the survey by its e-mail.
    const mapping: Mapping = {
      ...base,
      source: {
        ...base.source,
        columns: base.source.columns.map((c) => (c.header === 'E-mail' || c.header === 'Телефон' ? { ...c, role: 'customer_id' } : c)),
      },
      survey: detection.table,
    };
    run(s, 'saveMapping', mapping);
    // Reopening the wizard reads the survey sheet in the same call as the leads and costs.
    expect(run<WizardOpening>(s, 'openWizard').detections.map((d) => d.sheetName)).toEqual(['Лиды', 'Расходы', 'Опрос NPS']);
    const plain = createSession({ samples: ['crm-leads-ru'], userLocale: 'ru' });
    run(plain, 'saveMapping', { ...mapping, survey: undefined });
    run<BuildResult>(plain, 'buildDashboard');
    const plainName = plain.workbook.sheetNames().find((n) => !['Лиды', 'Расходы'].includes(n))!;
    const before = npsAnswers(plain.workbook.snapshot(plainName).values as CellValue[][]);

    const built = run<BuildResult>(s, 'buildDashboard');
    const unmatched = built.warnings.find((w) => w.code === 'survey_unmatched');
    expect(unmatched?.params).toMatchObject({ count: 3, rows: 40 });
    expect(unmatched?.message).toContain('nobody@example.com, ghost@example.com, x@y.z');
    const name = s.workbook.sheetNames().find((n) => !['Лиды', 'Расходы', 'Опрос NPS'].includes(n))!;
    expect(npsAnswers(s.workbook.snapshot(name).values as CellValue[][])).toBe(before + 37);

    // A survey without a score column is refused by Save, naming what is missing.
    const broken = { ...mapping, survey: { ...detection.table, columns: detection.table.columns.filter((c) => c.role !== 'nps') } };
    expect(s.run('saveMapping', JSON.parse(JSON.stringify([broken]))).error).toContain('The survey sheet has no NPS score column.');
  });
});
