import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../../test/fixtures/match-fixture';
import { compileMatcher, lazyMatcher } from './matcher';

const matcher = compileMatcher(FIXTURE);

/** [matched original text, entity] for each mention: what a reader would see underlined. */
function marks(text: string): [string, string][] {
  return matcher.find(text).toArray().map((m) => [text.slice(m.start, m.end), m.entity]);
}

describe('exact offsets through folding', () => {
  it('maps a name with diacritics and tatweel back to its original span', () => {
    const text = 'قال بُوتِيــــنُ اليوم';
    const [m] = matcher.find(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('بُوتِيــــنُ');
  });

  it('keeps offsets exact after an astral character', () => {
    const text = '🇸🇾😀 Putin arrived';
    const [m] = matcher.find(text);
    expect(m).toMatchObject({ start: 7, end: 12, entity: 'vladimir-putin' });
    expect(text.slice(m!.start, m!.end)).toBe('Putin');
  });

  it('matches through a lam-alef ligature that stands for two letters', () => {
    // ﻻ (U+FEFB) is لا: فلاديمير written with the ligature is one unit shorter.
    const text = 'التقى ف\uFEFBديمير بوتين';
    expect(marks(text)).toEqual([['ف\uFEFBديمير بوتين', 'vladimir-putin']]);
  });

  it('matches presentation-form letters and the Persian keheh and yeh', () => {
    expect(marks('\uFE91\uFEEE\uFE98\uFEF4\uFEE6')).toEqual([['\uFE91\uFEEE\uFE98\uFEF4\uFEE6', 'vladimir-putin']]);
    expect(marks('الکرملین')).toEqual([['الکرملین', 'kremlin']]);
  });

  it('keeps trailing marks in the span but not a trailing bidi mark', () => {
    expect(marks('عن بوتينَ\u200F قوله')).toEqual([['بوتينَ', 'vladimir-putin']]);
  });

  it('ignores bidi and zero-width characters inside a name', () => {
    const text = 'Pu\u200Bti\u200Dn and \u200Fبو\u200Cتين';
    expect(marks(text).map(([, e]) => e)).toEqual(['vladimir-putin', 'vladimir-putin']);
  });

  it('finds a name whatever its alef, yeh and teh marbuta forms', () => {
    for (const spelling of ['احمد الشرع', 'إحمد الشرع', 'آحمد الشرع', 'ٱحمد الشرع']) {
      expect(marks(`قال ${spelling}`)).toEqual([[spelling, 'ahmad-al-sharaa']]);
    }
    expect(marks('قاعده حميميم الجويه')).toEqual([['قاعده حميميم الجويه', 'hmeimim-air-base']]);
  });

  it('folds Latin case and diacritics and any gap between words', () => {
    expect(marks('MURHAF  ABŪ\nQASRA')).toEqual([['MURHAF  ABŪ\nQASRA', 'murhaf-abu-qasra']]);
    expect(marks('Ahmad al‐Sharaa')).toEqual([['Ahmad al‐Sharaa', 'ahmad-al-sharaa']]);
  });
});

describe('Arabic proclitics', () => {
  it.each([
    ['وبوتين', 'بوتين'], ['فبوتين', 'بوتين'], ['لموسكو', 'موسكو'], ['بموسكو', 'موسكو'],
    ['وبموسكو', 'موسكو'], ['كبوتين', 'بوتين'], ['بالكرملين', 'الكرملين'], ['والكرملين', 'الكرملين'],
    ['وبالكرملين', 'الكرملين'], ['فالكرملين', 'الكرملين'],
  ])('finds the name in %s and leaves the proclitic outside', (word, name) => {
    expect(marks(`قال ${word} اليوم`).map(([t]) => t)).toEqual([name]);
  });

  it('finds ل + ال with the alef dropped and keeps the article lam', () => {
    expect(marks('للكرملين')).toEqual([['لكرملين', 'kremlin']]);
    expect(marks('وللكرملين')).toEqual([['لكرملين', 'kremlin']]);
  });

  it('finds a name after a tatweel joined to the preposition', () => {
    expect(marks('وصل لـموسكو')).toEqual([['موسكو', 'moscow']]);
  });

  it('does not take an ordinary word that starts with a proclitic letter', () => {
    expect(marks('بوسكو لكرملين')).toEqual([]);
  });
});

describe('word boundaries', () => {
  it.each(['Rasputin', 'Prussia', 'Kremlinologists', 'Tartusian', 'بوتينية', 'الكرملينيون'])(
    'finds nothing inside the longer word %s',
    (word) => expect(marks(`one ${word} two`)).toEqual([]),
  );

  it('does not take روسياً (adverb, with tanween) but takes روسيا', () => {
    expect(marks('تحركت روسياً وروسيا')).toEqual([['روسيا', 'russia']]);
  });

  it('keeps an English possessive outside the span', () => {
    expect(marks("Putin's aide and Putin’s plane")).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Putin', 'vladimir-putin'],
    ]);
  });

  it('still refuses a name followed by an apostrophe and more letters', () => {
    expect(marks("Putin'ov")).toEqual([]);
  });

  it('finds names in hashtags and names joined by underscores', () => {
    expect(marks('#أحمد_الشرع#روسيا #Putin')).toEqual([
      ['أحمد_الشرع', 'ahmad-al-sharaa'],
      ['روسيا', 'russia'],
      ['Putin', 'vladimir-putin'],
    ]);
  });

  it('skips URLs and e-mail addresses', () => {
    const text = 'https://kremlin.ru/Putin www.putin.ru putin@kremlin.ru pic.twitter.com/Putin x.com/Moscow. Putin.';
    expect(marks(text)).toEqual([['Putin', 'vladimir-putin']]);
  });

  it('still finds a handle after @ (not an e-mail address)', () => {
    expect(marks('(@Sana__gov)')).toEqual([['Sana__gov', 'sana']]);
  });
});

