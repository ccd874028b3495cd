/**
 * Axis and data-label numbers as a Sheets chart shows them: the value axis' format option (a Google Charts
 * keyword — 'percent', 'short', 'decimal' — or an ICU-like pattern such as `#,##0%` or `#,##0 ₽`) in the
 * spreadsheet's locale. Pure, so the browser page and tests share it.
 */

/** `'[$₽-419]'` → `₽`, `'"$"'` → `$`: the literal text a Sheets number format puts around the digits. */
function literal(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]/gu, '$1')
    .replace(/"([^"]*)"/gu, '$1')
    .replace(/\\(.)/gu, '$1');
}

export function formatChartValue(value: number, format: string | undefined, localeTag: string): string {
  if (!Number.isFinite(value)) return '';
  const f = (format ?? '').trim();
  const nf = (o: Intl.NumberFormatOptions): string => new Intl.NumberFormat(localeTag, o).format(value);
  if (f === '' || f === 'decimal') return nf({ maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 });
  if (f === 'percent') return nf({ style: 'percent', maximumFractionDigits: 0 });
  if (f === 'short') return nf({ notation: 'compact', maximumFractionDigits: 1 });
  if (f === 'long') return nf({ notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
  // A pattern: digits placeholders in the middle, literal text either side, `%` scales by 100. Locale
  // tags and quoted text (`[$¥-804]`, `"$"`) become their literal first, so their digits are not placeholders.
  return formatPattern(value, literal(f.split(';')[0]), localeTag);
}

function formatPattern(value: number, f: string, localeTag: string): string {
  const nf = (o: Intl.NumberFormatOptions): string => new Intl.NumberFormat(localeTag, o).format(value);
  const body = /[#0][#0,]*(?:\.[0#]+)?%?/u.exec(f);
  if (!body) return nf({ maximumFractionDigits: 2 });
  const decimals = /\.([0#]+)/u.exec(body[0])?.[1].length ?? 0;
  const grouped = body[0].includes(',');
  const percent = body[0].endsWith('%') || f.includes('%');
  // A pattern's `%` is glued to the digits in every locale, as Sheets shows `0.0%` cells.
  const digits = new Intl.NumberFormat(localeTag, {
    useGrouping: grouped,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(percent ? value * 100 : value);
  return `${f.slice(0, body.index)}${digits}${percent ? '%' : ''}${f.slice(body.index + body[0].length).replace('%', '')}`.trim();
}
