/**
 * Bytes of a CSV file → text. Exports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), Windows-1251 (Russian Excel and 1C) and GB18030/GBK (Chinese Excel). Decoding a
 * Windows-1251 file as UTF-8 turns every Cyrillic letter into U+FFFD, so all channels merge into one
 * "������" row: the encoding is detected, and a file no candidate reads cleanly is refused by name.
 *
 * Rule: a BOM decides; else bytes that are valid UTF-8 are UTF-8; else Windows-1251 and GB18030 are both
 * tried and scored by the characters they produce (Cyrillic words vs Chinese ideographs).
 */
import iconv from 'iconv-lite';
import { CodedError } from '../core/issues.js';

export type InputEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'gb18030';

export interface DecodedInput {
  readonly text: string;
  readonly encoding: InputEncoding;
}

type EncodingCode = 'encoding_utf16_no_bom' | 'encoding_unknown' | 'encoding_bad_utf8_after_bom' | 'encoding_odd_utf16';

/** A file no supported encoding reads: a coded error, so the CLI says it in the user's language. */
export class EncodingError extends CodedError<EncodingCode> {
  override name = 'EncodingError';
}

/** Below this share of "expected" characters a legacy decoding is not trusted. */
const MIN_SCORE = 0.9;

export function decodeInput(bytes: Uint8Array, label = 'the file'): DecodedInput {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3), label), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'utf-16le', label), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'utf-16be', label), encoding: 'utf-16be' };
  const nulls = nullShare(bytes);
  if (nulls > 0.2) {
    throw new EncodingError('encoding_utf16_no_bom', { file: label, percent: Math.round(nulls * 100) });
  }
  const asUtf8 = tryUtf8(bytes);
  if (asUtf8 !== null) return { text: asUtf8, encoding: 'utf-8' };

  const cyrillic = iconv.decode(Buffer.from(bytes), 'win1251');
  const chinese = iconv.decode(Buffer.from(bytes), 'gb18030');
  const c = cyrillicScore(cyrillic);
  const z = chineseScore(chinese);
  if (c >= MIN_SCORE && c >= z) return { text: cyrillic, encoding: 'windows-1251' };
  if (z >= MIN_SCORE) return { text: chinese, encoding: 'gb18030' };
  const shares = { cyrillic: Math.round(c * 100), chinese: Math.round(z * 100) };
  throw new EncodingError('encoding_unknown', { file: label, cyrillicEncoding: 'Windows-1251', chineseEncoding: 'GB18030', ...shares });
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array, label: string): string {
  const text = tryUtf8(bytes);
  if (text === null) throw new EncodingError('encoding_bad_utf8_after_bom', { file: label });
  return text;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', label: string): string {
  if (bytes.length % 2 !== 0) throw new EncodingError('encoding_odd_utf16', { file: label, encoding: encoding.toUpperCase() });
  return iconv.decode(Buffer.from(bytes), encoding);
}

/** Share of zero bytes: UTF-16 text is about half zeros; no text encoding of a CSV has any. */
function nullShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros / n;
}

const CYRILLIC = /[\u0400-\u045f]/u;
const LATIN = /[A-Za-z]/u;
// Punctuation Russian exports use from the upper half of Windows-1251.
const RUSSIAN_MARKS = new Set(['«', '»', '№', '—', '–', '…', '\u00a0', '’', '“', '”', '„', '€', '°', '±']);

/**
 * Share of non-ASCII characters that are Cyrillic letters inside Cyrillic words (or Russian punctuation).
 * A Western file read as Windows-1251 yields letters glued to Latin ones ("Cafй"), and Chinese bytes yield
 * symbols from 0x80–0xBF, so both score low.
 */
function cyrillicScore(text: string): number {
  let nonAscii = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (RUSSIAN_MARKS.has(ch)) good++;
    else if (CYRILLIC.test(ch) && !LATIN.test(text[i - 1] ?? '') && !LATIN.test(text[i + 1] ?? '')) good++;
  }
  return nonAscii === 0 ? 0 : good / nonAscii;
}

/** Share of non-ASCII characters that are CJK ideographs or CJK/full-width punctuation; a broken byte pair counts against. */
function chineseScore(text: string): number {
  let nonAscii = 0;
  let good = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) good -= 4;
    else if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef) ||
      code === 0x00b7 ||
      code === 0x2014 ||
      code === 0x2026 ||
      code === 0x201c ||
      code === 0x201d
    )
      good++;
  }
  return nonAscii === 0 ? 0 : Math.max(0, good) / nonAscii;
}
