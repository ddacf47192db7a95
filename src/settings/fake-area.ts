// A storage area for tests: browser-like quotas (storage.sync: 8 KB an item, 100 KB in all, each
// item measured as its key plus its JSON), writes that can be made to fail, and a count of writes.
// Like the browsers, a set() over quota writes nothing.

export const SYNC_QUOTA = { perItem: 8192, total: 102_400 };

export class FakeArea {
  readonly data = new Map<string, string>();
  /** How many of the coming set()/remove() calls fail (a lost connection, a disk error). */
  failNext = 0;
  writes = 0;

  constructor(private readonly quota?: { perItem: number; total: number }) {}

  get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const json = this.data.get(key);
      if (json !== undefined) Object.defineProperty(out, key, { value: JSON.parse(json) as unknown, enumerable: true, writable: true, configurable: true });
    }
    return Promise.resolve(out);
  }

  set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new Error('write failed'));
    }
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (this.quota && key.length + json.length > this.quota.perItem) return Promise.reject(new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${key})`));
      next.set(key, json);
    }
    if (this.quota && this.size(next) > this.quota.total) return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    for (const [key, json] of next) this.data.set(key, json);
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    this.writes++;
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new Error('write failed'));
    }
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
    return Promise.resolve();
  }

  /** Everything stored, parsed. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([key, json]) => [key, JSON.parse(json) as unknown]));
  }

  private size(data: ReadonlyMap<string, string>): number {
    let total = 0;
    for (const [key, json] of data) total += key.length + json.length;
    return total;
  }
}
