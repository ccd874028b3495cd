/**
 * The custom-function library, in the order README and autocomplete list them. Adding a function means
 * adding its module to library/ and one line here; the build, the HyperFormula plugin and the docs follow.
 */
import type { CustomFunction } from './define.js';
import { ROMI } from './library/romi.js';
import { ROI } from './library/roi.js';
import { ROAS } from './library/roas.js';
import { CAC } from './library/cac.js';
import { CPL } from './library/cpl.js';
import { CPC } from './library/cpc.js';
import { CPM } from './library/cpm.js';
import { CTR } from './library/ctr.js';
import { LCR } from './library/lcr.js';
import { FUNNEL } from './library/funnel.js';
import { LTV } from './library/ltv.js';
import { LTV_CHURN } from './library/ltv-churn.js';
import { LTV_CAC } from './library/ltv-cac.js';
import { PAYBACK } from './library/payback.js';
import { AOV } from './library/aov.js';
import { GROWTH_RATE } from './library/growth-rate.js';
import { RETENTION } from './library/retention.js';
import { REPEAT_RATE } from './library/repeat-rate.js';
import { NPS } from './library/nps.js';
import { DEAL_CYCLE } from './library/deal-cycle.js';
import { ABTEST } from './library/abtest.js';
import { DRR } from './library/drr.js';
import { CPO } from './library/cpo.js';
import { PROFIT } from './library/profit.js';
import { ATTRIBUTION } from './library/attribution.js';
import { COHORT_LTV } from './library/cohort-ltv.js';

export const CUSTOM_FUNCTIONS: readonly CustomFunction[] = [
  ROMI,
  ROI,
  ROAS,
  CAC,
  CPL,
  CPC,
  CPM,
  CTR,
  LCR,
  FUNNEL,
  LTV,
  LTV_CHURN,
  LTV_CAC,
  PAYBACK,
  AOV,
  GROWTH_RATE,
  RETENTION,
  REPEAT_RATE,
  NPS,
  DEAL_CYCLE,
  ABTEST,
  DRR,
  CPO,
  PROFIT,
  ATTRIBUTION,
  COHORT_LTV,
];
