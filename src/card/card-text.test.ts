import { describe, expect, it } from 'vitest';
import { cardLanguageFor, formatDate, markNames, wordsFrom } from './card-text';

describe('card text', () => {
  it('picks the card language: a setting wins, auto follows the mention, then the page', () => {
    expect(cardLanguageFor('en', 'بوتين', 'ar')).toBe('en');
    expect(cardLanguageFor('both', 'Putin', 'en')).toBe('both');
    expect(cardLanguageFor('auto', 'بوتين', 'en')).toBe('ar');
    expect(cardLanguageFor('auto', 'Putin', 'ar')).toBe('en');
    expect(cardLanguageFor('auto', '', 'ar-SY')).toBe('ar');
    expect(cardLanguageFor('nonsense', '', '')).toBe('en');
  });

  it('marks every occurrence of the names, longest first, keeping all the text', () => {
    const pieces = markNames('قال بوتين إن فلاديمير بوتين سيزور', ['بوتين', 'فلاديمير بوتين']);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['بوتين', 'فلاديمير بوتين']);
    expect(pieces.map((p) => p.text).join('')).toBe('قال بوتين إن فلاديمير بوتين سيزور');
    expect(markNames('The Kremlin said', ['kremlin'])).toEqual([
      { text: 'The ', marked: false },
      { text: 'Kremlin', marked: true },
      { text: ' said', marked: false },
    ]);
    expect(markNames('nothing here', ['Putin'])).toEqual([{ text: 'nothing here', marked: false }]);
    // Only whole words, or Arabic words with proclitics before them: not بوتن inside سبوتنيك.
    expect(markNames('وكالة سبوتنيك', ['بوتن']).some((p) => p.marked)).toBe(false);
    expect(markNames('Putinism', ['Putin']).some((p) => p.marked)).toBe(false);
    expect(markNames('وبوتين قال', ['بوتين']).filter((p) => p.marked).map((p) => p.text)).toEqual(['بوتين']);
  });

  it('writes dates as precisely as they are known', () => {
    expect(formatDate({ value: '2025-10-15', precision: 'day' }, 'en')).toBe('15 October 2025');
    expect(formatDate({ value: '2024-12', precision: 'month' }, 'en')).toBe('December 2024');
    expect(formatDate({ value: '2025-01', precision: 'end-month' }, 'en', () => 'end of')).toBe('end of January 2025');
    expect(formatDate({ value: '2011', precision: 'year' }, 'en')).toBe('2011');
    expect(formatDate({ value: '2025-10-15', precision: 'day' }, 'ar')).toMatch(/15 .+ 2025/);
  });
});

describe('wordsFrom', () => {
  it("takes the card's words from the chosen language's table, anything else from the browser's", () => {
    const browser = (key: string, substitutions?: string | string[]) => `browser:${key}:${String(substitutions ?? '')}`;
    const t = wordsFrom({ cardClose: 'إغلاق' }, browser);
    expect(t('cardClose')).toBe('إغلاق');
    expect(t('lang', 'x')).toBe('browser:lang:x');
  });

  it('fills $1 … $9 with the substitutions, and $$ is a dollar sign, as the browser does', () => {
    const browser = (key: string, substitutions?: string | string[]) => `browser:${key}:${String(substitutions ?? '')}`;
    const t = wordsFrom({ cardQuoteVia: 'عبر $1', cardTwo: '$2 ← $1 ($$)' }, browser);
    expect(t('cardQuoteVia', 'رويترز')).toBe('عبر رويترز');
    expect(t('cardTwo', ['a', 'b'])).toBe('b ← a ($)');
    expect(t('cardQuoteVia')).toBe('عبر ');
    // No key of Object.prototype is a word.
    expect(t('constructor')).toBe('browser:constructor:');
  });
});
