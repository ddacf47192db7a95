import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import type { Pack } from '../data/pack-schema';
import { toMatchData } from '../data/match-data';
import { compileTables } from './compile';
import { layOut, step, withBases } from './trie';

/** A random trie: each state after the root hangs from an earlier one, on a symbol free there. */
const tries = fc
  .record({ alphabet: fc.integer({ min: 2, max: 70 }), picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 400 }) })
  .map(({ alphabet, picks }) => {
    const from = [0];
    const symbol = [0];
    const dense = new Map<string, number>();
    for (const [p, q] of picks) {
      const f = p % from.length;
      const s = q % alphabet;
      if (dense.has(`${f} ${s}`)) continue;
      dense.set(`${f} ${s}`, from.length);
      from.push(f);
      symbol.push(s);
    }
    return { alphabet, states: from.length, from, symbol, dense };
  });

describe('the trie as a double array', () => {
  it('steps exactly where the dense table would, and nowhere else', () => {
    fc.assert(
      fc.property(tries, ({ alphabet, states, from, symbol, dense }) => {
        const trie = layOut(states, alphabet, from, symbol);
        for (let state = 0; state < states; state++) {
          for (let s = 0; s < alphabet; s++) expect(step(trie, state, s)).toBe(dense.get(`${state} ${s}`) ?? 0);
        }
      }),
    );
  });

  it('takes the bases it was laid out with, and refuses bases that put two edges in one slot', () => {
    const from = [0, 0, 0, 1];
    const symbol = [0, 1, 2, 1];
    const trie = layOut(4, 3, from, symbol);
    const again = withBases(4, 3, from, symbol, trie.base);
    expect([...again.targets]).toEqual([...trie.targets]);
    // State 1's edge (symbol 1) in the slot of the root's edge on symbol 2.
    expect(() => withBases(4, 3, from, symbol, [0, 1, 0, 0])).toThrow(/two edges in one slot/);
    expect(() => withBases(4, 3, [0, 0, 3, 1], symbol, trie.base)).toThrow(/bad edge/);
    expect(() => withBases(4, 3, from, [0, 1, 3, 1], trie.base)).toThrow(/bad edge/);
  });

  it('keeps the bundled pack in a few thousand slots, where the dense table had states × alphabet', () => {
    const { trie, alphabet } = compileTables([toMatchData(bundled as Pack)]);
    const states = trie.base.length;
    expect(states).toBeGreaterThan(1000);
    // Every slot of the double array but a few holds an edge: it is nearly as small as it can be.
    expect(trie.targets.length).toBeLessThan(states + 2 * alphabet);
    expect(trie.targets.length).toBeLessThan((states * alphabet) / 20);
  });
});
