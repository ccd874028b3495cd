/**
 * PropertiesService stores with Apps Script's documented quotas ("Quotas for Google Services":
 * Properties value size 9 KB / val, Properties total storage 500 KB / property store), so a mapping
 * that would not fit in production fails locally too.
 */

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  private readonly values = new Map<string, string>();

  private totalWith(key: string, value: string | null): number {
    let total = 0;
    for (const [k, v] of this.values) if (k !== key) total += bytes(k) + bytes(v);
    return value === null ? total : total + bytes(key) + bytes(value);
  }

  private check(key: string, value: string): void {
    if (bytes(value) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
    if (this.totalWith(key, value) > STORE_LIMIT_BYTES)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.check(key, value);
    this.values.set(key, value);
  }

  setMany(entries: [string, string][], deleteAllOthers: boolean): void {
    // All or nothing: check the resulting store before changing it.
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [k, v] of entries) {
      if (bytes(v) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.clear();
    for (const [k, v] of next) this.values.set(k, v);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  deleteAll(): void {
    this.values.clear();
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}

/** The Properties object add-on code sees. */
export class PropertiesImpl {
  constructor(private readonly store: PropertyStore) {}

  getProperty(key: string): string | null {
    return this.store.get(String(key));
  }

  setProperty(key: string, value: unknown): PropertiesImpl {
    if (key === undefined || key === null || String(key) === '') throw new Error('Invalid argument: key');
    this.store.set(String(key), String(value));
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): PropertiesImpl {
    this.store.setMany(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers === true,
    );
    return this;
  }

  getProperties(): Record<string, string> {
    return this.store.all();
  }

  getKeys(): string[] {
    return Object.keys(this.store.all());
  }

  deleteProperty(key: string): PropertiesImpl {
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): PropertiesImpl {
    this.store.deleteAll();
    return this;
  }
}