describe('longest match', () => {
  it('takes the full name, not the shorter names inside it', () => {
    expect(marks('Murhaf Abu Qasra')).toEqual([['Murhaf Abu Qasra', 'murhaf-abu-qasra']]);
    expect(marks('في قاعدة حميميم الجوية')).toEqual([['قاعدة حميميم الجوية', 'hmeimim-air-base']]);
  });

  it('does not let a multi-word name run across punctuation', () => {
    expect(marks('Murhaf. Abu Qasra')).toEqual([['Abu Qasra', 'murhaf-abu-qasra']]);
  });
});

describe('case-sensitive names', () => {
  it('takes SANA only in capitals, and still folds diacritics', () => {
    expect(marks('Sana said; SANA said; ŚANA said')).toEqual([
      ['SANA', 'sana'],
      ['ŚANA', 'sana'],
    ]);
  });

  it('leaves Sana\'a (the city) alone', () => {
    expect(marks("Sana'a and SANA'A")).toEqual([]);
  });
});

describe('entity info', () => {
  it('reports the canonical English name and type', () => {
    expect(matcher.entity('moscow')).toEqual({ id: 'moscow', type: 'place', name: 'Moscow' });
  });
});

describe('a matcher put off until it is asked', () => {
  it('reads and compiles nothing until the first scan, then finds what compileMatcher finds', () => {
    let reads = 0;
    const counted = {
      ...FIXTURE,
      get entities() {
        reads++;
        return FIXTURE.entities;
      },
    };
    const lazy = lazyMatcher(() => compileMatcher(counted));
    expect(reads).toBe(0); // a frame with no text to read pays nothing for the names
    const text = 'Putin met al-Sharaa in Moscow.';
    const found = (scan: { count: number; starts: Int32Array; ends: Int32Array }) => Array.from({ length: scan.count }, (_, i) => [scan.starts[i], scan.ends[i]]);
    expect(found(lazy.scan(text))).toEqual(found(compileMatcher(FIXTURE).scan(text)));
    expect(lazy.entity('moscow')).toEqual(compileMatcher(FIXTURE).entity('moscow'));
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    lazy.scan(text);
    expect(reads).toBe(afterFirst); // compiled once
  });
});
