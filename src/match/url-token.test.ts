import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inAddress, isPlainName, plainAround } from './url-token';

describe('plainAround, the shortcut of the address check', () => {
  const names = ['Putin', 'al-Sharaa', 'بوتين', 'الشرع', 'Tartus'];
  const pieces = [
    ' ', '  ', '\n', '\u00a0', '/', '@', '.', '. ', ':', '://', 'https', 'www', 'com', 'ru', 'sy', 'x', 'kremlin', 'pic', 'twitter',
    '#', '_', '"', '(', ')', '،', 'و', 'ب', 'ال', '-', '1', 'é', '\u200F',
  ];
  const around = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));

  it('says "no address" only where the full check says so too', () => {
    fc.assert(
      fc.property(around, fc.constantFrom(...names), around, (before, name, after) => {
        const text = before + name + after;
        const at = before.length;
        const end = at + name.length;
        if (plainAround(text, at, end)) expect(inAddress(text, at, end)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('answers for names in prose, and leaves addresses to the full check', () => {
    const prose = 'قال الرئيس الشرع، إن "بوتين." وقال Putin’s aide: Putin. Then (Putin) spoke';
    for (const name of ['الشرع', 'بوتين', 'Putin']) {
      let seen = 0;
      for (let at = prose.indexOf(name); at >= 0; at = prose.indexOf(name, at + 1), seen++) expect(plainAround(prose, at, at + name.length)).toBe(true);
      expect(seen, name).toBeGreaterThan(0);
    }
    for (const text of ['see x.com/Putin now', 'mail Putin@kremlin.ru now', 'at www.Putin.ru now', 'see Putin.com now']) {
      const at = text.indexOf('Putin');
      expect(plainAround(text, at, at + 5)).toBe(false);
      expect(inAddress(text, at, at + 5)).toBe(true);
    }
    expect(isPlainName('Putin')).toBe(true);
    expect(isPlainName('kremlin.ru')).toBe(false);
  });
});
