/**
 * planDashboard: AggregatedData + Mapping → the dashboard sheet as data. Base sums are numbers; every
 * derived metric is a built-in formula over the row's own cells (IFERROR-wrapped), totals are SUMs and
 * totals-row ratios are ratios of totals, so the sheet stays correct when shared or downloaded as .xlsx.
 */
import type { AggregatedData, AggregateRow, Figures } from '../aggregate/types.js';
import { normalizeName } from '../aggregate/cells.js';
import type { Mapping } from '../mapping/types.js';
import { cellA1, letters, rangeA1 } from './a1.js';
import { BlockBuilder, formula, num, safe, text } from './block.js';
import { figureOf, KPI_ORDER, metricColumns, stageRefs, type MetricColumn, type Refs } from './columns.js';
import { FORMAT, moneyFormat, percentDecimalsFor, percentFormat } from './formats.js';
import { timeToSerial, wallClock } from '../dates.js';
import { comparedPeriods, LOWER_IS_BETTER, metricValue, NEUTRAL, periodTotals, relativeChange } from './kpi.js';
import { DASHBOARD_LABELS, type DashboardLabels } from './labels.js';
import { readingNotes } from './reading-notes.js';
import type { ChartSpec, ConditionalRule, DashboardPlan, PlanBlock, PlanCell, PlanContext } from './types.js';
import { computeInsights } from '../analysis/index.js';
import { findingLines, periodLabel, planMetricsBlocks } from './metrics-blocks.js';

const HEADER_WIDTH = 8;
const CHART_WIDTH = 600;
const CHART_HEIGHT = 320;
const CHART_GAP_X = 620;
/** Rows reserved per row of charts (default row height 21 px; 17 rows ≈ 357 px > chart height). */
const CHART_ROW_SPAN = 17;
const TITLE_BG = '#1f3864';
const HEAD_BG = '#d9e2f3';
const TOTAL_BG = '#f2f2f2';
const MUTED = '#595959';
const WARN = '#9c5700';
export const DASHBOARD_MARGIN_CELL = '$B$3';

const NEG = { fontColor: '#9c0006', background: '#ffc7ce' };
const POS = { fontColor: '#006100', background: '#c6efce' };

interface ChannelSeries {
  readonly label: string;
  /** Per period, aligned with data.periods. */
  readonly byPeriod: readonly Figures[];
}

