/**
 * Header and status text normalisation shared by the guesser and the status vocabulary. Exports write the
 * same column a dozen ways ("Расход, ₽", "Cost (USD)", "Spend, руб.", "花费（元）"), so matching happens on
 * a canonical form instead of the raw text.
 */

// Currency and unit marks that exports append to a header; they say nothing about the role.
const UNIT_WORDS = [
  'руб',
  'рублей',
  'rub',
  'rur',
  'usd',
  'eur',
  'cny',
  'rmb',
  'kzt',
  'byn',
  'uah',
  'gbp',
  'у.е',
  'уе',
  '₽',
  '$',
  '€',
  '£',
  '¥',
  '元',
  '₸',
  '₴',
  '%',
  'шт',
  'pcs',
  'тыс',
  'ед',
];
const UNIT_ALTERNATION = UNIT_WORDS.map((w) => w.replace(/[.$]/gu, (c) => '\\' + c)).join('|');
// "(USD)", "(руб.)", "（元）", "[RUB]" — a bracketed group holding only unit words.
const BRACKETED_UNIT = new RegExp(`[(\\[]\\s*(?:${UNIT_ALTERNATION})\\.?\\s*[)\\]]`, 'giu');
// ", ₽", ", руб.", " ₽" at the end. Not "%": "Impr. (Top) %" is a share, and the sign is what says so.
const TRAILING_ALTERNATION = UNIT_WORDS.filter((w) => w !== '%')
  .map((w) => w.replace(/[.$]/gu, (c) => '\\' + c))
  .join('|');
// A separator is required so a word merely ending in a unit's letters ("сред" / "ед") keeps them.
const TRAILING_UNIT = new RegExp(`(?:(?:[,;:]\\s*|\\s+)(?:${TRAILING_ALTERNATION})\\.?)+$`, 'giu');

const QUESTION_NUMBER = /^\s*(?:q\s*)?\d{1,2}\s*[.)、:．]\s*(?!\d)/u;
const TAX_INCLUDED =
  /[,([]?\s*(?<!\p{L})(?:(?:incl?|including|inc|with|plus)\.?\s+(?:vat|tax|taxes|gst|sales tax)|(?:с|вкл|включая)\.?\s+ндс|含税)\s*[)\]]?/gu;
// "Сумма без НДС", "Net (ex VAT)", "不含税金额": a part of the amount; the tax word goes, the "ex" stays.
const TAX_EXCLUDED = /(?<!\p{L})(?:(?:excl?|excluding|ex|without|net of)\.?\s+(?:vat|tax|taxes|gst|sales tax)|без\s+ндс)|不含税/gu;
const ATTRIBUTION_WINDOW =
  /[([]\s*(?:\d+\s*-?\s*(?:d|day|days)\s*)?(?:post\s*-?\s*)?(?:click|view|engaged\s*-?\s*view|engagement)(?:\s*-?\s*through)?s?\s*[)\]]/gu;

/**
 * Lower case, ё→е, full-width forms folded (NFKC), unit suffixes removed, punctuation turned into single
 * spaces. `/` and `%` survive as tokens because "Cost / conv." and "CTR, %" differ from "Cost" and "CTR".
 */
export function normalizeHeader(text: string): string {
  // API field names: "CampaignName", "PaymentIntent ID" → words ("cost_micros" and "campaign.name" split below).
  let s = splitCamelCase(withoutControls(text).normalize('NFKC')).toLowerCase().replace(/ё/gu, 'е').trim();
  // A survey question's number ("3. Ваш email", "Q2) …", "1、您的手机号") is not part of the question.
  s = s.replace(QUESTION_NUMBER, '');
  // "Расход, ₽, с НДС", "Total (incl. VAT)", "金额（含税）": the amount as charged, still the amount. Only the
  // inclusive forms go: "без НДС" / "ex tax" stay, so the whole amount beats the part (exclusionFactor).
  s = s.replace(TAX_INCLUDED, ' ').replace(TAX_EXCLUDED, ' ex ');
  // "Lead (Click-through)", "Purchases (7-day click)": the attribution window, not the role.
  s = s.replace(ATTRIBUTION_WINDOW, ' ');
  // "Идентификатор платежа" is "ID платежа".
  s = s.replace(/(^|[\s_.])идентификатор(?=$|[\s_.])/gu, '$1id');
  // "Order #", "№ Кампании", "# of orders": the sign is the word "number", not punctuation.
  s = s.replace(/[#№]/gu, ' no ');
  s = s.replace(BRACKETED_UNIT, ' ');
  // Strip the trailing unit only when something precedes it: a header that is just "%" keeps its meaning.
  const stripped = s.replace(TRAILING_UNIT, '').trim();
  if (stripped !== '') s = stripped;
  s = s
    .replace(/[_\-–—.,:;!?"'«»“”()[\]{}<>*+=|\\]/gu, ' ')
    .replace(/\//gu, ' / ')
    .replace(/\s+/gu, ' ')
    .trim();
  return s;
}

// A currency written into a header: a word or code on its own, a sign, or 元 in brackets or after a comma (not 单元).
const CURRENCY_UNIT =
  /(?<!\p{L})(?:руб|рублей|rub|rur|usd|eur|cny|rmb|kzt|byn|uah|gbp|у\.?е)(?!\p{L})|[₽$€£¥₸₴]|[(（]\s*元\s*[)）]|[,，]\s*元\s*$/iu;

/** Whether the header names a currency ("Продажи, ₽", "Sales (USD)", "花费（元）"): what it holds is money. */
export function hasCurrencyUnit(header: string): boolean {
  return CURRENCY_UNIT.test(header.normalize('NFKC'));
}

/** Terminal escape sequences and control characters in a header say nothing about its role. */
function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\u0000-\u001f\u007f-\u009f]/gu, ' ');
}

/** "CampaignName" → "Campaign Name", "PaymentIntent" → "Payment Intent"; "CTR", "eCPC" and "iOS" stay whole. */
function splitCamelCase(text: string): string {
  // "InLocal" → "In Local": a one-letter-lower word followed by another capitalised one.
  return text
    .replace(/(\p{Ll}{2,})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2')
    .replace(/(\p{Lu}\p{Ll}+)(?=\p{Lu}\p{Ll})/gu, '$1 ');
}

/** Letters and digits only: "Closed Won", "closed_won" and "closedwon" meet here. */
export function compactText(text: string): string {
  return normalizeHeader(text).replace(/[\s/%]/gu, '');
}

/** Contains a CJK ideograph: such text has no spaces, so phrases match as substrings, not tokens. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/u.test(text);
}

/**
 * Whether `phrase` occurs in `text` on token boundaries (both already normalised). For CJK phrases a
 * substring is enough.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  if (hasCjk(phrase)) return text.includes(phrase);
  return (' ' + text + ' ').includes(' ' + phrase + ' ');
}
