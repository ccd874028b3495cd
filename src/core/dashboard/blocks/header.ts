/**
 * The header at the top of the sheet: title, provenance, the margin cell every ROMI/LTV formula reads,
 * notes on how the numbers were read, and the findings as plain sentences.
 */
import type { AggregatedData } from '../../aggregate/types.js';
import { timeToSerial, wallClock } from '../../dates.js';
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
  // The date-time in column B: a column narrower than a date-time shows ##### in Sheets, and B is the
  // one metric column that may be widened for it without pushing the overview past the screen.
  head.add([text(L.generated), generated.cell, null, text(L.source), text(ctx.sourceA1), null, text(L.period), text(period)], {
    color: MUTED,
    formats: ['', generated.format],
    notes: ['', generated.note],
  });
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