export function planDashboard(data: AggregatedData, mapping: Mapping, ctx: PlanContext): DashboardPlan {
  const L = DASHBOARD_LABELS[ctx.locale] ?? DASHBOARD_LABELS.en;
  const byCampaign = data.rows.some((r) => r.campaign !== null);
  const labelCols = byCampaign ? 2 : 1;
  const metrics = metricColumns(data, mapping, L);
  const has = (key: string): boolean => metrics.some((m) => m.key === key);
  const stages = stageRefs(data, mapping).filter((s) => has(s.key));
  const money0 = moneyFormat(mapping.options.currency, 0);
  const blocks: PlanBlock[] = [];
  const charts: ChartSpec[] = [];
  const rules: ConditionalRule[] = [];

  // ── Header: title, provenance, the margin cell every ROMI/LTV formula reads, and notes.
  const head = new BlockBuilder('header', 1, HEADER_WIDTH);
  head.add([text(L.title)], { bold: true, color: '#ffffff', background: TITLE_BG });
  const period = data.dateRange ? `${data.dateRange.from} – ${data.dateRange.to}` : data.periods.join(', ');
  const generated = generatedCell(ctx);
  head.add([text(L.source), text(ctx.sourceA1), null, text(L.period), text(period), null, text(L.generated), generated.cell], {
    color: MUTED,
    formats: ['', '', '', '', '', '', '', generated.format],
    notes: ['', '', '', '', '', '', '', generated.note],
  });
  head.add(
    [
      text(L.margin),
      num(mapping.options.grossMargin),
      null,
      text(L.currency),
      text(mapping.options.currency),
      null,
      text(L.rowsRead),
      text(`${data.usedRows} / ${data.sourceRows}`),
    ],
    { formats: ['', FORMAT.percent], notes: ['', L.marginNote], bold: false },
  );
  for (const note of sheetNotes(data, L, has)) head.add([text(note)], { color: MUTED });
  for (const note of readingNotes(ctx.locale, ctx.warnings ?? data.warnings))
    head.add([text(note.text)], { color: note.warning ? WARN : MUTED });
  // Findings at the top: plain sentences computed from the data, in the user's language.
  const moneyText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const insights = computeInsights(
    data,
    mapping.options.grossMargin,
    mapping.options.metrics ?? {},
    (x) => `${moneyText.format(x)} ${mapping.options.currency}`,
  );
  for (const line of findingLines(insights, ctx.locale)) head.add([text(`• ${line}`)], { bold: true });
  blocks.push(head.build());
  let row = head.nextRow + 1;

  // Positions first: KPI and charts sit above the table but reference it.
  const kpis = KPI_ORDER.map((k) => metrics.find((m) => m.key === k)).filter((m): m is MetricColumn => m !== undefined);
  const kpiRow = row;
  if (kpis.length > 0) row += 4;
  const chartKinds = plannedCharts(data, has, stages.length, byCampaign);
  const chartsRow = row;
  row += Math.ceil(chartKinds.length / 2) * CHART_ROW_SPAN;

  // ── Channel table.
  const table = new BlockBuilder('channels', row, labelCols + metrics.length);
  const colOf: Record<string, number> = {};
  metrics.forEach((m, i) => (colOf[m.key] = labelCols + 1 + i));
  table.add([text(L.byChannel)], { bold: true });
  const headerRow = table.add([text(L.channel), ...(byCampaign ? [text(L.campaign)] : []), ...metrics.map((m) => text(m.header))], {
    bold: true,
    background: HEAD_BG,
    notes: [...Array<string>(labelCols).fill(''), ...metrics.map((m) => m.note)],
  });
  const ordered = orderRows(data.rows);
  const firstRow = table.nextRow;
  const lastRow = firstRow + ordered.length - 1;
  const totalsRow = lastRow + 1;
  const refsFor = (r: number): Refs => ({
    at: (key) => cellA1(r, colOf[key]),
    total: (key) => cellA1(totalsRow, colOf[key], true),
    margin: DASHBOARD_MARGIN_CELL,
  });
  const formats = [...Array<string>(labelCols).fill(''), ...metrics.map((m) => m.format)];
  for (const [i, r] of ordered.entries()) {
    const refs = refsFor(firstRow + i);
    const labels: PlanCell[] = byCampaign ? [text(r.channel), text(r.campaign ?? '')] : [text(r.channel)];
    table.add([...labels, ...metrics.map((m) => (m.value ? num(m.value(r.total)) : safe(m.expr!(refs))))], { formats });
  }
  const totalRefs = refsFor(totalsRow);
  table.add(
    [
      text(L.total),
      ...(byCampaign ? [null] : []),
      ...metrics.map((m) => {
        if (!m.value) return safe(m.expr!(totalRefs));
        const c = letters(colOf[m.key]);
        return ordered.length > 0 ? formula(`=SUM(${c}${firstRow}:${c}${lastRow})`) : num(0);
      }),
    ],
    { formats, bold: true, background: TOTAL_BG },
  );
  blocks.push(table.build());
  if (has('romi')) rules.push(...signRules([rangeA1(firstRow, colOf.romi, totalsRow, colOf.romi)]));
  row = table.nextRow + 1;

  // ── KPI strip: references to the totals row, so every headline number is traceable.
  if (kpis.length > 0) {
    const kpi = new BlockBuilder('kpi', kpiRow, kpis.length);
    kpi.add(
      kpis.map((m) => text(m.header)),
      { bold: true, background: HEAD_BG, notes: kpis.map((m) => m.note) },
    );
    kpi.add(
      kpis.map((m) => formula(`=${cellA1(totalsRow, colOf[m.key])}`)),
      { formats: kpis.map((m) => m.format), bold: true },
    );
    // Change in the latest full period vs the one before, with an arrow; green when it is good news.
    const pair = comparedPeriods(data);
    if (pair) {
      const now = periodTotals(data, pair.current);
      const before = periodTotals(data, pair.previous);
      const margin = mapping.options.grossMargin;
      const changes = kpis.map((m) =>
        relativeChange(metricValue(metrics, m.key, now, margin), metricValue(metrics, m.key, before, margin)),
      );
      const note = L.kpiChange(data.periods[pair.current], data.periods[pair.previous]);
      kpi.add(
        changes.map((c) => (c === null ? text('–') : num(c))),
        {
          formats: kpis.map(() => DELTA_FORMAT),
          notes: kpis.map(() => note),
          colors: kpis.map((m, i) => deltaColour(m.key, changes[i])),
        },
      );
    }
    blocks.push(kpi.build());
    if (has('romi')) rules.push(...signRules([cellA1(kpiRow + 1, kpis.findIndex((m) => m.key === 'romi') + 1)]));
  }

  // ── Funnel totals with conversions, from the first funnel stage: impressions and clicks are traffic
  // (their rate is CTR, in the table); starting there made "from first" read 0.0% for every stage.
  let funnelRange: { labels: string; counts: string; headers: number } | null = null;
  const leadsAt = stages.findIndex((s) => s.key === 'leads');
  const funnelStages = leadsAt > 0 && stages.length - leadsAt >= 2 ? stages.slice(leadsAt) : stages;
  if (funnelStages.length >= 2) {
    const funnel = new BlockBuilder('funnel', row, 4);
    funnel.add([text(L.funnel)], { bold: true });
    const fh = funnel.add([text(L.stage), text(L.count), text(L.fromPrevious), text(L.fromFirst)], { bold: true, background: HEAD_BG });
    const first = funnel.nextRow;
    const count = (key: string): number => figureOf(data.totals, key);
    const rate = (a: number, b: number): number | null => (b === 0 ? null : a / b);
    const prevFormat = percentFormat(
      percentDecimalsFor(funnelStages.map((s, i) => (i === 0 ? null : rate(count(s.key), count(funnelStages[i - 1].key))))),
    );
    const firstFormat = percentFormat(percentDecimalsFor(funnelStages.map((s) => rate(count(s.key), count(funnelStages[0].key)))));
    funnelStages.forEach((s, i) => {
      const r = first + i;
      funnel.add(
        [
          text(s.label),
          formula(`=${cellA1(totalsRow, colOf[s.key])}`),
          i === 0 ? null : safe(`B${r}/B${r - 1}`),
          i === 0 ? null : safe(`B${r}/$B$${first}`),
        ],
        { formats: ['', FORMAT.count, prevFormat, firstFormat] },
      );
    });
    blocks.push(funnel.build());
    funnelRange = { labels: rangeA1(fh, 1, funnel.nextRow - 1, 1), counts: rangeA1(fh, 2, funnel.nextRow - 1, 2), headers: 1 };
    row = funnel.nextRow + 1;
  }

  // ── Pivots by period (per channel), ROMI from the spend and revenue pivots.
  const series = channelSeries(ordered, data.stages.length);
  const pivots: Record<string, { header: number; first: number; last: number; totals: number; totalCol: number }> = {};
  const wantPivots = data.periods.length > 1 || byCampaign;
  const pivotKeys = wantPivots ? (['spend', 'revenue'] as const).filter((k) => has(k)) : [];
  const pivotWidth = 2 + data.periods.length;
  const totalCol = pivotWidth;
  for (const key of pivotKeys) {
    const p = new BlockBuilder(`pivot:${key}`, row, pivotWidth);
    p.add([text(L.pivot(L.metric[key]))], { bold: true });
    const header = p.add([text(L.channel), ...data.periods.map((pk) => text(periodLabel(data, pk, ctx.locale))), text(L.total)], {
      bold: true,
      background: HEAD_BG,
    });
    const first = p.nextRow;
    const fmt = ['', ...data.periods.map(() => money0), money0];
    for (const s of series) {
      const r = p.nextRow;
      p.add([text(s.label), ...s.byPeriod.map((f) => num(figureOf(f, key))), formula(`=SUM(B${r}:${letters(totalCol - 1)}${r})`)], {
        formats: fmt,
      });
    }
    const last = p.nextRow - 1;
    const totals = p.add(
      [
        text(L.total),
        ...Array.from({ length: data.periods.length + 1 }, (_, i) =>
          series.length > 0 ? formula(`=SUM(${letters(i + 2)}${first}:${letters(i + 2)}${last})`) : num(0),
        ),
      ],
      { formats: fmt, bold: true, background: TOTAL_BG },
    );
    p.add([text(L.growth), null, ...data.periods.slice(1).map((_, i) => safe(`${cellA1(totals, i + 3)}/${cellA1(totals, i + 2)}-1`))], {
      formats: ['', '', ...data.periods.slice(1).map(() => FORMAT.percent)],
      color: MUTED,
    });
    pivots[key] = { header, first, last, totals, totalCol };
    blocks.push(p.build());
    row = p.nextRow + 1;
  }
  if (pivots.spend && pivots.revenue) {
    const sp = pivots.spend;
    const rv = pivots.revenue;
    const p = new BlockBuilder('pivot:romi', row, pivotWidth);
    p.add([text(L.pivot(L.metric.romi))], { bold: true, notes: [L.definition.romi ?? ''] });
    const header = p.add([text(L.channel), ...data.periods.map((pk) => text(periodLabel(data, pk, ctx.locale))), text(L.total)], {
      bold: true,
      background: HEAD_BG,
    });
    const first = p.nextRow;
    const romiAt = (rvRow: number, spRow: number, c: number): PlanCell =>
      safe(`(${cellA1(rvRow, c)}*${DASHBOARD_MARGIN_CELL}-${cellA1(spRow, c)})/${cellA1(spRow, c)}`);
    const fmt = Array<string>(pivotWidth).fill(FORMAT.percent);
    fmt[0] = '';
    series.forEach((s, i) => {
      p.add([text(s.label), ...Array.from({ length: data.periods.length + 1 }, (_, j) => romiAt(rv.first + i, sp.first + i, j + 2))], {
        formats: fmt,
      });
    });
    const last = p.nextRow - 1;
    const totals = p.add(
      [text(L.total), ...Array.from({ length: data.periods.length + 1 }, (_, j) => romiAt(rv.totals, sp.totals, j + 2))],
      {
        formats: fmt,
        bold: true,
        background: TOTAL_BG,
      },
    );
    pivots.romi = { header, first, last, totals, totalCol };
    rules.push(...signRules([rangeA1(first, 2, totals, totalCol)]));
    blocks.push(p.build());
    row = p.nextRow + 1;
  }

  // ── Over time (vertical, for the line chart): references to the pivots' totals rows.
  let timeRange: string[] | null = null;
  if (data.periods.length > 1 && pivotKeys.length > 0) {
    const t = new BlockBuilder('over_time', row, 1 + pivotKeys.length);
    t.add([text(L.overTime)], { bold: true });
    const header = t.add([text(L.period), ...pivotKeys.map((k) => text(L.metric[k]))], { bold: true, background: HEAD_BG });
    data.periods.forEach((pk, i) => {
      t.add([text(periodLabel(data, pk, ctx.locale)), ...pivotKeys.map((k) => formula(`=${cellA1(pivots[k].totals, i + 2)}`))], {
        formats: ['', ...pivotKeys.map(() => money0)],
      });
    });
    timeRange = [rangeA1(header, 1, t.nextRow - 1, 1), ...pivotKeys.map((_, i) => rangeA1(header, i + 2, t.nextRow - 1, i + 2))];
    blocks.push(t.build());
    row = t.nextRow + 1;
  }

  // ── Metrics blocks: models compared, cohort LTV, B2B, definitions (metrics-blocks.ts).
  const metricsBlocks = planMetricsBlocks(insights, data, {
    currency: mapping.options.currency,
    locale: ctx.locale,
    marginCell: DASHBOARD_MARGIN_CELL,
    startRow: row,
  });
  blocks.push(...metricsBlocks.blocks);
  rules.push(...signRules(metricsBlocks.romiRanges));
  row = metricsBlocks.nextRow;

  // ── Charts over the reserved rows, two per row.
  const chartByChannel = (key: 'romi' | 'spend' | 'revenue'): string[] => {
    if (!byCampaign) return [rangeA1(headerRow, 1, lastRow, 1), rangeA1(headerRow, colOf[key], lastRow, colOf[key])];
    const p = pivots[key];
    return [rangeA1(p.header, 1, p.last, 1), rangeA1(p.header, p.totalCol, p.last, p.totalCol)];
  };
  chartKinds.forEach((id, i) => {
    const position = {
      anchorRow: chartsRow + Math.floor(i / 2) * CHART_ROW_SPAN,
      anchorColumn: 1,
      offsetX: (i % 2) * CHART_GAP_X,
      offsetY: 0,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    };
    if (id === 'romi') {
      // A horizontal bar chart's value axis is its hAxis (Google Charts); labels show each channel's ROMI.
      // One outlier (SEO at 71,034%) made every paid channel a sliver: the axis is clipped instead, the
      // outlier's bar runs to the edge and its data label still gives its true value. Not a log scale: it
      // cannot show the negative ROMI of the channels that lose money, which is what the chart is for.
      const romiValues = (byCampaign ? series.map((x) => addAll(x.byPeriod, data.stages.length)) : ordered.map((r) => r.total)).map((f) =>
        metricValue(metrics, 'romi', f, mapping.options.grossMargin),
      );
      charts.push({
        id,
        type: 'bar',
        title: L.chart.romi,
        ranges: chartByChannel('romi'),
        ...position,
        options: {
          legend: 'none',
          'hAxis.format': 'percent',
          'hAxis.title': L.metric.romi,
          'vAxis.title': L.channel,
          'series.0.dataLabel': 'value',
          ...clippedAxis('hAxis', romiValues),
        },
      });
    } else if (id === 'spend_revenue') {
      const ranges = chartByChannel(has('spend') ? 'spend' : 'revenue');
      if (has('spend') && has('revenue')) ranges.push(chartByChannel('revenue')[1]);
      charts.push({
        id,
        type: 'column',
        title: L.chart.spendRevenue,
        ranges,
        ...position,
        options: { legend: 'bottom', 'vAxis.title': mapping.options.currency, 'hAxis.title': L.channel },
      });
    } else if (id === 'funnel' && funnelRange) {
      charts.push({
        id,
        type: 'bar',
        title: L.chart.funnel,
        ranges: [funnelRange.labels, funnelRange.counts],
        numHeaders: funnelRange.headers,
        ...position,
        options: { legend: 'none', 'hAxis.title': L.count, 'vAxis.title': L.stage, 'series.0.dataLabel': 'value' },
      });
    } else if (id === 'over_time' && timeRange) {
      charts.push({
        id,
        type: 'line',
        title: L.chart.overTime,
        ranges: timeRange,
        ...position,
        options: { legend: 'bottom', 'vAxis.title': mapping.options.currency, 'hAxis.title': L.period },
      });
    }
  });

  const lastColumn = Math.max(...blocks.map((b) => b.column + (b.cells[0]?.length ?? 1) - 1));
  return {
    sheetName: ctx.sheetName,
    blocks,
    // No merged title: its text runs on over the filled empty cells to its right anyway, and the round
    // trip that merge cost pays for wrapping the table's header row instead.
    merges: [],
    frozenRows: 1,
    frozenColumns: labelCols,
    columnWidths: widenForHeaders(fittedWidths(lastColumn, labelCols, ordered, metrics, byCampaign), blocks),
    // Header rows wrap (the row grows) instead of cutting "Квалифицирован…" at the column edge.
    // (KPI labels are short; one range keeps the build within its round-trip budget.)
    wrapRanges: [rangeA1(headerRow, 1, headerRow, labelCols + metrics.length)],
    conditionalRules: rules,
    charts,
    lastRow: row - 1,
    lastColumn,
    index: {
      marginCell: 'B3',
      tableHeaderRow: headerRow,
      firstChannelRow: firstRow,
      lastChannelRow: lastRow,
      totalsRow,
      columns: colOf,
      blocks: metricsBlocks.rows,
    },
  };
}

