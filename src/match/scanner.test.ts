import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { toMatchData } from '../data/match-data';
import { casePattern, compileTables } from './compile';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { caseMatches, createScanner, type SpellingMatches } from './scanner';

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
  const found = (h: SpellingMatches): number[] => [...h.starts.subarray(0, h.count), ...h.ends.subarray(0, h.count), ...h.groups.subarray(0, h.count)];

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
