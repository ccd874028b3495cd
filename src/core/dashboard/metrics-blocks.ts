/**
 * The dashboard's metrics blocks, from core/analysis: the model comparison (channel × model: customers,
 * revenue, ROMI), cohort LTV and LTV per acquisition channel (or why there is no LTV), the B2B block and
 * the definitions. Counts, credits and cohort values are written as values computed at build time (they
 * come from row-level journeys the sheet does not hold); ratios are built-in formulas over the block's own
 * cells and the margin cell, like the channel table, so they can be traced and recomputed.
 */
import type { AggregatedData } from '../aggregate/types.js';
import type { ChannelLtv, Insights } from '../analysis/index.js';
import { ATTRIBUTION_MODELS, LTV_WINDOWS, PROJECTION_SLOPE_MONTHS } from '../definitions/index.js';
import type { Locale } from '../i18n/index.js';
import { definitionTexts, findingText, modelName, tm } from '../i18n/metrics.js';
import { cellA1 } from './a1.js';
import { BlockBuilder, num, safe, text } from './block.js';
import { creditFormat, FORMAT, moneyFormat } from './formats.js';
import { HEAD_BG, MUTED } from './style.js';
import type { PlanBlock, PlanCell } from './types.js';
import { orderRows } from './series.js';
import { normalizeName } from '../aggregate/cells.js';

const maybe = (v: number | null): PlanCell => (v === null ? null : num(v));

export interface MetricsBlocks {
  readonly blocks: PlanBlock[];
  /** Cells holding ROMI (for the red/green rule). */
  readonly romiRanges: string[];
  readonly nextRow: number;
  /** Where each block starts (tests read them). */
  readonly rows: Readonly<Record<string, number>>;
}

/** Findings as sentences in the user's language, for the top of the sheet. */
export function findingLines(ins: Insights, locale: Locale): string[] {
  return ins.findings.map((f) => findingText(locale, f));
}

/** One line per reason a channel's projected LTV is blank, naming the channels (none when all are shown). */
export function blankProjectionLines(channels: readonly ChannelLtv[], locale: Locale): string[] {
  const named = (why: ChannelLtv['blank']): string =>
    channels
      .filter((c) => c.blank === why)
      .map((c) => c.channel)
      .join(locale === 'zh' ? '、' : ', ');
  if (channels.some((c) => c.blank === 'no_projection')) return [tm(locale, 'ltv.blank.no_projection')];
  const out: string[] = [];
  const recent = named('too_recent');
  if (recent) out.push(tm(locale, 'ltv.blank.too_recent', { channels: recent, months: LTV_WINDOWS[0] }));
  const short = named('short_curve');
  if (short) out.push(tm(locale, 'ltv.blank.short_curve', { channels: short }));
  return out;
}

/** A period label with the incomplete mark when the data stops inside it. */
export function periodLabel(data: AggregatedData, period: string, locale: Locale): string {
  return period === data.incompletePeriod ? tm(locale, 'period.incomplete', { period }) : period;
}