/**
 * Widths from the content: the label column as wide as its longest name (within limits), metric columns
 * as wide as their longest header word, so wrapped headers break between words, not inside them.
 * Pixel estimates (≈7.5 px per character at Sheets' default 10 pt Arial; CJK ≈ 13 px).
 */
function fittedWidths(
  lastColumn: number,
  labelCols: number,
  rows: readonly AggregateRow[],
  metrics: readonly MetricColumn[],
  byCampaign: boolean,
): { column: number; width: number }[] {
  const px = (t: string): number => [...t].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 13 : 7.5), 0);
  const clamp = (v: number, lo: number, hi: number): number => Math.round(Math.min(hi, Math.max(lo, v)));
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map(px));
  return Array.from({ length: lastColumn }, (_, i) => {
    if (i === 0) return { column: 1, width: clamp(longest(rows.map((r) => r.channel)) + 16, 140, 240) };
    if (i === 1 && byCampaign) return { column: 2, width: clamp(longest(rows.map((r) => r.campaign ?? '')) + 16, 120, 220) };
    const m = metrics[i - labelCols];
    if (!m) return { column: i + 1, width: 100 };
    // From the header only (values up to ~12 characters fit the minimum): widths, and so the number of
    // setColumnWidths calls, never depend on how much data there is.
    return { column: i + 1, width: bucket(longest(m.header.split(/\s+/u)) + 14) };
  });
}

