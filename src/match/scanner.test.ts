import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePattern } from './compile';
import { caseMatches } from './scanner';

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
