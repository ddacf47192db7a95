import { beforeEach, describe, expect, it, vi } from 'vitest';

// The background keeps per-tab counts only in storage.session: a fresh module instance (what a
// restarted service worker or event page is) must find everything the old one recorded.

/** A storage area with the same get/set/remove semantics as storage.session, held in a Map. */
function fakeStorageArea() {
  const data = new Map<string, unknown>();
  const copy = <T>(v: T): T => structuredClone(v); // storage hands out copies, never live objects
  return {
    data,
    get(keys: string | string[] | null): Promise<Record<string, unknown>> {
      const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Promise.resolve(Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))])));
    },
    set(items: Record<string, unknown>): Promise<void> {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
      return Promise.resolve();
    },
    remove(keys: string | string[]): Promise<void> {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
      return Promise.resolve();
    },
  };
}

let session = fakeStorageArea();
vi.mock('webextension-polyfill', () => ({ default: { storage: { get session() { return session; } } } }));

/** A fresh instance of tab-state.ts, as a restarted background would load it. */
async function freshModule() {
  vi.resetModules();
  return import('./tab-state');
}

/** Each frame's document token, as content/index.ts makes them. */
const [D0, D1, D3] = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'dddddddddddddddd'];

describe('tab state', () => {
  beforeEach(() => {
    session = fakeStorageArea();
  });

  it('sums one tab over its frames, counting each entity once per frame report', async () => {
    const { recordFrame, tabState } = await freshModule();
    await Promise.all([recordFrame(7, 0, D0, { putin: 2, moscow: 1 }), recordFrame(7, 3, D3, { putin: 1 }), recordFrame(8, 0, D0, { sharaa: 4 })]);
    expect(await tabState(7)).toEqual({ tabId: 7, frames: 2, counts: { putin: 3, moscow: 1 } });
    // A frame that reports again replaces its earlier report; one that reports nothing is gone.
    expect(await recordFrame(7, 3, D3, { moscow: 2 })).toEqual({ tabId: 7, frames: 2, counts: { putin: 2, moscow: 3 } });
    expect(await recordFrame(7, 3, D3, {})).toEqual({ tabId: 7, frames: 1, counts: { putin: 2, moscow: 1 } });
  });

  it('counts an entity whose id is a key of Object.prototype like any other', async () => {
    const { recordFrame } = await freshModule();
    await recordFrame(9, 0, D0, { constructor: 2 });
    expect(await recordFrame(9, 1, D1, { constructor: 1 })).toEqual({ tabId: 9, frames: 2, counts: { constructor: 3 } });
  });

  it('lives only in storage: a fresh module instance reads what the old one recorded', async () => {
    const before = await freshModule();
    await before.recordFrame(7, 0, D0, { putin: 2 });
    await before.recordFrame(7, 1, D1, { moscow: 1 });
    const after = await freshModule();
    expect(after).not.toBe(before);
    expect(await after.tabState(7)).toEqual({ tabId: 7, frames: 2, counts: { putin: 2, moscow: 1 } });
    // And nothing was kept in memory: with storage emptied, the fresh instance knows nothing.
    session.data.clear();
    expect(await after.tabState(7)).toEqual({ tabId: 7, frames: 0, counts: {} });
  });

  it('lets only the document that reported take its counts back', async () => {
    const { recordFrame, tabState } = await freshModule();
    // The tab's top frame goes to a new page: the new page reports before the old one's farewell
    // (pagehide) arrives. The farewell must not clear the new page's counts.
    await recordFrame(4, 0, D0, { putin: 1 });
    await recordFrame(4, 0, D1, { moscow: 2 });
    expect(await recordFrame(4, 0, D0, {})).toEqual({ tabId: 4, frames: 1, counts: { moscow: 2 } });
    expect(await recordFrame(4, 0, D1, {})).toEqual({ tabId: 4, frames: 0, counts: {} });
    expect(await tabState(4)).toEqual({ tabId: 4, frames: 0, counts: {} });
  });

  it('forgets a closed tab in storage, not only in the instance that saw it close', async () => {
    const before = await freshModule();
    await before.recordFrame(5, 0, D0, { putin: 1 });
    await before.forgetTab(5);
    expect(session.data.size).toBe(0);
    expect(await (await freshModule()).tabState(5)).toEqual({ tabId: 5, frames: 0, counts: {} });
  });
});