/**
 * Every table header row (funnel, pivots…) shares the sheet's columns with the channel table: a column is
 * widened so that no header any block puts in it is cut.
 */
function widenForHeaders(widths: { column: number; width: number }[], blocks: readonly PlanBlock[]): { column: number; width: number }[] {
  const need = new Map<number, number>();
  for (const b of blocks) {
    b.cells.forEach((row, i) => {
      // A date-time that does not fit shows as ##### in Sheets: its column gets room for it.
      row.forEach((cell, j) => {
        if (cell?.t === 'n' && /h/u.test(b.numberFormats[i]?.[j] ?? '')) need.set(b.column + j, Math.max(need.get(b.column + j) ?? 0, 132));
      });
      if (!b.backgrounds[i]?.some((bg) => bg === HEAD_BG)) return;
      row.forEach((cell, j) => {
        if (cell?.t !== 's') return;
        // The channel table's header row wraps (longest word counts); other header rows are one line.
        const parts = b.name === 'channels' ? cell.v.split(/\s+/u) : [cell.v];
        const px = Math.max(...parts.map((w) => [...w].reduce((a, ch) => a + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 13 : 8), 0))) + 16;
        const column = b.column + j;
        need.set(column, Math.max(need.get(column) ?? 0, Math.min(180, Math.round(px))));
      });
    });
  }
  const fitted = widths.map((w) => ({
    column: w.column,
    width: w.column === 1 ? Math.max(w.width, need.get(1) ?? 0) : bucket(Math.max(w.width, need.get(w.column) ?? 0)),
  }));
  // One width for every metric column (the widest any needs): a single setColumnWidths call for them all
  // keeps a rebuild, swap included, within its 40 round trips.
  const metricWidth = Math.max(104, ...fitted.filter((w) => w.column > 1).map((w) => w.width));
  return fitted.map((w) => (w.column === 1 ? w : { column: w.column, width: metricWidth }));
}

