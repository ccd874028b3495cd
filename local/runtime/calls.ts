/**
 * Service-call counting and the "not implemented" guard. Every object the runtime hands to add-on code
 * is wrapped once in a Proxy that counts method calls (`Range.getValues`…) and turns a call to any
 * method outside the implemented subset into a clear error instead of `undefined is not a function`.
 */

/**
 * Builders only collect settings inside the script's own execution; nothing reaches the spreadsheet
 * until the built object is handed to a document method (insertChart, setConditionalFormatRules,
 * DeveloperMetadataFinder.find, Menu.addToUi). So their calls are counted, but not as round trips.
 * Every other call on a service object (Spreadsheet, Sheet, Range, RangeList, Properties, Lock…) is
 * one round trip, getters included: we cannot see Apps Script's caches, so we assume none.
 */
const BUILDER_TYPES = new Set([
  'ConditionalFormatRuleBuilder',
  'EmbeddedChartBuilder',
  'DeveloperMetadataFinder',
  'Menu',
  'TextStyleBuilder',
  'TextStyle',
]);
const BUILDER_FACTORIES = new Set([
  'SpreadsheetApp.newConditionalFormatRule',
  'SpreadsheetApp.newTextStyle',
  'Sheet.newChart',
  'Spreadsheet.createDeveloperMetadataFinder',
  'Sheet.createDeveloperMetadataFinder',
  'Ui.createAddonMenu',
  'Ui.createMenu',
]);
const BUILDER_SENDS = new Set(['DeveloperMetadataFinder.find', 'Menu.addToUi']);

export function isRoundTrip(name: string): boolean {
  if (BUILDER_SENDS.has(name)) return true;
  if (BUILDER_FACTORIES.has(name)) return false;
  return !BUILDER_TYPES.has(name.slice(0, name.indexOf('.')));
}

/** A test's armed failure: the `skip`-th next call of a method (0 = the next one) throws `message`. */
interface Fault {
  skip: number;
  readonly message: string;
}

export class CallCounter {
  /** Every call on a service object, builder calls included. */
  total = 0;
  /** Calls that go to the spreadsheet (see isRoundTrip): the figure the ≤ 40-per-build budget is about. */
  roundTrips = 0;
  readonly byMethod = new Map<string, number>();
  private readonly faults = new Map<string, Fault>();

  /**
   * Fault injection for tests: the call of `method` (`Sheet.insertChart`) after `skip` successful ones
   * throws, as a service timeout does part-way through an execution in Apps Script. Fires once.
   */
  failOn(method: string, message: string, skip = 0): void {
    this.faults.set(method, { skip, message });
  }

  /** Called before every counted call; throws when a fault armed for this method is due. */
  check(name: string): void {
    const fault = this.faults.get(name);
    if (!fault) return;
    if (fault.skip > 0) {
      fault.skip--;
      return;
    }
    this.faults.delete(name);
    throw new Error(fault.message);
  }

  record(name: string): void {
    this.total++;
    if (isRoundTrip(name)) this.roundTrips++;
    this.byMethod.set(name, (this.byMethod.get(name) ?? 0) + 1);
  }

  count(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.roundTrips = 0;
    this.byMethod.clear();
  }

  /** Plain object for test failure messages and the web UI. */
  toJSON(): { total: number; roundTrips: number; byMethod: Record<string, number> } {
    return { total: this.total, roundTrips: this.roundTrips, byMethod: Object.fromEntries(this.byMethod) };
  }
}

// Properties probed by Promise resolution, vitest/pretty-format and Node's inspect: never "methods".
const NOT_METHODS = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'inspect',
  'toString',
  'valueOf',
  'length',
  'prototype',
  'name',
  'call',
  'apply',
  'bind',
  'size',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'getMockName',
]);

const proxies = new WeakMap<object, object>();
const targets = new WeakMap<object, object>();

export function notImplemented(typeName: string, method: string): Error {
  return new Error(`local runtime: ${typeName}.${method} is not implemented`);
}

/**
 * Wraps `target` (once: the same proxy comes back every time, so object identity is stable). Methods
 * are called on the raw target, so the runtime's own internal calls are not counted; a method that
 * returns its own target (chaining) returns the proxy.
 */
export function counted<T extends object>(target: T, typeName: string, calls: CallCounter, countCalls = true): T {
  const existing = proxies.get(target);
  if (existing) return existing as T;
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop !== 'string') return Reflect.get(obj, prop, receiver);
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value === 'function') {
        if (prop.startsWith('_') || NOT_METHODS.has(prop)) return value.bind(obj) as unknown;
        return (...args: unknown[]) => {
          calls.check(`${typeName}.${prop}`);
          if (countCalls) calls.record(`${typeName}.${prop}`);
          const result: unknown = Reflect.apply(value as (...a: unknown[]) => unknown, obj, args);
          return result === obj ? proxy : result;
        };
      }
      if (value === undefined && !(prop in obj) && !NOT_METHODS.has(prop) && /^[a-z][A-Za-z0-9]*$/u.test(prop)) {
        return () => {
          throw notImplemented(typeName, prop);
        };
      }
      return value;
    },
  });
  proxies.set(target, proxy);
  targets.set(proxy, target);
  return proxy;
}

/** The runtime object behind a proxy handed out earlier (or the value itself). */
export function unwrap<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? (targets.get(value) as T | undefined) : undefined) ?? value;
}
