/** Analyses over the aggregated data and its deals: models compared, cohort LTV, the B2B block, findings. */
export { computeInsights, type Insights, type LtvFormula } from './insights.js';
export {
  compareModels,
  creditByChannel,
  channelSpend,
  modelRow,
  dealProfit,
  type ChannelCredit,
  type ModelRow,
  type ModelComparison,
} from './credits.js';
export { cohortLtv, addMonths, type CohortLtv, type CohortRow, type ChannelLtv } from './cohort.js';
export {
  b2bBlock,
  dealCycles,
  npsByChannel,
  moneyLine,
  median,
  type B2bBlock,
  type CycleStats,
  type NpsStats,
  type MoneyLine,
} from './b2b.js';
export { findings, type Finding, type FindingKey } from './findings.js';
