/**
 * Who a customer is. A customer id column when there is one; otherwise (or as well) e-mail and phone
 * columns, normalised so that " Ivan@Mail.RU " and "ivan@mail.ru", "+7 (912) 000-11-22" and
 * "8 912 000 11 22" are one person. Rows that share any identifier are one customer (union–find), so a
 * lead with only a phone and a later one with phone and e-mail join up.
 */

/** Trimmed, lower-case; '' when it is not an address (no @ between non-empty parts). */
export function normalizeEmail(text: string): string {
  const s = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^mailto:/u, '');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || /\s/u.test(s)) return '';
  return s;
}

/**
 * Digits only, in international form without '+'. `00` (international prefix) is dropped; an 11-digit
 * number starting with 8 is the Russian/Kazakh trunk form of +7; a number of exactly 10 digits gets the
 * default calling code when one is known. '' for fewer than 6 digits (an extension, a typo).
 */
export function normalizePhone(text: string, defaultCallingCode = ''): string {
  let d = text.replace(/\D+/gu, '');
  if (d.startsWith('00')) d = d.slice(2);
  else if (d.length === 11 && d.startsWith('8') && !text.trim().startsWith('+')) d = '7' + d.slice(1);
  else if (d.length === 10 && defaultCallingCode !== '' && !text.trim().startsWith('+')) d = defaultCallingCode + d;
  return d.length >= 6 ? d : '';
}

/** The calling code assumed for 10-digit local numbers, from the report currency (a hint, not a rule). */
export function callingCodeForCurrency(currency: string): string {
  const codes: Readonly<Record<string, string>> = { RUB: '7', KZT: '7', USD: '1', CAD: '1', CNY: '86', GBP: '44', EUR: '' };
  return codes[currency.toUpperCase()] ?? '';
}

export type IdentifierKind = 'id' | 'email' | 'phone';

const PHONE_TEXT = /^[+\d\s().-]{6,}$/u;

/**
 * What a customer-identity column holds, judged on its values (a column mapped as customer id may be an
 * id, an e-mail or a phone column): e-mail when most values have an @; phone when most look like phone
 * numbers and some are written with phone punctuation (+, brackets, spaces, dashes) — a column of bare
 * digits is an id.
 */
export function identifierKind(values: readonly string[]): IdentifierKind {
  const filled = values.filter((v) => v !== '');
  if (filled.length === 0) return 'id';
  const emails = filled.filter((v) => v.includes('@')).length;
  if (emails * 2 > filled.length) return 'email';
  const phones = filled.filter((v) => PHONE_TEXT.test(v) && v.replace(/\D/gu, '').length >= 7).length;
  const punctuated = filled.some((v) => /[+()\s-]/u.test(v.trim()));
  return phones * 5 >= filled.length * 4 && punctuated ? 'phone' : 'id';
}

/** One cell as a prefixed identifier ('id:', 'email:', 'tel:'); '' when blank or unusable. */
export function identifierOf(kind: IdentifierKind, text: string, callingCode = ''): string {
  if (kind === 'email') {
    const e = normalizeEmail(text);
    return e === '' ? '' : `email:${e}`;
  }
  if (kind === 'phone') {
    const p = normalizePhone(text, callingCode);
    return p === '' ? '' : `tel:${p}`;
  }
  const i = text.normalize('NFKC').trim().toLowerCase();
  return i === '' ? '' : `id:${i}`;
}

/** Union–find over identifiers: `resolve(ids)` after every row was `link`ed gives one key per person. */
export class CustomerIdentity {
  private readonly parent = new Map<string, string>();

  link(ids: readonly string[]): void {
    for (const id of ids) if (!this.parent.has(id)) this.parent.set(id, id);
    for (let k = 1; k < ids.length; k++) this.union(ids[0], ids[k]);
  }

  /** The customer of identifiers from elsewhere (a survey): the first one seen in the linked rows, else null. */
  lookup(ids: readonly string[]): string | null {
    for (const id of ids) if (this.parent.has(id)) return this.find(id);
    return null;
  }

  /** The customer key of a row with these identifiers; null when it has none. */
  resolve(ids: readonly string[]): string | null {
    return ids.length === 0 ? null : this.find(ids[0]);
  }

  private find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression keeps later lookups flat.
    for (let y = x; y !== root;) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key wins, so the result does not depend on row order.
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
