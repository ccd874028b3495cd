/**
 * The spellings a header is matched in. Exports inflect and wrap the same words: "Затраты", "Сумма затрат"
 * and "Расходов" are one idea, "Total revenue" and "Number of deals" are "revenue" and "deals" with a
 * container word in front. Instead of listing every form as a synonym, a header is matched as written,
 * without its container word, and (for Russian) by word stems; each derived form counts a little less than
 * the literal one, so an exact synonym still wins.
 */
import { hasCjk } from './normalize.js';

/** Words that only say "the amount / number of what follows" (normalised spelling). */
const CONTAINERS: readonly string[] = [
  'total',
  'sum of',
  'number of',
  'no of',
  'count of',
  'amount of',
  'metrics',
  'segments',
  'properties',
  'сумма',
  'количество',
  'кол во',
  'число',
  'итого',
  'всего',
  'общая',
  'общий',
  'общие',
  'общее',
  '总',
  // A form's question asks for "your" answer: "Ваш email", "您的公司名称", "Your phone".
  'your',
  'ваш',
  'ваша',
  'ваше',
  'ваши',
  '您的',
  '你的',
];

// Longest first, so "бы" style endings do not shadow "ами"; a stem keeps at least three letters.
const RUSSIAN_ENDINGS = [
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'иях',
  'ией',
  'ой',
  'ей',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ов',
  'ев',
  'ам',
  'ям',
  'ах',
  'ях',
  'ом',
  'ем',
  'ую',
  'юю',
  'ия',
  'ие',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

/** A light Russian stemmer: inflectional endings off ("затраты", "затрат", "затратам" → "затрат"). */
export function stemRussian(word: string): string {
  if (!/^[а-я]+$/u.test(word)) return word;
  for (const end of RUSSIAN_ENDINGS) {
    if (word.endsWith(end) && word.length - end.length >= 3) return word.slice(0, -end.length);
  }
  return word;
}

/** Stems every Cyrillic word of a normalised text. */
export function stemText(text: string): string {
  return text.split(' ').map(stemRussian).join(' ');
}

export interface HeaderForm {
  readonly text: string;
  /** How much a match on this form is worth relative to the literal header. */
  readonly factor: number;
  /** Matched against stemmed phrases. */
  readonly stemmed: boolean;
}

/** "сумма затрат" → "затрат"; "total revenue" → "revenue"; "总花费" → "花费". Null when nothing is stripped. */
function withoutContainer(h: string): string | null {
  for (const c of CONTAINERS) {
    if (hasCjk(c)) {
      if (h.startsWith(c) && h.length > c.length + 1) return h.slice(c.length);
    } else if (h.startsWith(c + ' ')) {
      return h.slice(c.length + 1);
    }
  }
  return null;
}

// "Spend in account currency", "Cost in USD": the currency the amount is in, said in words.
const IN_CURRENCY = / in (?:\S+ )?(?:currency|usd|eur|rub|cny|gbp)$/u;

/** "order time" → "order date", "время создания" → "дата создания", "下单时间" → "下单日期": the same event. */
function timeAsDate(h: string): string | null {
  if (hasCjk(h)) return h.includes('时间') ? h.replace('时间', '日期') : null;
  const words = h.split(' ');
  if (words.length < 2) return null;
  const last = words.length - 1;
  if (words[last] === 'time' || words[last] === 'datetime') words[last] = 'date';
  else if (words[0] === 'время') words[0] = 'дата';
  else return null;
  return words.join(' ');
}

/** The forms of a normalised header, literal first. */
export function headerForms(h: string): HeaderForm[] {
  const forms: HeaderForm[] = [{ text: h, factor: 1, stemmed: false }];
  const bare = withoutContainer(h);
  if (bare) forms.push({ text: bare, factor: 0.95, stemmed: false });
  const unit = h.replace(IN_CURRENCY, '');
  if (unit !== h) forms.push({ text: unit, factor: 0.97, stemmed: false });
  const dated = timeAsDate(h);
  if (dated) forms.push({ text: dated, factor: 0.97, stemmed: false });
  // Stems only for headers of two or more words: a single "Клиент" (who) must not meet "Клиенты" (how many).
  if (/[а-я]/u.test(h) && h.includes(' ')) {
    for (const f of [...forms]) {
      const stemmed = stemText(f.text);
      if (stemmed !== f.text || f !== forms[0]) forms.push({ text: stemmed, factor: f.factor * 0.93, stemmed: true });
    }
  }
  return forms;
}

/** Tokens of a normalised header outside brackets, for qualifier checks ("Сумма продаж (возвратов)" is still sales). */
export function headerTokens(header: string, normalize: (s: string) => string): string[] {
  const outside = header.replace(/[(（[][^)）\]]*[)）\]]/gu, ' ');
  const n = normalize(outside).replace(IN_CURRENCY, '');
  return n === '' ? [] : n.split(' ');
}

/** Whether a qualifier word occurs among tokens: Russian qualifiers are stems (prefixes), CJK ones substrings. */
export function hasWord(tokens: readonly string[], word: string): boolean {
  if (hasCjk(word)) return tokens.some((t) => t.includes(word));
  if (/[а-я]/u.test(word)) return tokens.some((t) => t.startsWith(word));
  return tokens.includes(word);
}
