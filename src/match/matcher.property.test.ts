import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { foldString } from './fold-table';
import { paragraphs, compileMatcher, resolve } from './matcher';

const matcher = compileMatcher(FIXTURE);

// Pieces that stress the scanner: names, proclitics, marks, bidi, surrogates (paired and not),
// ligatures, apostrophes, URLs, punctuation and spaces.
const PIECES = [
  'بوتين', 'و', 'ل', 'لل', 'ال', 'الشرع', 'الأسد', 'بشار', 'الرئيس', 'روسيا', 'ً', 'ُ', 'ـ', '\u0670',
  'Putin', "'s", '’', 'Abu', ' Qasra', 'Murhaf', 'SANA', 'Sana', 'AFP', 'Australian Federal Police',
  'Hafez al-Assad', 'Moscow', ', Idaho', '\u200F', '\u200D', '\uFEFF', '\uD83D', '\uDE00', '😀', '\u0301',
  '\uFEFB', '\uFDF2', ' ', '\n', '-', '_', '#', '@', '.', '/', 'https://', 'www.', '"', '،', 'x',
];
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join('')),
);

describe('matcher properties', () => {
  it('never throws; mentions are in bounds, sorted, non-overlapping, and span the matched name', () => {
    let checked = 0;
    fc.assert(
      fc.property(textArb, (text) => {
        const ms = matcher.find(text);
        let last = 0;
        for (const m of ms) {
          checked++;
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(matcher.entity(m.entity)).toBeDefined();
          // The text at the offsets is the matched name, folded (ل + ال drops the alef).
          const seen = foldString(text.slice(m.start, m.end));
          const name = foldString(m.name).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
          expect([seen, 'ا' + seen]).toContain(name);
          last = m.end;
        }
      }),
      { numRuns: 3000 },
    );
    // The texts find names often enough for the checks above to have run.
    expect(checked).toBeGreaterThan(100);
  });

  it('find is resolve of the scans of its paragraphs, and splitting into blocks never throws', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 4 }), (blocks) => {
        const joined = blocks.join('\n');
        const bounds = paragraphs(joined);
        const parts = bounds.slice(0, -1).map((from, p) => ({ from, text: joined.slice(from, bounds[p + 1]) }));
        const each = resolve(parts.map((p) => matcher.scan(p.text)));
        const expected = each.flatMap((list, p) => list.toArray().map((m) => ({ ...m, start: m.start + parts[p]!.from, end: m.end + parts[p]!.from })));
        expect(matcher.find(joined).toArray()).toEqual(expected);
        expect(resolve(blocks.map((b) => matcher.scan(b)))).toHaveLength(blocks.length);
      }),
      { numRuns: 500 },
    );
  });

  // Noise that folding removes: harakat (tanween fath aside, see fold-table.ts), shadda, tatweel in
  // Arabic, zero-width and bidi controls in both scripts.
  const ARABIC_NOISE = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640', '\u200C', '\u200F', '\u0670'];
  const LATIN_NOISE = ['\u200B', '\u200D', '\u00AD', '\u2060', '\u200E', '\u0301'];
  const NAMES: readonly [string, string, readonly string[]][] = [
    ['فلاديمير بوتين', 'vladimir-putin', ARABIC_NOISE],
    ['قاعدة حميميم الجوية', 'hmeimim-air-base', ARABIC_NOISE],
    ['مرهف أبو قصرة', 'murhaf-abu-qasra', ARABIC_NOISE],
    ['Murhaf Abu Qasra', 'murhaf-abu-qasra', LATIN_NOISE],
    ['Vladimir Putin', 'vladimir-putin', LATIN_NOISE],
  ];

  it('finds a name with folding noise inserted anywhere inside it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        fc.constantFrom('', 'قال ', 'He said ', '«'),
        fc.constantFrom('', ' اليوم', ' today.', '»'),
        ([name, entity, noise], inserts, before, after) => {
          const chars = [...name];
          for (const [at, which] of inserts) {
            // Inside the name only: after its first character, before its last.
            const pos = 1 + (at % (chars.length - 1));
            chars.splice(pos, 0, noise[which % noise.length]!);
          }
          const noisy = chars.join('');
          const text = before + noisy + after;
          const ms = matcher.find(text).toArray();
          expect(ms.map((m) => m.entity)).toEqual([entity]);
          expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe(noisy);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
