/**
 * The mapping saved per spreadsheet, in document properties: every editor of the file shares it, and it
 * travels with copies of the file. One property, versioned JSON within the 9 KB value limit
 * (serializeMapping enforces it before anything is written).
 */
import { CodedError, type CodedMessage } from '../core/issues.js';
import { parseMapping, serializeMapping, type Mapping } from '../core/mapping/index.js';
import type { GasServices } from './services.js';

export const MAPPING_PROPERTY_KEY = 'funnelroi.mapping';

export type StoredMapping =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly mapping: Mapping }
  /** Present but unreadable (corrupted, or written by a newer add-on): say so, never guess. */
  | { readonly kind: 'unreadable'; readonly problem: CodedMessage };

export function loadMapping(services: GasServices): StoredMapping {
  const raw = services.PropertiesService.getDocumentProperties().getProperty(MAPPING_PROPERTY_KEY);
  if (raw === null || raw === '') return { kind: 'none' };
  try {
    return { kind: 'ok', mapping: parseMapping(raw) };
  } catch (e) {
    return { kind: 'unreadable', problem: codedOf(e) };
  }
}

export function saveMapping(services: GasServices, mapping: Mapping): void {
  const json = serializeMapping(mapping);
  services.PropertiesService.getDocumentProperties().setProperty(MAPPING_PROPERTY_KEY, json);
}

/** Round-trips a mapping that came from the sidebar through the strict parser: the client is untrusted. */
export function sanitizeMapping(input: unknown): Mapping {
  if (typeof input !== 'object' || input === null) throw new CodedError('mapping_not_sent');
  try {
    // serializeMapping reads the fields it needs; parseMapping then checks every one of them.
    return parseMapping(serializeMapping(input as Mapping));
  } catch (e) {
    // The parser's damage report (field and detail), said as the sidebar's; anything else cannot be read.
    const damage = e instanceof CodedError && e.code === 'invalid_mapping' ? e.params : { path: 'mapping', detail: 'detail.unreadable' };
    throw new CodedError('mapping_malformed', { ...damage, path: String(damage.path), detail: String(damage.detail) });
  }
}

/** parseMapping throws coded errors only; anything else is still said, as damage at the top level. */
function codedOf(e: unknown): CodedMessage {
  if (e instanceof CodedError) return e;
  return { code: 'invalid_mapping', params: { path: 'mapping', detail: 'detail.unreadable' } };
}
