import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { parseGold } from '../../test/eval/gold';
import { compileTables, type Tables } from './compile';
import { compileMatcher, encodeMatcher, precompiledMatcher } from './matcher';
import { kindTable, pairTable } from './scanner';
import { decodeTables, encodeTables } from './table-encoding';
import { wordsOf } from './words';

const BUNDLED = toMatchData(bundled as unknown as Pack);

/** Every field of compiled tables, the ligatures' symbols listed. */
function plain(t: Tables): unknown {
  // kind and pairs are compared on their own below.
  const rest = Object.fromEntries(Object.entries(t).filter(([key]) => key !== 'kind' && key !== 'pairs' && key !== 'expansions'));
  const { expansions } = t;
  return { ...rest, groups: t.groups, expansions: [...expansions.keys()].sort((a, b) => a - b).map((c) => [c, [...expansions.get(c)!]]) };
}

describe('tables compiled at build time', () => {
  for (const [name, inputs] of [['the bundled pack', [BUNDLED]], ['the test fixture', [FIXTURE]], ['both at once', [BUNDLED, FIXTURE]]] as const) {
    it(`decode to exactly what compileTables makes: ${name}`, () => {
      const compiled = compileTables(inputs);
      const { tables, entities } = decodeTables(JSON.parse(JSON.stringify(encodeMatcher(inputs))));
      expect(plain(tables)).toEqual(plain(compiled));
      // The scanner's kind table, filled run by run, is the one it would compute unit by unit.
      expect(tables.kind).toBeDefined();
      expect(Buffer.from(tables.kind!).equals(Buffer.from(kindTable(compiled)))).toBe(true);
      // And so is its pair table, decoded instead of computed.
      expect(tables.pairs).toBeDefined();
      expect([...tables.pairs!]).toEqual([...pairTable(compiled)]);
      const matcher = compileMatcher(inputs);
      for (const id of compiled.entityIds) expect(entities.get(id)).toEqual(matcher.entity(id));
    }, 30_000); // whole tables compared value by value: seconds on a busy two-core machine
  }

  it('find, in every labelled text, exactly what a matcher compiled in the page finds', () => {
    const dir = join(import.meta.dirname, '../../test/eval/texts');
    const compiled = compileMatcher(BUNDLED);
    const shipped = precompiledMatcher(JSON.parse(JSON.stringify(encodeMatcher(BUNDLED))));
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(10);
    let total = 0;
    for (const file of files) {
      const { text } = parseGold(readFileSync(join(dir, file), 'utf8'));
      const found = shipped.find(text).toArray();
      total += found.length;
      expect(found, file).toEqual(compiled.find(text).toArray());
    }
    expect(total).toBeGreaterThan(100);
  });

  it('leave the rules unparsed until a scan keeps a candidate', () => {
    const encoded = JSON.parse(JSON.stringify(encodeMatcher(BUNDLED))) as ReturnType<typeof encodeMatcher>;
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const matcher = precompiledMatcher(encoded);
      expect(matcher.scan('Advertisement: garden chairs, half price this week only.').count).toBe(0);
      expect(parse).not.toHaveBeenCalled(); // a frame with no name of the story never builds them
      expect(matcher.scan('Putin met al-Sharaa in Moscow.').count).toBe(3);
      expect(parse).toHaveBeenCalledTimes(1);
      matcher.scan('Putin again.');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('keep a symbol in a byte while the alphabet fits in one, and in two bytes past it', () => {
    expect(decodeTables(encodeMatcher([BUNDLED])).tables.sym).toBeInstanceOf(Uint8Array);
    // 300 letters of names (CJK): symbols past 255, each its own.
    const letters = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const wide = { entities: [{ id: 'wide', type: 'organisation', name: 'Wide', names: [{ text: letters.join('') }, ...letters.slice(0, 60).map((c) => ({ text: c + c + c }))] }], blockers: [] };
    const compiled = compileTables([wide]);
    expect(compiled.sym).toBeInstanceOf(Uint16Array);
    expect(compiled.alphabet).toBeGreaterThan(0x100);
    expect(new Set(letters.map((c) => compiled.sym[c.charCodeAt(0)])).size).toBe(300);
    expect(compileMatcher([wide]).find(`x ${letters.join('')} y`).toArray().map((m) => m.entity)).toEqual(['wide']);
  });

  it('refuses data that does not cover every code unit', () => {
    const encoded = encodeTables(compileTables([FIXTURE]), new Map());
    expect(() => decodeTables({ ...encoded, bin: btoa(atob(encoded.bin).slice(0, 10)) })).toThrow(/match tables/);
  });

  it('refuses data cut short anywhere, or a trie whose edge leaves a later state', () => {
    const encoded = encodeTables(compileTables([FIXTURE]), new Map());
    const bytes = atob(encoded.bin);
    // Cut at a whole word anywhere past the symbol runs, and at half a word.
    for (const keep of [bytes.length - 2, bytes.length - 40, Math.floor(bytes.length / 2) & ~1, bytes.length - 1]) {
      expect(() => decodeTables({ ...encoded, bin: btoa(bytes.slice(0, keep)) }), `${keep} of ${bytes.length} bytes`).toThrow(/match tables/);
    }
    // The first edge (state 1) said to come from state 1 itself.
    const words = wordsOf(encoded.bin, 'match tables');
    let at = 1 + 2 * words[0]!; // past startOk
    for (let c = 0; c < 65536; at += 2) c += words[at]! + 1;
    const bad = Uint16Array.from(words);
    bad[at + 1] = 1;
    expect(() => decodeTables({ ...encoded, bin: Buffer.from(bad.buffer).toString('base64') })).toThrow(/bad edge/);
    // A run of a symbol past the alphabet.
    const badSymbol = Uint16Array.from(words);
    badSymbol[2 + 2 * words[0]!] = encoded.alphabet;
    expect(() => decodeTables({ ...encoded, bin: Buffer.from(badSymbol.buffer).toString('base64') })).toThrow(/bad run/);
  });

  it('read the words natively where the browser decodes base64, and byte by byte where it does not', () => {
    const { bin } = encodeMatcher([BUNDLED]);
    const native = vi.fn((encoded: string) => new Uint8Array(Buffer.from(encoded, 'base64')));
    const viaBase64 = wordsOf(bin, 'match tables', native);
    expect(native).toHaveBeenCalledTimes(1);
    const byByte = wordsOf(bin, 'match tables', undefined);
    const expected = Buffer.from(bin, 'base64');
    expect(byByte.length).toBe(expected.length / 2);
    for (let i = 0; i < byByte.length; i++) expect(byByte[i]).toBe(expected[2 * i]! | (expected[2 * i + 1]! << 8));
    expect([...viaBase64]).toEqual([...byByte]);
    // A native decoder that hands back a view at an odd offset is copied, not misread.
    const odd = (encoded: string) => {
      const raw = Buffer.from(encoded, 'base64');
      const buffer = new Uint8Array(raw.length + 1);
      buffer.set(raw, 1);
      return buffer.subarray(1);
    };
    expect([...wordsOf(bin, 'match tables', odd)]).toEqual([...byByte]);
    expect(() => wordsOf(btoa('abc'), 'match tables', undefined)).toThrow(/truncated/);
  });
});
