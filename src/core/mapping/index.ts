/** The column-mapping core: everything the server API, the sidebar and the dashboard builder use. */
export * from './types.js';
export { CodedError } from '../issues.js';
export { normalizeHeader, compactText } from './normalize.js';
export { HEADER_SYNONYMS, type SynonymEntry, type SynonymLanguage } from './synonyms.js';
export { classifyCell, profileColumn, sniffColumn, isPeriodText, isDateLikeHeader, type CellKind, type ColumnProfile } from './sniff.js';
export { detectTable, isTotalsLabel, type TableGuess } from './detect-table.js';
export { guessColumns, headerCandidates, typeFit, type ColumnGuess } from './guess-columns.js';
export {
  classifyStatus,
  PIPELINE_LEVELS,
  WON_STAGE,
  type StatusKind,
  type StatusMeaning,
  type PipelineLevel,
} from './status-vocabulary.js';
export { guessShape, guessFunnel, guessStatusRules, countStatuses, unknownStatuses } from './funnel.js';
export { currencyOfLocale, detectCurrency, LOCALE_CURRENCY } from './currency.js';
export { detectSheet, displayOf, CURRENCY_NOTE, type DetectSheetOptions } from './detect-sheet.js';
export {
  defaultMapping,
  defaultOptions,
  notedCurrency,
  DEFAULT_DASHBOARD_NAME,
  type DefaultMappingInput,
  type DefaultOptionsInput,
} from './defaults.js';
export { validateMapping, type ActualHeaders } from './validate.js';
export {
  serializeMapping,
  parseMapping,
  upgradeSaved,
  utf8Length,
  MIGRATIONS,
  CURRENT_SCHEMA_VERSION,
  PROPERTY_VALUE_LIMIT,
  type Migration,
} from './persistence.js';
