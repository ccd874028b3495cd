/** A complete, savable Mapping from a detection, with default report options. */
import type { UiLocale } from '../types.js';
import { currencyOfLocale, LOCALE_CURRENCY } from './currency.js';
import { CURRENCY_NOTE } from './detect-sheet.js';
import { type Detection, type Mapping, MAPPING_SCHEMA_VERSION, type ReportOptions, type TableBinding } from './types.js';

/** The dashboard sheet's default name, in the language of the user who first maps the sheet. */
export const DEFAULT_DASHBOARD_NAME: Readonly<Record<UiLocale, string>> = {
  en: 'FunnelROI dashboard',
  ru: 'Дашборд FunnelROI',
  zh: 'FunnelROI 仪表板',
};

export interface DefaultOptionsInput {
  readonly locale?: UiLocale;
  /** ISO code found in the data; wins over the locale's currency. */
  readonly currency?: string;
  /**
   * The spreadsheet's locale (`ru_RU`): its currency wins over the UI language's, so a Russian sheet opened
   * by an English-speaking user still reports in roubles.
   */
  readonly spreadsheetLocale?: string;
}

export function defaultOptions(input: DefaultOptionsInput = {}): ReportOptions {
  const locale = input.locale ?? 'en';
  return {
    granularity: 'month',
    grossMargin: 1,
    currency: input.currency ?? currencyOfLocale(input.spreadsheetLocale) ?? LOCALE_CURRENCY[locale],
    dashboardName: DEFAULT_DASHBOARD_NAME[locale],
    byCampaign: false,
  };
}

export interface DefaultMappingInput {
  readonly locale?: UiLocale;
  readonly currency?: string;
  readonly spreadsheetLocale?: string;
  /** CRM shape: the costs table, when the user has pointed at one. */
  readonly costs?: TableBinding | null;
  /** CRM shape: the costs sheet's detection; its table is the costs table and its amounts name the currency. */
  readonly costsDetection?: Detection | null;
}

/** The currency a detection saw in the amounts ($, ₽, ¥…), if any. */
export function notedCurrency(detection: Detection | null | undefined): string | undefined {
  const noted = detection?.notes.find((n) => n.code === CURRENCY_NOTE)?.params?.currency;
  return typeof noted === 'string' && /^[A-Z]{3}$/u.test(noted) ? noted : undefined;
}

/**
 * Everything the wizard needs to start from: the detection's guesses as a Mapping. The currency, as the
 * sidebar chooses it: the user's, else the one the lead export's or the costs sheet's amounts show, else
 * the spreadsheet locale's, else the UI language's.
 */
export function defaultMapping(detection: Detection, input: DefaultMappingInput = {}): Mapping {
  const currency = input.currency ?? notedCurrency(detection) ?? notedCurrency(input.costsDetection);
  const crm = detection.shape === 'crm';
  return {
    schemaVersion: MAPPING_SCHEMA_VERSION,
    shape: detection.shape,
    source: detection.table,
    costs: crm ? (input.costs ?? input.costsDetection?.table ?? null) : null,
    funnel: detection.funnel,
    statusRules: crm ? detection.statusRules : [],
    options: defaultOptions({ locale: input.locale, currency, spreadsheetLocale: input.spreadsheetLocale }),
  };
}