/**
 * Metric columns come in three widths only: neighbours of equal width are set with one call, so the
 * number of setColumnWidths round trips stays small whatever the headers say.
 */
function bucket(px: number): number {
  return px <= 104 ? 104 : px <= 140 ? 140 : 180;
}

/**
 * A view window that keeps the bulk of the bars readable when a few values dwarf the rest: the axis ends
 * at 1.5× the largest ordinary value. Empty when nothing stands out.
 */
export function clippedAxis(axis: 'hAxis' | 'vAxis', values: readonly (number | null)[]): Record<string, number> {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => b - a);
  if (v.length < 3) return {};
  // The typical size is the median magnitude; values over 4× it are outliers, the largest other one sets
  // the axis (SEO 71,035%, Email 8,106%, Referral 6,074% against paid channels at −52…322%).
  const abs = v.map(Math.abs).sort((a, b) => a - b);
  const median = abs.length % 2 === 1 ? abs[(abs.length - 1) / 2] : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
  const ordinary = v.find((x) => x <= 4 * median);
  if (ordinary === undefined || ordinary <= 0 || !(v[0] > 4 * ordinary)) return {};
  const max = niceCeil(ordinary * 1.5);
  const low = v[v.length - 1];
  return { [`${axis}.viewWindow.max`]: max, ...(low < 0 ? { [`${axis}.viewWindow.min`]: -niceCeil(-low * 1.1) } : {}) };
}

