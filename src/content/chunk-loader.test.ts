import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardChunk } from './card-controller';
import { chunkLoader } from './chunk-loader';

// Loading a chunk (card.js) when import() fails as it does in Firefox.

/** import() as Firefox 153 does it: an address whose fetch failed fails again, without a fetch. */
function moduleMap(failures: number) {
  const fetched: string[] = [];
  const failed = new Set<string>();
  const importChunk = (url: string): Promise<unknown> => {
    if (failed.has(url)) return Promise.reject(new TypeError(`error loading dynamically imported module: ${url}`));
    fetched.push(url);
    if (fetched.length <= failures) {
      failed.add(url);
      return Promise.reject(new TypeError(`error loading dynamically imported module: ${url}`));
    }
    return Promise.resolve({ createCardView: () => ({}) });
  };
  return { fetched, importChunk };
}

describe('chunk loader', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('loads card.js at its own address when nothing fails', async () => {
    const map = moduleMap(0);
    await expect(chunkLoader<CardChunk>('createCardView', map.importChunk)('chrome-extension://hashiya/card.js')).resolves.toHaveProperty('createCardView');
    expect(map.fetched).toEqual(['chrome-extension://hashiya/card.js']);
  });

  it('retries a failed import at a new address, which the module map has not marked as failed', async () => {
    const map = moduleMap(1);
    const load = chunkLoader<CardChunk>('createCardView', map.importChunk)('chrome-extension://hashiya/card.js');
    await vi.advanceTimersByTimeAsync(50);
    await expect(load).resolves.toHaveProperty('createCardView');
    expect(map.fetched).toEqual(['chrome-extension://hashiya/card.js', 'chrome-extension://hashiya/card.js?attempt=1']);
  });

  it('after a load that failed twice, the next load asks again at yet another address', async () => {
    const map = moduleMap(2);
    const load = chunkLoader<CardChunk>('createCardView', map.importChunk);
    const first = load('chrome-extension://hashiya/card.js');
    const failed = expect(first).rejects.toThrow(/error loading dynamically imported module/);
    await vi.advanceTimersByTimeAsync(50);
    await failed;
    await expect(load('chrome-extension://hashiya/card.js')).resolves.toHaveProperty('createCardView');
    // No address was asked twice: a repeat would only have met the recorded failure.
    expect(map.fetched).toEqual(['chrome-extension://hashiya/card.js', 'chrome-extension://hashiya/card.js?attempt=1', 'chrome-extension://hashiya/card.js?attempt=2']);
  });

  it('refuses a module that is not the chunk asked for', async () => {
    const load = chunkLoader<CardChunk>('createCardView', () => Promise.resolve({ somethingElse: () => ({}) }))('chrome-extension://hashiya/card.js');
    const refused = expect(load).rejects.toThrow(/is not the chunk that exports createCardView/);
    await vi.advanceTimersByTimeAsync(50);
    await refused;
  });
});
