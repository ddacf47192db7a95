import { describe, expect, it } from 'vitest';
import { decodeFoldTables, encodeFoldTables } from './fold-encoding';
import { computeFoldTables } from './fold-rules';
import { EXPANSIONS, FOLD, IS_WORD } from './fold-table';

describe('fold tables as the build ships them', () => {
  const computed = computeFoldTables();

  it('decode to exactly the tables the rules compute, ligatures included', () => {
    const decoded = decodeFoldTables(encodeFoldTables(computed));
    expect(decoded.fold).toEqual(computed.fold);
    expect(decoded.word).toEqual(computed.word);
    expect(decoded.expansions.size).toBeGreaterThan(500); // every lam-alef, ﷲ, ﬁ …
    expect([...decoded.expansions]).toEqual([...computed.expansions]);
  });

  it('are what the folding table serves', () => {
    expect(FOLD).toEqual(computed.fold);
    expect(IS_WORD).toEqual(computed.word);
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