function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return Number((Math.ceil(x / p) * p).toPrecision(12));
}

function addAll(figures: readonly Figures[], stageCount: number): Figures {
  return figures.reduce((a, b) => addFigures(a, b, stageCount));
}

/** Arrow and sign in the format, so the cell stays a number (sortable, readable by formulas). */
const DELTA_FORMAT = '"▲ "#,##0.0%;"▼ "#,##0.0%;"= 0%"';

function deltaColour(key: string, change: number | null): string {
  if (change === null || change === 0 || NEUTRAL.has(key)) return MUTED;
  const good = LOWER_IS_BETTER.has(key) ? change < 0 : change > 0;
  return good ? '#188038' : '#c5221f';
}

/** How the generated time is written per dashboard language (Sheets then shows it as it is). */
const GENERATED_FORMAT: Readonly<Record<PlanContext['locale'], string>> = {
  en: 'm/d/yyyy hh:mm',
  ru: 'dd.mm.yyyy hh:mm',
  zh: 'yyyy/m/d hh:mm',
};

/**
 * "Generated": the build's instant as a date-time in the spreadsheet's time zone (not raw UTC ISO), with
 * the zone in the note; without a zone (the CLI) the ISO text stays.
 */
function generatedCell(ctx: PlanContext): { cell: PlanCell; format: string; note: string } {
  const time = Date.parse(ctx.generatedAt);
  if (!ctx.timeZone || !Number.isFinite(time)) return { cell: text(ctx.generatedAt), format: '', note: '' };
  return {
    cell: num(timeToSerial(wallClock(time, ctx.timeZone))),
    format: GENERATED_FORMAT[ctx.locale],
    note: `${ctx.generatedAt} (${ctx.timeZone})`,
  };
}

