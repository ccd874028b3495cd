/**
 * One name, one number: on every sample's dashboard (built by the bundle, in the sample's language) a label
 * shared by the KPI strip, the channel table's totals row and the funnel block shows the same figure. On
 * CRM data the funnel's won stage counts won deals (repeat sales included) and says so, and the new
 * customers among them — the KPI strip's "customers" — follow on a row of their own.
 */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/api/contract.js';
import { DASHBOARD_LABELS } from '../../../src/core/dashboard/labels.js';
import { defaultMapping } from '../../../src/core/mapping/index.js';
import type { CellValue } from '../../../src/core/values.js';
import { createSession, type LocalSession } from '../../../local/server/session.js';

type Figures = Map<string, number>;

function run(s: LocalSession, fn: string, ...args: unknown[]): unknown {
  const res = s.run(fn, JSON.parse(JSON.stringify(args)) as unknown[]);
  if (!res.ok) throw new Error(`${fn}: ${res.error}`);
  return res.value;
}

function build(sample: string, locale: 'en' | 'ru' | 'zh', sheet: string, costs?: string): CellValue[][] {
  const s = createSession({ samples: [sample], userLocale: locale });
  const detection = run(s, 'detect', sheet) as Detection;
  const costsTable = costs ? (run(s, 'detect', costs) as Detection).table : null;
  run(s, 'saveMapping', defaultMapping(detection, { costs: costsTable }));
  run(s, 'buildDashboard');
  const name = s.workbook.sheetNames().find((n) => n !== sheet && n !== costs)!;
  return s.workbook.snapshot(name).values as CellValue[][];
}

const isNumber = (v: CellValue): v is number => typeof v === 'number';

/** label → figure of the funnel block (stage rows and what follows them). */
function funnelFigures(v: CellValue[][], L: (typeof DASHBOARD_LABELS)['en']): Figures {
  const head = v.findIndex((r) => r[0] === L.stage && r[1] === L.count);
  const out: Figures = new Map();
  for (let i = head + 1; i < v.length && v[i][0] !== '' && v[i][0] !== null; i++) out.set(String(v[i][0]), Number(v[i][1]));
  return out;
}

/** label → total of every table headed by "Channel" that has a totals row (overview, funnel detail, B2B). */
function tableFigures(v: CellValue[][], L: (typeof DASHBOARD_LABELS)['en']): Figures {
  const out: Figures = new Map();
  v.forEach((head, h) => {
    if (head[0] !== L.channel) return;
    let totals = -1;
    for (let i = h + 1; i < v.length && v[i][0] !== '' && v[i][0] !== null; i++) if (v[i][0] === L.total) totals = i;
    if (totals < 0) return;
    head.forEach((label, c) => {
      if (c > 0 && typeof label === 'string' && label !== '' && isNumber(v[totals][c]) && !out.has(label))
        out.set(label, v[totals][c] as number);
    });
  });
  return out;
}

/** label → value of the KPI strip: the first row of labels above a row of numbers. */
function kpiFigures(v: CellValue[][], L: (typeof DASHBOARD_LABELS)['en']): Figures {
  const head = v.findIndex((r) => r.includes(L.metric.spend) && r.includes(L.metric.customers) && v[v.indexOf(r) + 1]?.some(isNumber));
  const out: Figures = new Map();
  v[head].forEach((h, c) => {
    if (typeof h === 'string' && h !== '' && isNumber(v[head + 1][c])) out.set(h, v[head + 1][c] as number);
  });
  return out;
}

function expectOneFigurePerName(parts: Record<string, Figures>): void {
  const seen = new Map<string, [string, number]>();
  for (const [where, figures] of Object.entries(parts)) {
    for (const [label, value] of figures) {
      const before = seen.get(label);
      if (before) expect(value, `“${label}”: ${before[0]} says ${before[1]}, ${where} says ${value}`).toBeCloseTo(before[1], 6);
      else seen.set(label, [where, value]);
    }
  }
}

describe('funnel stages and KPI customers agree on every sample', () => {
  it('crm-leads-ru: won deals in the funnel, new customers under them equal the KPI customers', () => {
    const L = DASHBOARD_LABELS.ru;
    const v = build('crm-leads-ru', 'ru', 'Лиды', 'Расходы');
    const funnel = funnelFigures(v, L);
    const kpi = kpiFigures(v, L);
    const table = tableFigures(v, L);
    expectOneFigurePerName({ 'the KPI strip': kpi, 'the channel tables': table, 'the funnel': funnel });
    const stages = [...funnel.keys()];
    expect(stages.slice(-2)).toEqual(['Успешные сделки', 'из них новые клиенты']);
    expect(stages).not.toContain('Клиенты');
    // Counted independently of each other: won deals ≥ new customers, the difference being repeat sales.
    expect(funnel.get('Успешные сделки')).toBe(table.get('Успешные сделки'));
    expect(funnel.get('из них новые клиенты')).toBe(kpi.get('Клиенты'));
    expect(funnel.get('Успешные сделки')!).toBeGreaterThan(funnel.get('из них новые клиенты')!);
    // The new-customers row says what it is, in the definitions' words.
    expect(v.flat()).not.toContain('Заказы');
  });

  it('ad-platform-export-en and channel-monthly-zh: the funnel ends with the customers column itself', () => {
    for (const [sample, locale, sheet] of [
      ['ad-platform-export-en', 'en', 'Ads export'],
      ['channel-monthly-zh', 'zh', '渠道月报'],
    ] as const) {
      const L = DASHBOARD_LABELS[locale];
      const v = build(sample, locale, sheet);
      const funnel = funnelFigures(v, L);
      const kpi = kpiFigures(v, L);
      expectOneFigurePerName({ 'the KPI strip': kpi, 'the channel table': tableFigures(v, L), 'the funnel': funnel });
      expect([...funnel.values()].at(-1), sample).toBe(kpi.get(L.metric.customers));
      expect([...funnel.keys()], sample).not.toContain(L.ofWhichNewCustomers);
    }
  });
});
