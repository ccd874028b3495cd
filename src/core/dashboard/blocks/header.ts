/**
 * The header at the top of the sheet: title, provenance, the margin cell every ROMI/LTV formula reads,
 * notes on how the numbers were read, and the findings as plain sentences.
 */
import type { AggregatedData } from '../../aggregate/types.js';
import { wallClock } from '../../dates.js';
import { BlockBuilder, num, text } from '../block.js';
import { FORMAT } from '../formats.js';
import type { DashboardLabels } from '../labels.js';
import { findingLines } from '../metrics-blocks.js';
import type { DashboardModel } from '../model.js';
import { readingNotes } from '../reading-notes.js';
import { MUTED, TITLE_BG, WARN } from '../style.js';
import type { PlanCell, PlanContext } from '../types.js';
import type { PlacedBlocks } from './types.js';

const HEADER_WIDTH = 8;

/** Always at row 1: the margin cell (DASHBOARD_MARGIN_CELL) is its third row. */
export function headerBlock(model: DashboardModel): PlacedBlocks {
  const { data, mapping, ctx, L } = model;
  const head = new BlockBuilder('header', 1, HEADER_WIDTH);
  head.add([text(L.title)], { bold: true, color: '#ffffff', background: TITLE_BG });
  addProvenance(head, model);
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
  for (const note of sheetNotes(data, L, model.has)) head.add([text(note)], { color: MUTED });
  for (const note of readingNotes(ctx.locale, ctx.warnings ?? data.warnings))
    head.add([text(note.text)], { color: note.warning ? WARN : MUTED });
  for (const line of findingLines(model.insights, ctx.locale)) head.add([text(`• ${line}`)], { bold: true });
  return { blocks: [head.build()], rules: [], nextRow: head.nextRow + 1 };
}

function addProvenance(head: BlockBuilder, { data, ctx, L }: DashboardModel): void {
  const period = data.dateRange ? `${data.dateRange.from} – ${data.dateRange.to}` : data.periods.join(', ');
  const generated = generatedCell(ctx);
  head.add([text(L.generated), generated.cell, null, text(L.source), text(ctx.sourceA1), null, text(L.period), text(period)], {
    color: MUTED,
    notes: ['', generated.note],
  });
}

/**
 * "Generated": the build's instant as the spreadsheet's wall clock, written the dashboard language's way,
 * with the ISO instant and the zone in the note; without a zone (the CLI) the ISO text stays. Text, not a
 * date-time value: nobody computes with it, and text runs on over the empty cell beside it where a
 * date-time in a column narrower than itself shows ##### — so no column is widened for it, which would cost
 * a setColumnWidths round trip of every build.
 */
function generatedCell(ctx: PlanContext): { cell: PlanCell; note: string } {
  const time = Date.parse(ctx.generatedAt);
  if (!ctx.timeZone || !Number.isFinite(time)) return { cell: text(ctx.generatedAt), note: '' };
  return { cell: text(GENERATED_TEXT[ctx.locale](new Date(wallClock(time, ctx.timeZone)))), note: `${ctx.generatedAt} (${ctx.timeZone})` };
}

const two = (n: number): string => String(n).padStart(2, '0');
const clock = (d: Date): string => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;

/** How each dashboard language writes a date and time (the wall clock is read with UTC getters). */
const GENERATED_TEXT: Readonly<Record<PlanContext['locale'], (d: Date) => string>> = {
  en: (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${clock(d)}`,
  ru: (d) => `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${clock(d)}`,
  zh: (d) => `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${clock(d)}`,
};

function sheetNotes(data: AggregatedData, L: DashboardLabels, has: (k: string) => boolean): string[] {
  const notes = [L.note.totals];
  if (data.notes.includes('crm_close_basis')) notes.push(L.note.closeBasis);
  else if (data.notes.includes('crm_cohort')) notes.push(L.note.cohort);
  if (data.notes.includes('customers_first_won')) notes.push(L.note.firstWon);
  if (data.notes.includes('costs_spread_weekly')) notes.push(L.note.spreadWeekly);
  if (data.notes.includes('week_rows_by_start')) notes.push(L.note.weekRowsByStart);
  if (has('ltv')) notes.push(L.note.ltv);
  if (!data.measures.includes('spend')) notes.push(L.note.noSpend);
  if (!data.measures.includes('revenue')) notes.push(L.note.noRevenue);
  return notes;
}