export function planMetricsBlocks(
  ins: Insights,
  data: AggregatedData,
  opts: { readonly currency: string; readonly locale: Locale; readonly marginCell: string; readonly startRow: number },
): MetricsBlocks {
  const { locale: lc, marginCell } = opts;
  const money0 = moneyFormat(opts.currency, 0);
  const blocks: PlanBlock[] = [];
  const romiRanges: string[] = [];
  const rows: Record<string, number> = {};
  let row = opts.startRow;
  // Channels in the channel table's order (spend, revenue, leads), not the data's row order, which a
  // warehouse table does not have: a sheet and its BigQuery copy list them alike.
  const rank = new Map<string, number>();
  orderRows(data.rows).forEach((r, i) => {
    const key = normalizeName(r.channel);
    if (!rank.has(key)) rank.set(key, i);
  });
  const inTableOrder = <T>(list: readonly T[], key: (x: T) => string): T[] =>
    list
      .map((x, i) => ({ x, i, r: rank.get(key(x)) ?? Number.POSITIVE_INFINITY }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((e) => e.x);
  const withProfit = data.measures.includes('gross_profit');

  // ── Model comparison: spend once, then customers, revenue and ROMI per model.
  if (ins.comparison) {
    const c = ins.comparison;
    const b = new BlockBuilder('models', row, 2 + ATTRIBUTION_MODELS.length * 3);
    rows.models = row;
    // Which column the rest of the sheet uses: the comparison shows every model, the tables one.
    const used = tm(lc, 'models.used', { model: modelName(lc, ins.options.attribution) });
    b.add([text(tm(lc, 'block.models')), null, text(used)], { bold: true });
    b.add([null, null, ...ATTRIBUTION_MODELS.flatMap((m) => [text(modelName(lc, m)), null, null])], { bold: true, background: HEAD_BG });
    const labels = {
      customers: tm(lc, 'head.customers'),
      revenue: tm(lc, 'head.revenue'),
      spend: tm(lc, 'head.spend'),
      channel: tm(lc, 'head.channel'),
    };
    b.add(
      [
        text(labels.channel),
        text(labels.spend),
        ...ATTRIBUTION_MODELS.flatMap(() => [text(labels.customers), text(labels.revenue), text('ROMI')]),
      ],
      { bold: true, background: HEAD_BG },
    );
    const first = b.nextRow;
    for (const k of inTableOrder(c.channels, (key) => key)) {
      const r = b.nextRow;
      const base = c.rows.last_touch.get(k)!;
      const cells: PlanCell[] = [text(base.channel), num(base.spend)];
      const formats = ['', money0];
      ATTRIBUTION_MODELS.forEach((m, i) => {
        const x = c.rows[m].get(k)!;
        const col = 3 + i * 3;
        // ROMI from the row's own cells; with a gross-profit column the credited profit is not on the sheet, so the value.
        cells.push(
          num(x.newCustomers),
          num(x.revenue),
          withProfit ? maybe(x.romi) : safe(`(${cellA1(r, col + 1)}*${marginCell}-${cellA1(r, 2)})/${cellA1(r, 2)}`),
        );
        formats.push(creditFormat(x.newCustomers), money0, FORMAT.percent);
      });
      b.add(cells, { formats });
    }
    ATTRIBUTION_MODELS.forEach((_, i) => romiRanges.push(`${cellA1(first, 5 + i * 3)}:${cellA1(b.nextRow - 1, 5 + i * 3)}`));
    blocks.push(b.build());
    row = b.nextRow + 1;
  }

  // ── LTV: cohorts and per acquisition channel, or the reason there is none.
  if (ins.cohort) {
    const co = ins.cohort;
    const months = co.months;
    const b = new BlockBuilder('cohort', row, 3 + months);
    rows.cohort = row;
    b.add([text(tm(lc, 'block.cohort'))], {
      bold: true,
      notes: [tm(lc, 'def.ltv_cohort', { horizon: ins.options.ltvHorizonMonths, slope: PROJECTION_SLOPE_MONTHS })],
    });
    b.add(
      [
        text(tm(lc, 'head.cohort')),
        text(tm(lc, 'head.customers')),
        ...Array.from({ length: months + 1 }, (_, k) => text(tm(lc, 'head.monthSince', { n: k }))),
      ],
      { bold: true, background: HEAD_BG },
    );
    for (const r of co.rows)
      b.add([text(r.cohort), num(r.customers), ...r.cumulative.map(maybe)], { formats: ['', '0', ...r.cumulative.map(() => money0)] });
    blocks.push(b.build());
    row = b.nextRow + 1;

    const cacOf = new Map((ins.channels ?? []).map((c) => [c.channel, c.cac]));
    const l = new BlockBuilder('ltv_channels', row, 4 + co.windows.length);
    rows.ltvChannels = row;
    l.add([text(tm(lc, 'block.ltvChannels'))], { bold: true });
    l.add(
      [
        text(tm(lc, 'head.channel')),
        ...co.windows.map((w) => text(tm(lc, 'ltv.observed', { months: w }))),
        text(tm(lc, 'ltv.projected', { horizon: ins.options.ltvHorizonMonths })),
        text('CAC'),
        text('LTV:CAC'),
      ],
      {
        bold: true,
        background: HEAD_BG,
        notes: [
          '',
          ...co.windows.map(() => ''),
          tm(lc, 'def.ltv_cohort', { horizon: ins.options.ltvHorizonMonths, slope: PROJECTION_SLOPE_MONTHS }),
        ],
      },
    );
    const projCol = 2 + co.windows.length;
    for (const ch of inTableOrder(co.channels, (x) => normalizeName(x.channel))) {
      const r = l.nextRow;
      l.add(
        [
          text(ch.channel),
          ...ch.observed.map(maybe),
          maybe(ch.projected),
          maybe(cacOf.get(ch.channel) ?? null),
          // No projected LTV (too little history) is unknown, not a ratio of 0.
          safe(`IF(${cellA1(r, projCol)}="","",${cellA1(r, projCol)}/${cellA1(r, projCol + 1)})`),
        ],
        {
          formats: ['', ...co.windows.map(() => money0), money0, money0, FORMAT.ratio],
        },
      );
    }
    // A blank projected LTV says why, under the table: the whole curve too short, or which channels are too new.
    for (const line of blankProjectionLines(co.channels, lc)) l.add([text(line)], { color: MUTED });
    blocks.push(l.build());
    row = l.nextRow + 1;
  } else {
    const b = new BlockBuilder('ltv_none', row, 2);
    rows.ltvNone = row;
    if (ins.ltvFormula) {
      const f = ins.ltvFormula;
      b.add([text(tm(lc, 'ltv.formula', { frequency: f.purchasesPerYear, lifespan: f.lifespanYears })), num(f.value)], {
        formats: ['', money0],
        notes: [tm(lc, 'def.ltv_formula'), ''],
      });
    } else {
      b.add([text(tm(lc, 'ltv.none'))], { color: MUTED });
    }
    blocks.push(b.build());
    row = b.nextRow + 1;
  }

  // ── B2B: deal cycle (own channel), repeat share, returns, NPS, and profit / ДРР / CPO as formulas.
  if (ins.b2b) {
    const x = ins.b2b;
    const heads = [
      tm(lc, 'head.channel'),
      tm(lc, 'b2b.cycleMedian'),
      tm(lc, 'b2b.cycleMean'),
      tm(lc, 'b2b.withCycle'),
      tm(lc, 'b2b.repeatShare'),
      tm(lc, 'b2b.returns'),
      'NPS',
      tm(lc, 'b2b.npsAnswers'),
      tm(lc, 'head.revenue'),
      tm(lc, 'head.spend'),
      tm(lc, 'b2b.wonDeals'),
      tm(lc, 'b2b.profit'),
      'ДРР',
      'CPO',
    ];
    const b = new BlockBuilder('b2b', row, heads.length);
    rows.b2b = row;
    b.add([text(tm(lc, 'block.b2b'))], { bold: true });
    const defs = [
      '',
      tm(lc, 'def.deal_cycle'),
      tm(lc, 'def.deal_cycle'),
      '',
      tm(lc, 'def.repeat_sale'),
      tm(lc, 'def.returned_customer', { days: ins.options.returnDays }),
      tm(lc, 'def.nps'),
      '',
      '',
      '',
      '',
      tm(lc, 'def.profit'),
      tm(lc, 'def.drr'),
      tm(lc, 'def.cpo'),
    ];
    b.add(heads.map(text), { bold: true, background: HEAD_BG, notes: defs });
    const cyc = new Map(x.cycles.map((c) => [c.channel, c]));
    const nps = new Map(x.nps.filter((n) => n.period === null).map((n) => [n.channel, n]));
    const formats = (returns: number, won: number): string[] => [
      '',
      '0.0',
      '0.0',
      FORMAT.count,
      FORMAT.percent,
      creditFormat(returns),
      '0',
      FORMAT.count,
      money0,
      money0,
      creditFormat(won),
      money0,
      FORMAT.percent,
      money0,
    ];
    const line = (
      label: string,
      c: { medianDays: number | null; meanDays: number | null; count: number } | undefined,
      share: number | null,
      returns: number,
      n: { nps: number | null; answers: number } | undefined | null,
      revenue: number,
      spend: number,
      won: number,
      gp: number | null,
      bold = false,
    ): void => {
      const r = b.nextRow;
      const [rev, sp, wn] = [cellA1(r, 9), cellA1(r, 10), cellA1(r, 11)];
      b.add(
        [
          text(label),
          maybe(c?.medianDays ?? null),
          maybe(c?.meanDays ?? null),
          num(c?.count ?? 0),
          maybe(share),
          num(returns),
          maybe(n?.nps ?? null),
          num(n?.answers ?? 0),
          num(revenue),
          num(spend),
          num(won),
          gp === null ? safe(`${rev}*${marginCell}-${sp}`) : num(gp - spend),
          safe(`${sp}/${rev}`),
          safe(`${sp}/${wn}`),
        ],
        { formats: formats(returns, won), bold },
      );
    };
    for (const m of x.money) {
      const credit = ins.channels?.find((c) => c.channel === m.channel);
      line(
        m.channel,
        cyc.get(m.channel),
        m.repeatShare,
        m.returns,
        nps.get(m.channel),
        m.revenue,
        m.spend,
        credit?.wonDeals ?? 0,
        withProfit ? m.grossProfit : null,
      );
    }
    const t = x.moneyTotal;
    const won = (ins.channels ?? []).reduce((s, c) => s + c.wonDeals, 0);
    line(
      tm(lc, 'head.total'),
      x.cycleTotal,
      t.repeatShare,
      x.returnedCustomers,
      x.npsTotal,
      t.revenue,
      t.spend,
      won,
      withProfit ? t.grossProfit : null,
      true,
    );
    // What became of the survey sheet's rows, so NPS answer counts can be traced to it.
    const join = data.detail?.survey;
    if (join) b.add([text(tm(lc, 'b2b.surveyJoin', { ...join }))], { color: MUTED });
    blocks.push(b.build());
    row = b.nextRow + 1;
  }

  // ── Warehouse mode: the B2B block needs the lead rows; say so where it would be.
  if (!ins.b2b && data.customers) {
    const b = new BlockBuilder('b2b_none', row, 1);
    rows.b2bNone = row;
    b.add([text(tm(lc, 'b2b.warehouse'))], { color: MUTED });
    blocks.push(b.build());
    row = b.nextRow + 1;
  }

  // ── Definitions, as the rest of the sheet uses them.
  const d = new BlockBuilder('definitions', row, 1);
  rows.definitions = row;
  d.add([text(tm(lc, 'block.definitions'))], { bold: true });
  for (const def of definitionTexts(lc, { ...ins.options, slopeMonths: PROJECTION_SLOPE_MONTHS }))
    d.add([text(def.text)], { color: MUTED });
  blocks.push(d.build());
  row = d.nextRow + 1;
  return { blocks, romiRanges, nextRow: row, rows };
}
