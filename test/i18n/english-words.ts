/** What counts as an English word in a Russian or Chinese text (catalogue, sidebar and dashboard tests). */

/**
 * Latin words a Russian or Chinese text may contain: metric acronyms, product and service names, units,
 * file formats and the technical names of a setting the user has to find in English.
 */
export const LATIN_ALLOWED = new Set([
  'FunnelROI',
  'ROMI',
  'CAC',
  'CPL',
  'CPC',
  'CTR',
  'ROAS',
  'LTV',
  'NPS',
  'CPO',
  'AOV',
  'B2B',
  'CRM',
  'ID',
  'ISO',
  'USD',
  'RUB',
  'CNY',
  'KB',
  'JSON',
  'CSV',
  'SQL',
  'URL',
  'https',
  'Google',
  'BigQuery',
  // Encoding names a user sees in their editor's "Save as" dialog (Windows-1251).
  'Windows',
  'Alt',
  'duckdb',
  'enabledAdvancedServices',
  // A blank header is named "Column F" in the sheet's mapping (detect-table.ts), in every language.
  'Column',
  'F',
]);

/** Upper-case codes of 2–4 letters: currency codes (ISO 4217) and metric acronyms are units, not prose. */
const ACRONYM = /^[A-Z]{2,4}$/u;

/** Names of several words, left in English where Google itself shows them so (IAM roles, products). */
const PROPER_PHRASES = ['BigQuery Job User', 'BigQuery Data Viewer', 'Connected Sheets', 'Google Cloud', 'Google Sheets'];

/** Latin-alphabet words (2+ letters, or any word) not in the allow-list. */
export function englishWords(text: string, allowed: ReadonlySet<string> = LATIN_ALLOWED): string[] {
  // Dotted identifiers (appsscript.json, my-project.marketing.leads) are code, not prose.
  // IANA time zones (Europe/Moscow) are identifiers too, shown as Sheets shows them.
  let prose = text.replace(/[\w-]+(?:\.[\w-]+)+/gu, ' ').replace(/\b[A-Z][A-Za-z]+(?:\/[A-Za-z_]+)+/gu, ' ');
  for (const phrase of PROPER_PHRASES) prose = prose.split(phrase).join(' ');
  return [...prose.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/gu)]
    .map((m) => m[0])
    .filter((w) => !allowed.has(w) && w.length > 1 && !ACRONYM.test(w));
}
