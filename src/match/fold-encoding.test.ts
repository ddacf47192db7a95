import { describe, expect, it } from 'vitest';
import { decodeFoldTables, encodeFoldTables, foldOf, ligatures } from './fold-encoding';
import { computeFoldTables } from './fold-rules';
import { foldTables } from './fold-table';

const { EXPANSIONS, fold, IS_WORD } = foldTables();

/** Every unit's fold, as one table. */
const allFolds = (foldUnit: (c: number) => number): Uint16Array => Uint16Array.from({ length: 0x10000 }, (_, c) => foldUnit(c));

/**
 * Where two tables first differ, as `U+XXXX: a ≠ b`, or null when they are the same. toEqual on
 * two 65 536-unit tables took seconds (past vitest's limit on a busy machine); this takes a loop.
 */
function firstDifference(a: ArrayLike<number | boolean>, b: ArrayLike<number | boolean>): string | null {
  if (a.length !== b.length) return `lengths ${a.length} ≠ ${b.length}`;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `U+${i.toString(16).padStart(4, '0')}: ${String(a[i])} ≠ ${String(b[i])}`;
  return null;
}

describe('fold tables as the build ships them', () => {
  const computed = computeFoldTables();

  it('decode to exactly the tables the rules compute, ligatures included', () => {
    const decoded = decodeFoldTables(encodeFoldTables(computed));
    expect(decoded.delta.length).toBe(0x10000);
    expect(firstDifference(allFolds((c) => foldOf(decoded.delta, c)), computed.fold)).toBeNull();
    expect(firstDifference(decoded.word, computed.word)).toBeNull();
    const expansions = ligatures(decoded.ligatureUnits, (c) => foldOf(decoded.delta, c), decoded.word);
    expect(expansions.size).toBeGreaterThan(500); // every lam-alef, ﷲ, ﬁ …
    expect([...expansions]).toEqual([...computed.expansions]);
  });

  it('are what the folding table serves', () => {
    expect(firstDifference(allFolds(fold), computed.fold)).toBeNull();
    expect(fold(Number.NaN)).toBe(0); // charCodeAt past the end
    expect(firstDifference(IS_WORD, computed.word)).toBeNull();
    expect(EXPANSIONS.get(0xfefb)).toBe('لا');
  });

  it('are small enough to embed in every frame', () => {
    // 16-bit words, read natively, not varints through a closure: 9.7 KB, not 6, for a decode
    // without a call a run.
    expect(encodeFoldTables(computed).length).toBeLessThan(11 * 1024);
  });

  it('refuse data that does not cover every code unit', () => {
    const encoded = encodeFoldTables(computed);
    expect(() => decodeFoldTables(encoded.slice(0, 400))).toThrow(/fold data/);
    expect(() => decodeFoldTables(btoa('\u0000\u0000'))).toThrow(/fold data/);
  });
});
