import { describe, expect, it } from 'vitest';
import { decodeFoldTables, encodeFoldTables } from './fold-encoding';
import { computeFoldTables } from './fold-rules';
import { foldTables } from './fold-table';

const { EXPANSIONS, FOLD, IS_WORD } = foldTables();

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
    expect(decoded.fold.length).toBe(0x10000);
    expect(firstDifference(decoded.fold, computed.fold)).toBeNull();
    expect(firstDifference(decoded.word, computed.word)).toBeNull();
    expect(decoded.expansions.size).toBeGreaterThan(500); // every lam-alef, ﷲ, ﬁ …
    expect([...decoded.expansions]).toEqual([...computed.expansions]);
  });

  it('are what the folding table serves', () => {
    expect(firstDifference(FOLD, computed.fold)).toBeNull();
    expect(firstDifference(IS_WORD, computed.word)).toBeNull();
    expect(EXPANSIONS.get(0xfefb)).toBe('لا');
  });

  it('are small enough to embed in every frame', () => {
    expect(encodeFoldTables(computed).length).toBeLessThan(8 * 1024);
  });

  it('refuse data that does not cover every code unit', () => {
    const encoded = encodeFoldTables(computed);
    expect(() => decodeFoldTables(encoded.slice(0, 400))).toThrow(/fold data/);
    expect(() => decodeFoldTables(btoa('\u0000\u0000'))).toThrow(/fold data/);
  });
});
