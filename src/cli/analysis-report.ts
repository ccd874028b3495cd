/**
 * The CLI's blocks beyond the per-channel sums: the channel table under every attribution model, cohort
 * LTV (or why there is none), the B2B block, findings and the definitions used — as JSON and as text.
 */
import type { AggregatedData } from '../core/aggregate/index.js';
import { computeInsights, type Insights } from '../core/analysis/index.js';
import { ATTRIBUTION_MODELS, type AttributionModel, type DefinitionId, type MetricsOptions } from '../core/definitions/index.js';
import { blankProjectionLines } from '../core/dashboard/metrics-blocks.js';
import { t as tr, type Locale } from '../core/i18n/index.js';
import { definitionTexts, findingText, modelName, tm } from '../core/i18n/metrics.js';
import { printable } from './terminal.js';

export interface ModelChannelRow {
  readonly channel: string;
  readonly spend: number;
  readonly wonDeals: number;
  readonly newCustomers: number;
  readonly revenue: number;
  readonly grossProfit: number;
  readonly profit: number;
  readonly romi: number | null;
  readonly cac: number | null;
}

export interface AnalysisReport {
  readonly options: MetricsOptions;
  readonly asOf: string | null;
  readonly incompletePeriod: string | null;
  /** CRM exports: the per-channel table under each model (the chosen one is options.attribution). */
  readonly models: Readonly<Record<AttributionModel, readonly ModelChannelRow[]>> | null;
  readonly ltv:
    | {
        readonly basis: 'cohort';
        readonly method: string;
        readonly cohorts: NonNullable<Insights['cohort']>;
        readonly ltvCac: readonly { channel: string; ltv: number | null; cac: number | null; ratio: number | null }[];
        /** Why some channels' projected LTV is blank, one sentence per reason, as the dashboard says it. */
        readonly blankReasons: readonly string[];
      }
    | { readonly basis: 'formula'; readonly label: string; readonly value: number; readonly inputs: NonNullable<Insights['ltvFormula']> }
    | { readonly basis: 'none'; readonly reason: string; readonly revenuePerCustomer: number | null };
  readonly b2b: Insights['b2b'];
  /** Why there is no B2B block: warehouse mode keeps the lead rows it needs in the warehouse; else null. */
  readonly b2bReason: string | null;
  readonly findings: readonly { readonly key: string; readonly text: string }[];
  readonly definitions: readonly { readonly id: DefinitionId; readonly text: string }[];
}

const money = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export function analysisReport(data: AggregatedData, margin: number, metrics: Partial<MetricsOptions>, locale: Locale): AnalysisReport {
  const ins = computeInsights(data, margin, metrics, money);
  const o = ins.options;
  const models = ins.comparison
    ? (Object.fromEntries(
        ATTRIBUTION_MODELS.map((m) => [
          m,
          ins.comparison!.channels.map((k) => {
            const r = ins.comparison!.rows[m].get(k)!;
            return {
              channel: r.channel,
              spend: r.spend,
              wonDeals: r.wonDeals,
              newCustomers: r.newCustomers,
              revenue: r.revenue,
              grossProfit: r.grossProfit,
              profit: r.profit,
              romi: r.romi,
              cac: r.cac,
            };
          }),
        ]),
      ) as Record<AttributionModel, ModelChannelRow[]>)
    : null;
  let ltv: AnalysisReport['ltv'];
  if (ins.cohort) {
    const cacOf = new Map((ins.channels ?? []).map((c) => [c.channel, c.cac]));
    ltv = {
      basis: 'cohort',
      method: tm(locale, 'def.ltv_cohort', { horizon: o.ltvHorizonMonths, slope: ins.slopeMonths }),
      cohorts: ins.cohort,
      ltvCac: ins.cohort.channels.map((c) => {
        const cac = cacOf.get(c.channel) ?? null;
        return { channel: c.channel, ltv: c.projected, cac, ratio: c.projected !== null && cac ? c.projected / cac : null };
      }),
      blankReasons: blankProjectionLines(ins.cohort.channels, locale),
    };
  } else if (ins.ltvFormula) {
    const f = ins.ltvFormula;
    ltv = {
      basis: 'formula',
      label: tm(locale, 'ltv.formula', { frequency: f.purchasesPerYear, lifespan: f.lifespanYears }),
      value: f.value,
      inputs: f,
    };
  } else {
    ltv = { basis: 'none', reason: tm(locale, 'ltv.none'), revenuePerCustomer: ins.revenuePerCustomer };
  }
  return {
    options: o,
    asOf: data.asOf,
    incompletePeriod: data.incompletePeriod,
    models,
    ltv,
    b2b: ins.b2b,
    b2bReason: !ins.b2b && data.customers ? tm(locale, 'b2b.warehouse') : null,
    findings: ins.findings.map((f) => ({ key: f.key, text: findingText(locale, f) })),
    definitions: definitionTexts(locale, { ...o, slopeMonths: ins.slopeMonths }),
  };
}

// ── Text

