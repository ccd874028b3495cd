/** The dashboard plan: a pure, declarative description of the ROI dashboard sheet. */
export { planDashboard, DASHBOARD_MARGIN_CELL } from './plan.js';
export { sheetText, needsTextGuard, cellInput, blockInputs, type SheetInput } from './text.js';
export { moneyFormat, FORMAT } from './formats.js';
export { planCanvas, canvasWraps, CANVAS_DEFAULTS, type Canvas } from './canvas.js';
export { mergeConditionalRules } from './conditional.js';
export { DASHBOARD_LABELS, type DashboardLabels, type MetricKey } from './labels.js';
export { cellA1, rangeA1, sheetRangeA1 } from './a1.js';
export { metricColumns, stageRefs, figureOf, type MetricColumn } from './columns.js';
export type { DashboardPlan, PlanBlock, PlanCell, ChartSpec, ChartKind, ConditionalRule, PlanContext, PlanIndex } from './types.js';
export {
  rollUpChannels,
  checkDashboardLimits,
  SheetsLimitError,
  SHEETS_LIMITS,
  MAX_DASHBOARD_CHANNELS,
  DASHBOARD_CELL_BUDGET,
} from './limits.js';