function signRules(ranges: string[]): ConditionalRule[] {
  return [
    { ranges, when: 'lt', value: 0, ...NEG },
    { ranges, when: 'gt', value: 0, ...POS },
  ];
}

function sheetNotes(data: AggregatedData, L: DashboardLabels, has: (k: string) => boolean): string[] {
  const notes = [L.note.totals];
  if (data.notes.includes('crm_close_basis')) notes.push(L.note.closeBasis);
  else if (data.notes.includes('crm_cohort')) notes.push(L.note.cohort);
  if (data.notes.includes('customers_first_won')) notes.push(L.note.firstWon);
  if (data.notes.includes('costs_spread_weekly')) notes.push(L.note.spreadWeekly);
  if (has('ltv')) notes.push(L.note.ltv);
  if (!data.measures.includes('spend')) notes.push(L.note.noSpend);
  if (!data.measures.includes('revenue')) notes.push(L.note.noRevenue);
  return notes;
}

function plannedCharts(data: AggregatedData, has: (k: string) => boolean, stageCount: number, byCampaign: boolean): ChartSpec['id'][] {
  const ids: ChartSpec['id'][] = [];
  const pivotsExist = data.periods.length > 1 || byCampaign;
  const byChannelOk = !byCampaign || pivotsExist;
  if (has('romi') && byChannelOk) ids.push('romi');
  if ((has('spend') || has('revenue')) && byChannelOk) ids.push('spend_revenue');
  if (stageCount >= 2) ids.push('funnel');
  if (data.periods.length > 1 && (has('spend') || has('revenue'))) ids.push('over_time');
  return ids;
}

/** Channels by spend (then revenue, leads), campaigns grouped under their channel the same way. */
function orderRows(rows: readonly AggregateRow[]): AggregateRow[] {
  const weight = (f: Figures): number => f.measures.spend * 1e6 + f.measures.revenue + f.measures.leads * 1e-6;
  const byChannel = new Map<string, { weight: number; rows: AggregateRow[] }>();
  for (const r of rows) {
    const key = normalizeName(r.channel);
    const entry = byChannel.get(key) ?? { weight: 0, rows: [] };
    entry.weight += weight(r.total);
    entry.rows.push(r);
    byChannel.set(key, entry);
  }
  return [...byChannel.values()]
    .sort((a, b) => b.weight - a.weight)
    .flatMap((e) => e.rows.sort((a, b) => weight(b.total) - weight(a.total)));
}

/** Campaign rows merged back into one series per channel, for the pivots. */
function channelSeries(rows: readonly AggregateRow[], stageCount: number): ChannelSeries[] {
  const out = new Map<string, { label: string; byPeriod: Figures[] }>();
  for (const r of rows) {
    const key = normalizeName(r.channel);
    const existing = out.get(key);
    if (!existing) {
      out.set(key, { label: r.channel, byPeriod: [...r.byPeriod] });
      continue;
    }
    existing.byPeriod = existing.byPeriod.map((f, i) => addFigures(f, r.byPeriod[i], stageCount));
  }
  return [...out.values()];
}

function addFigures(a: Figures, b: Figures, stageCount: number): Figures {
  const measures = { ...a.measures };
  for (const k of Object.keys(measures) as (keyof typeof measures)[]) measures[k] = a.measures[k] + b.measures[k];
  return { measures, stages: Array.from({ length: stageCount }, (_, i) => (a.stages[i] ?? 0) + (b.stages[i] ?? 0)), junk: a.junk + b.junk };
}