type Cell = string;
function table(head: Cell[], rows: Cell[][]): string[] {
  // A loop, not Math.max(...spread): an export may have 100k+ channels.
  const widths = head.map((h) => h.length);
  for (const r of rows) for (let i = 0; i < r.length; i++) if (r[i].length > widths[i]) widths[i] = r[i].length;
  const line = (cells: Cell[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
const safe = (s: string): string => printable(s);
const num = (v: number | null, digits = 2): string =>
  v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function formatAnalysis(a: AnalysisReport, locale: Locale): string {
  const out: string[] = [];
  if (a.findings.length > 0) {
    out.push('', `${tm(locale, 'block.findings')}:`);
    for (const f of a.findings) out.push(`- ${safe(f.text)}`);
  }
  if (a.models) {
    const note = tr(locale, 'cli.modelsNote', { model: modelName(locale, a.options.attribution) });
    out.push('', `${tm(locale, 'block.models')} (${note}):`);
    const channels = a.models.last_touch.map((r) => r.channel);
    const head = [
      tr(locale, 'cli.head.channel'),
      ...ATTRIBUTION_MODELS.flatMap((m) => [
        tr(locale, 'cli.head.modelCustomers', { model: modelName(locale, m) }),
        tr(locale, 'cli.head.revenue'),
        'ROMI',
      ]),
    ];
    const rows = channels.map((ch, i) => [
      safe(ch),
      ...ATTRIBUTION_MODELS.flatMap((m) => {
        const r = a.models![m][i];
        return [num(r.newCustomers, 1), num(r.revenue, 0), pct(r.romi)];
      }),
    ]);
    for (const line of table(head, rows)) out.push(line); // one line per channel: no spread
  }
  if (a.ltv.basis === 'cohort') {
    const c = a.ltv.cohorts;
    const shown = Math.min(c.months, 12);
    out.push('', `${tm(locale, 'block.cohort')}:`);
    out.push(
      ...table(
        [
          tr(locale, 'cli.head.cohort'),
          tr(locale, 'cli.head.customers'),
          ...Array.from({ length: shown + 1 }, (_, k) => tr(locale, 'cli.head.month', { n: k })),
        ],
        c.rows.map((r) => [r.cohort, String(r.customers), ...r.cumulative.slice(0, shown + 1).map((v) => num(v, 0))]),
      ),
    );
    out.push('', `${tm(locale, 'block.ltvChannels')}:`);
    const ratio = new Map(a.ltv.ltvCac.map((x) => [x.channel, x]));
    out.push(
      ...table(
        [
          tr(locale, 'cli.head.channel'),
          ...c.windows.map((w) => tr(locale, 'cli.head.ltvMonths', { n: w })),
          tm(locale, 'ltv.projected', { horizon: a.options.ltvHorizonMonths }),
          'CAC',
          'LTV:CAC',
        ],
        c.channels.map((ch) => [
          safe(ch.channel),
          ...ch.observed.map((v) => num(v, 0)),
          num(ch.projected, 0),
          num(ratio.get(ch.channel)?.cac ?? null, 0),
          num(ratio.get(ch.channel)?.ratio ?? null, 2),
        ]),
      ),
    );
    out.push(...a.ltv.blankReasons.map(safe), a.ltv.method);
  } else if (a.ltv.basis === 'formula') {
    out.push('', `${a.ltv.label}: ${num(a.ltv.value)}`);
  } else {
    out.push('', a.ltv.reason);
  }
  if (a.b2bReason) out.push('', a.b2bReason);
  if (a.b2b) {
    const b = a.b2b;
    out.push('', `${tm(locale, 'block.b2b')}:`);
    const cyc = new Map(b.cycles.map((c) => [c.channel, c]));
    const nps = new Map(b.nps.filter((n) => n.period === null).map((n) => [n.channel, n]));
    const rows = b.money.map((m) => {
      const c = cyc.get(m.channel);
      const n = nps.get(m.channel);
      return [
        safe(m.channel),
        num(c?.medianDays ?? null, 1),
        num(c?.meanDays ?? null, 1),
        String(c?.count ?? 0),
        pct(m.repeatShare),
        num(m.returns, 1),
        n ? `${num(n.nps, 0)} (${n.answers})` : '—',
        num(m.profit, 0),
        pct(m.drr),
        num(m.cpo, 0),
      ];
    });
    const t = b.moneyTotal;
    rows.push([
      tr(locale, 'cli.total'),
      num(b.cycleTotal.medianDays, 1),
      num(b.cycleTotal.meanDays, 1),
      String(b.cycleTotal.count),
      pct(t.repeatShare),
      String(b.returnedCustomers),
      b.npsTotal ? `${num(b.npsTotal.nps, 0)} (${b.npsTotal.answers})` : '—',
      num(t.profit, 0),
      pct(t.drr),
      num(t.cpo, 0),
    ]);
    const keys = [
      'cli.head.channel',
      'cli.head.cycleMedian',
      'cli.head.cycleMean',
      'cli.head.won',
      'cli.head.repeatRevenue',
      'cli.head.returns',
      'cli.head.npsAnswers',
      'cli.head.profit',
    ] as const;
    for (const line of table([...keys.map((k) => tr(locale, k)), 'ДРР', 'CPO'], rows)) out.push(line);
  }
  out.push('', `${tm(locale, 'block.definitions')}:`);
  for (const d of a.definitions) out.push(`- ${d.text}`);
  return out.join('\n');
}
