/**
 * The in-memory readers' JavaScript regexes, translated to RE2 (BigQuery and DuckDB), so the SQL reads
 * text with the very patterns core/values.ts and core/mapping use rather than a retyped copy.
 */

/**
 * JavaScript's `\s` (and what String.prototype.trim strips) as RE2 class content: the ASCII controls, every
 * Unicode separator (Zs, Zl, Zp) and the BOM. RE2's own `\s` is ASCII only.
 */
export const WS_CLASS = '\\t\\n\\v\\f\\r\\p{Z}\\x{FEFF}';
export const WS = `[${WS_CLASS}]`;

/** `\s` → the Unicode whitespace class, `\uXXXX` → `\x{XXXX}`, the i flag → `(?i)`. */
export function toRe2(re: RegExp): string {
  const src = re.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === 's') out += inClass ? WS_CLASS : WS;
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/u.test(src.slice(i + 2, i + 6))) {
        out += `\\x{${src.slice(i + 2, i + 6)}}`;
        i += 4;
      } else if (next === 'u' && src[i + 2] === '{') {
        const end = src.indexOf('}', i);
        out += `\\x{${src.slice(i + 3, end)}}`;
        i = end - 1;
      } else out += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return (re.flags.includes('i') ? '(?i)' : '') + out;
}
