/**
 * Typed promise wrapper over google.script.run. The global exists only inside the Apps Script sidebar
 * iframe (or the local shim / test fake), so it is read at call time and typed here minimally.
 */
import type { SidebarApi, SidebarMethod } from '../src/api/contract.js';
import { fromWireMessage } from '../src/api/errors.js';
import type { CodedMessage } from '../src/core/issues.js';

type Invokers = { readonly [K in SidebarMethod]: (...args: Parameters<SidebarApi[K]>) => void };

interface ScriptRunner extends Invokers {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

interface GoogleGlobal {
  readonly google?: { readonly script?: { readonly run?: ScriptRunner } };
}

function runner(): ScriptRunner {
  const run = (globalThis as unknown as GoogleGlobal).google?.script?.run;
  if (!run) throw new Error('google.script.run is not available (the sidebar must run inside Google Sheets).');
  return run;
}

/**
 * The server's thrown Error arrives as an Error-like object; keep only its message for display, without
 * the `Error: ` / `Exception: ` prefixes Apps Script (or a stringified Error) puts in front, nor our own
 * `FunnelROI: ` — the sidebar adds one localised prefix ("Error: …", "Ошибка: …").
 */
export function errorMessage(error: unknown): string {
  let message = String(error);
  if (error instanceof Error) message = error.message;
  else if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof (error as { message: unknown }).message === 'string'
  ) {
    message = (error as { message: string }).message;
  }
  return cleanMessage(message);
}

/** A failed server call: the English text, and the code and params when the server sent them. */
export class ServerError extends Error {
  readonly coded: CodedMessage | null;

  constructor(message: string, coded: CodedMessage | null) {
    super(message);
    this.name = 'ServerError';
    this.coded = coded;
  }
}

/** The failure handler's argument as a ServerError: the wire tail decoded (src/api/errors.ts). */
export function serverError(error: unknown): ServerError {
  const { text, coded } = fromWireMessage(errorMessage(error));
  return new ServerError(cleanMessage(text), coded);
}

export function cleanMessage(message: string): string {
  return message.replace(/^(?:\s*(?:[A-Z][A-Za-z]*Error|Error|Exception|FunnelROI):\s*)+/u, '');
}

export function call<K extends SidebarMethod>(name: K, ...args: Parameters<SidebarApi[K]>): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    try {
      const run = runner()
        // The server's JSON result is trusted to match the contract: both sides compile against SidebarApi.
        .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
        .withFailureHandler((error) => reject(serverError(error)));
      // Called as a method: Apps Script's runner may rely on `this`.
      Reflect.apply(run[name], run, args);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
