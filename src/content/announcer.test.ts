import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from './announcer';

describe('groupDigits', () => {
  it('writes a count as Chromium and Firefox write it for en and ar', () => {
    // (n).toLocaleString('en') and (n).toLocaleString('ar') in Chromium 156 and Firefox 153 alike.
    for (const [n, written] of [[0, '0'], [7, '7'], [12, '12'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567']] as const) expect(groupDigits(n)).toBe(written);
  });

  it('groups every count by threes and keeps its digits', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const written = groupDigits(n);
        const groups = written.split(',');
        return groups.join('') === String(n) && groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
      }),
    );
  });
});
