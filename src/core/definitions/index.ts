/** The definitions every number is computed by: rules (rules.ts), identity, journeys and attribution. */
export * from './rules.js';
export {
  normalizeEmail,
  normalizePhone,
  callingCodeForCurrency,
  identifierKind,
  identifierOf,
  type IdentifierKind,
  CustomerIdentity,
} from './identity.js';
export { touchWeights } from './attribution.js';
export { classifyDeals, dealCredits, type LeadRecord, type WonDeal, type SaleKind, type Credit } from './journeys.js';
