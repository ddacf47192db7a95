import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import { casePattern, compileTables, type Tables } from './compile';
import { foldTables } from './fold-table';
import type { MatchInput } from './match-input';
import { compileMatcher } from './matcher';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { caseMatches, createScanner, type SpellingMatches } from './scanner';
import { step } from './trie';

const { EXPANSIONS } = foldTables();

/** A scan's spellings as one list: starts, then ends, then groups. */
const found = (h: SpellingMatches): number[] => [...h.starts.subarray(0, h.count), ...h.ends.subarray(0, h.count), ...h.groups.subarray(0, h.count)];

describe('caseMatches', () => {
  it('is casePattern(text, start, end) === pattern, without building the pattern', () => {
    const letters = fc.constantFrom('S', 's', 'A', 'a', 'É', 'é', 'Σ', 'σ', 'ß', 'İ', 'ǅ', 'س', '1', ' ', '-', '\u0301', '\uD83D', '😀');
    const text = fc.array(letters, { maxLength: 12 }).map((a) => a.join(''));
    const pattern = fc.array(fc.constantFrom('U', 'l'), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, pattern, fc.nat(), fc.nat(), (t, p, x, y) => {
        const start = Math.min(x, y) % (t.length + 1);
        const end = start + (Math.max(x, y) % (t.length - start + 1));
        expect(caseMatches(t, start, end, p)).toBe(casePattern(t, start, end) === p);
        expect(caseMatches(t, start, end, casePattern(t, start, end))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('prefilters', () => {
  // Word starts are ruled out early by their first letters (pairs, a few more for words without
  // a proclitic, every walk for words with one); the exhaustive scanner tries them all.
  const pack = bundled as unknown as Pack;
  const inputs = [[FIXTURE], [toMatchData(pack)], [FIXTURE, toMatchData(pack)]];
  const names = inputs.flat().flatMap((i) => [...i.entities.flatMap((e) => e.names.map((n) => n.text)), ...i.blockers.map((b) => b.text)]);
  const pieces = [
    'و', 'ف', 'ب', 'ك', 'ل', 'لل', 'ال', 'وال', 'بال', 'فل', 'وب', 'ا', 'ً', 'ُ', 'ـ', '\u200F', '\uFEFB', 'ﷲ', ' ', '  ', '\n', '-',
    '_', '.', '،', '"', "'s", 'x', 'A', 'al-', 'في ',
  ];
  const chunk = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...names) },
    { weight: 2, arbitrary: fc.constantFrom(...names).chain((n) => fc.nat(n.length).map((k) => n.slice(0, k))) },
    // A name with a mark, an apostrophe, a gap or a control inside (at the early letters the
    // prefilters read, often).
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.nat(5), fc.constantFrom("'", '’', 'ً', 'ُ', 'ـ', '\u200F', '\u200D', ' ', '-', '.'))
        .map(([n, k, x]) => n.slice(0, k) + x + n.slice(k)),
    },
    // ل + ال with the alef dropped (للكرملين), after و or ف too (وللكرملين).
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('', 'و', 'ف'), fc.constantFrom(...names.filter((n) => n.startsWith('ال')))).map(([p, n]) => p + 'لل' + n.slice(2)),
    },
    // A name written with the lam-alef ligature (ﻻ stands for two letters).
    { weight: 1, arbitrary: fc.constantFrom(...names.filter((n) => n.includes('لا'))).map((n) => n.replace('لا', '\uFEFB')) },
    { weight: 4, arbitrary: fc.constantFrom(...pieces) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  const texts = fc.array(chunk, { maxLength: 25 }).map((a) => a.join(''));

  it.each(inputs.map((i, k) => [k, i] as const))('never rule out a word the exhaustive scan matches (inputs %i)', (_, input) => {
    const t = compileTables(input);
    const fast = createScanner(t);
    const full = createScanner(t, true);
    fc.assert(
      fc.property(texts, (text) => {
        expect(found(fast(text))).toEqual(found(full(text)));
      }),
      { numRuns: 3000 },
    );
    expect(found(fast(pack.article.text))).toEqual(found(full(pack.article.text)));
  });
});

describe('where names end along one walk', () => {
  // The walk notes every place a name ends before it picks the longest; its buffer must hold one
  // end per accepting state on the deepest path of the trie. A ligature is one unit of a name but
  // several letters of the trie (ﷺ is fifteen), so a bound taken from the names' lengths in units
  // was too small for names written with them.
  const LIGATURES = 'ﷺﷲﷹﷷ'.repeat(3);
  const prefixes: string[] = [];
  let written = '';
  let spelled = '';
  for (const c of LIGATURES) {
    const letters = EXPANSIONS.get(c.charCodeAt(0))!;
    for (let k = 1; k < letters.length; k++) prefixes.push(written + letters.slice(0, k));
    written += c;
    spelled += letters;
    prefixes.push(written);
  }
  const whole = prefixes.pop()!;
  const input: MatchInput = {
    entities: [
      { id: 'prefix', type: 'organisation', name: 'Prefix', names: prefixes.map((text) => ({ text })) },
      { id: 'whole', type: 'organisation', name: 'Whole', names: [{ text: whole }] },
    ],
    blockers: [],
  };

  /** The most accepting states on one path from the root, and the deepest state: by a walk of the trie. */
  function trieShape(t: Tables): { accepts: number; depth: number } {
    let accepts = 0;
    let depth = 0;
    const stack: [state: number, accepts: number, depth: number][] = [[0, 0, 0]];
    while (stack.length > 0) {
      const [state, a, d] = stack.pop()!;
      accepts = Math.max(accepts, a);
      depth = Math.max(depth, d);
      for (let s = 0; s < t.alphabet; s++) {
        const next = step(t.trie, state, s);
        if (next !== 0) stack.push([next, a + (t.accept[next] !== 0 ? 1 : 0), d + 1]);
      }
    }
    return { accepts, depth };
  }

  it('never expand to nothing: a ligature is a step of the trie, so ends along a walk are at distinct states', () => {
    expect(EXPANSIONS.size).toBeGreaterThan(0);
    expect([...EXPANSIONS.values()].filter((letters) => letters.length === 0)).toEqual([]);
  });

  it.each([
    ['the fixture', [FIXTURE]],
    ['the bundled pack', [toMatchData(bundled as unknown as Pack)]],
    ['names written with ligatures', [input]],
  ] as const)('fit the buffer sized by the trie depth (%s)', (_, inputs) => {
    const t = compileTables(inputs);
    const shape = trieShape(t);
    expect(shape.accepts).toBeGreaterThan(0);
    expect(t.depth).toBe(shape.depth);
    expect(shape.accepts).toBeLessThanOrEqual(t.depth);
  });

  it('finds the longest of names written with ligatures, spelled out letter by letter', () => {
    // Every letter of the spelled-out text ends a name: more ends than twice the longest name's
    // units, the bound the buffer once had.
    expect(spelled.length).toBeGreaterThan(2 * Math.max(...prefixes.map((p) => p.length), whole.length) + 3);
    const t = compileTables([input]);
    const text = `قال ${spelled} اليوم`;
    for (const scan of [createScanner(t), createScanner(t, true)]) {
      expect(found(scan(text))).toEqual([4, 4 + spelled.length, t.groups.findIndex((g) => g[0]!.entity === 'whole') + 1]);
    }
    expect(compileMatcher([input]).find(text).toArray().map((m) => [m.entity, m.start, m.end])).toEqual([['whole', 4, 4 + spelled.length]]);
  });
});
