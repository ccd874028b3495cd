/** A complete, savable Mapping from a detection, with default report options. */
import type { UiLocale } from '../types.js';
import { LOCALE_CURRENCY } from './currency.js';
import { CURRENCY_NOTE } from './detect-sheet.js';
import { DEFAULT_DASHBOARD_NAME } from './labels.js';
import type { Detection, Mapping, ReportOptions, TableBinding } from './types.js';

export interface DefaultOptionsInput {
  readonly locale?: UiLocale;
  /** ISO code found in the data; wins over the locale's currency. */
  readonly currency?: string;
}

export function defaultOptions(input: DefaultOptionsInput = {}): ReportOptions {
  const locale = input.locale ?? 'en';
  return {
    granularity: 'month',
    grossMargin: 1,
    currency: input.currency ?? LOCALE_CURRENCY[locale],
    dashboardName: DEFAULT_DASHBOARD_NAME[locale],
    byCampaign: false,
  };
}

export interface DefaultMappingInput {
  readonly locale?: UiLocale;
  readonly currency?: string;
  /** CRM shape: the costs table, when the user has pointed at one. */
  readonly costs?: TableBinding | null;
}

/** Everything the wizard needs to start from: the detection's guesses as a Mapping. */
export function defaultMapping(detection: Detection, input: DefaultMappingInput = {}): Mapping {
  const noted = detection.notes.find((n) => n.code === CURRENCY_NOTE)?.params?.currency;
  const currency = input.currency ?? (typeof noted === 'string' ? noted : undefined);
  return {
    schemaVersion: 1,
    shape: detection.shape,
    source: detection.table,
    costs: detection.shape === 'crm' ? (input.costs ?? null) : null,
    funnel: detection.funnel,
    statusRules: detection.shape === 'crm' ? detection.statusRules : [],
    options: defaultOptions({ locale: input.locale, currency }),
  };
}
