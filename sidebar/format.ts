/** Pure helpers for the wizard's text: A1 letters, the region summary, margin input, safe links. */
import { parseNumberText } from '../src/core/values.js';

/**
 * The margin field takes what marketers type: `40`, `40%`, `40,5 %`, `0,4`, `0.4`. With a `%` sign or a
 * value above 1 it is a percentage; a bare value ≤ 1 is read as a fraction (so `0,4` is 40%, and `1` is
 * 100%). Returns the fraction, or undefined unless 0 < margin ≤ 1.
 */
export function parseMarginInput(text: string): number | undefined {
  const parsed = parseNumberText(text);
  if (parsed === undefined || !Number.isFinite(parsed)) return undefined;
  const fraction = text.includes('%') ? parsed : parsed > 1 ? parsed / 100 : parsed;
  const rounded = Math.round(fraction * 1e6) / 1e6;
  return rounded > 0 && rounded <= 1 ? rounded : undefined;
}

/** 0.4 → "40", 0.125 → "12.5": what the margin field shows for a stored fraction. */
export function marginToInput(fraction: number): string {
  return String(Math.round(fraction * 1e4) / 1e2);
}

/** Only https links are shown: a javascript: or data: URL from a compromised server must not become clickable. */
export function safeHttpsUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** "=IMPORTXML(…)" stays text; long samples are cut so one cell cannot blow up the 300 px layout. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
