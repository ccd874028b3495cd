/**
 * Formula syntax of a spreadsheet locale. In the Sheets grid, decimal-comma locales (ru_RU, de_DE…) write
 * `=ROMI(2000000; 0,4)`: `;` between arguments, `,` in numbers, `\` between columns of an array literal;
 * decimal-point locales write `=ROMI(2000000, 0.4)` and silently correct a typed `;` to `,`.
 * Apps Script (Range.setFormula/getFormula, setValues) always speaks the en_US form, so the engine stores
 * that canonical form and only the grid's typing and formula bar are translated, here.
 *
 * Why not HyperFormula's functionArgSeparator/decimalSeparator config: it changes the engine's one syntax
 * for every caller, so getFormula would return `;` too, which Apps Script never does.
 */
import type { NumberLocale } from './locale.js';

/** The locale's argument separator: `;` where the decimal mark is a comma, else `,`. */
export function argumentSeparator(locale: NumberLocale): ',' | ';' {
  return locale.decimal === ',' ? ';' : ',';
}

type Mapper = (ch: string, ctx: { inArray: boolean; inNumber: boolean; next: string }) => string;

/** Walks a formula outside string literals and quoted sheet names, handing each other char to `map`. */
function translate(formula: string, map: Mapper): string {
  let out = '';
  let depth = 0;
  let quote: '"' | "'" | null = null;
  // A number literal starts after an operator/paren/separator, never inside a name or cell reference.
  let inNumber = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      out += ch;
      if (ch === quote) {
        if (formula[i + 1] === quote) out += formula[++i];
        else quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inNumber = false;
      out += ch;
      continue;
    }
    const prev = formula[i - 1] ?? '';
    if (/\d/u.test(ch)) {
      if (!inNumber && !/[\p{L}\d_$.:!]/u.test(prev)) inNumber = true;
    } else if (!(inNumber && (ch === '.' || ch === ','))) {
      inNumber = false;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth = Math.max(0, depth - 1);
    out += map(ch, { inArray: depth > 0, inNumber: inNumber && /\d/u.test(formula[i + 1] ?? ''), next: formula[i + 1] ?? '' });
  }
  return out;
}

/** What a user typed in the grid (the locale's syntax) → the form Apps Script and the engine use. */
export function formulaFromLocale(typed: string, locale: NumberLocale): string {
  if (!typed.startsWith('=')) return typed;
  if (argumentSeparator(locale) === ',') {
    // Sheets corrects `;` between arguments to `,` in decimal-point locales (inside `{}` it separates rows).
    return translate(typed, (ch, c) => (ch === ';' && !c.inArray ? ',' : ch));
  }
  return translate(typed, (ch, c) => {
    if (ch === ',' && c.inNumber) return '.';
    if (ch === ';' && !c.inArray) return ',';
    if (ch === '\\' && c.inArray) return ',';
    return ch;
  });
}

/** A stored (en_US) formula → how the formula bar shows it in the locale. */
export function formulaToLocale(formula: string, locale: NumberLocale): string {
  if (!formula.startsWith('=') || argumentSeparator(locale) === ',') return formula;
  return translate(formula, (ch, c) => {
    if (ch === '.' && c.inNumber) return ',';
    if (ch === ',') return c.inArray ? '\\' : ';';
    return ch;
  });
}
