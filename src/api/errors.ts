/**
 * A coded error across google.script.run. Apps Script hands the sidebar's failure handler only the thrown
 * error's message (custom properties are lost), so the server appends the code and params to the text as
 * a tagged JSON tail; the sidebar reads them back and renders the message from its own catalogue.
 * A message without the tag (a Google service error) is shown as it is.
 */
import { isIssueCode, type CodedMessage } from '../core/issues.js';
import type { Params } from '../core/i18n/format.js';

/** Starts the tail; chosen so no English template or Google message contains it. */
export const WIRE_TAG = ' ⟦funnelroi ';
const WIRE_END = '⟧';
const MAX_ISSUES = 50;
const MAX_PARAMS = 40;

function plain(m: CodedMessage): CodedMessage {
  const issues = (m.issues ?? []).slice(0, MAX_ISSUES).map((i) => ({ code: i.code, params: i.params }));
  return issues.length > 0 ? { code: m.code, params: m.params, issues } : { code: m.code, params: m.params };
}

/** The message a server function throws for a coded error: its text, then the tagged tail. */
export function toWireMessage(text: string, coded: CodedMessage): string {
  // Escaped inside the JSON, the tag's bracket cannot appear in the tail: user text in a param (a sheet
  // named like the tag) cannot move where the tail starts.
  const json = JSON.stringify(plain(coded)).replace(/⟦/gu, '\\u27e6');
  return `${text}${WIRE_TAG}${json}${WIRE_END}`;
}

function readParams(x: unknown): Params | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const entries = Object.entries(x as Record<string, unknown>);
  if (entries.length > MAX_PARAMS) return null;
  const out: Record<string, string | number> = {};
  for (const [k, v] of entries) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else return null;
  }
  return out;
}

function readCoded(x: unknown, depth: number): CodedMessage | null {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  const params = readParams(o.params ?? {});
  if (!isIssueCode(o.code) || !params) return null;
  if (o.issues === undefined) return { code: o.code, params };
  if (depth > 0 || !Array.isArray(o.issues) || o.issues.length > MAX_ISSUES) return null;
  const issues: CodedMessage[] = [];
  for (const i of o.issues as unknown[]) {
    const one = readCoded(i, depth + 1);
    if (!one) return null;
    issues.push(one);
  }
  return { code: o.code, params, issues };
}

/**
 * Splits a failure message into its text and, when tagged, the coded message. A tail that does
 * not parse as a known code is left as text: the user still reads something.
 */
export function fromWireMessage(message: string): { readonly text: string; readonly coded: CodedMessage | null } {
  const at = message.lastIndexOf(WIRE_TAG);
  if (at < 0 || !message.endsWith(WIRE_END)) return { text: message, coded: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(at + WIRE_TAG.length, message.length - WIRE_END.length));
  } catch {
    return { text: message, coded: null };
  }
  const coded = readCoded(parsed, 0);
  return coded ? { text: message.slice(0, at), coded } : { text: message, coded: null };
}
