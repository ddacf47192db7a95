import { beforeEach, describe, expect, it } from 'vitest';
import { MATCH_DATA_KEY } from '../settings/match-store';
import { askEngineInputs } from './engine-inputs';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/**
 * The extension API as the content script sees it: storage.local holding `stored`, and a background
 * that answers get-match-tables. One for the file (ext.ts keeps the namespace it first finds).
 */
const listeners = new Set<Listener>();
const asked: unknown[] = [];
let stored: Record<string, unknown> = {};
(globalThis as { browser?: unknown }).browser = {
  runtime: {
    id: 'hashiya',
    sendMessage: (message: { type: string }) => {
      asked.push(message);
      return Promise.resolve(message.type === 'get-match-tables' ? { bin: 'AAAA' } : undefined);
    },
  },
  storage: {
    local: { get: (key: string) => Promise.resolve(key in stored ? { [key]: stored[key] } : {}) },
    onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  },
};
const change = (changes: Record<string, unknown>, area: string) => [...listeners].forEach((l) => l(changes, area));

beforeEach(() => {
  listeners.clear();
  asked.length = 0;
  stored = {};
});

describe('askEngineInputs (asked by the loader before the engine starts)', () => {
  it('reads the imported packs and asks the background for the tables, at once', async () => {
    stored = { [MATCH_DATA_KEY]: [{ id: 'p' }] };
    const inputs = askEngineInputs();
    expect(asked).toEqual([{ type: 'get-match-tables' }]);
    expect(await inputs.take()).toEqual([[{ id: 'p' }], { bin: 'AAAA' }]);
    expect(inputs.changedSince()).toBe(false);
  });

  it('gives its inputs once, and keeps nothing of them after (the tables are let go once decoded)', async () => {
    const inputs = askEngineInputs();
    const taken = inputs.take();
    expect(() => inputs.take()).toThrow(/taken already/);
    // What it held is the taker's alone: the object has no property that reaches the answer.
    const answer = await taken;
    const reachable = Object.values(inputs).filter((value) => typeof value !== 'function');
    expect(reachable).toEqual([]);
    expect(answer[1]).toEqual({ bin: 'AAAA' });
  });

  it('tells the engine that the imported packs changed before it could hear it, and then stops watching', async () => {
    const inputs = askEngineInputs();
    await inputs.take();
    change({ settings: {} }, 'sync'); // the settings: not the packs
    change({ other: {} }, 'local');
    expect(listeners.size).toBe(1);
    change({ [MATCH_DATA_KEY]: { newValue: [] } }, 'local');
    expect(inputs.changedSince()).toBe(true);
    expect(listeners.size).toBe(0); // the engine follows the changes from here
  });
});
