import { describe, expect, it } from 'vitest';
import { APOS, EXPAND, IGNORE, SPACE, TANWEEN, foldString, foldTables } from './fold-table';

const { EXPANSIONS, fold, IS_WORD } = foldTables();

const f = (ch: string): number => fold(ch.charCodeAt(0));
const code = (ch: string): number => ch.charCodeAt(0);

describe('Arabic folding', () => {
  it('drops tashkeel, superscript alef, Quranic marks and tatweel', () => {
    for (const ch of ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064C', '\u064D', '\u0670', '\u06D6', '\u06ED', '\u0610', '\u061A', '\u0640']) {
      expect(f(ch), ch.codePointAt(0)!.toString(16)).toBe(IGNORE);
    }
  });

  it('keeps tanween fath apart: it ends another word form', () => {
    expect(f('\u064B')).toBe(TANWEEN);
  });

  it('folds alef, yeh, teh marbuta, keheh and Farsi yeh forms', () => {
    for (const ch of 'أإآٱ') expect(f(ch)).toBe(code('ا'));
    expect(f('ى')).toBe(code('ي'));
    expect(f('ی')).toBe(code('ي'));
    expect(f('ة')).toBe(code('ه'));
    expect(f('ک')).toBe(code('ك'));
  });

  it('folds Arabic-Indic and extended digits to ASCII', () => {
    expect(foldString('١٥ ۲۰۲۵')).toBe('15 2025');
  });

  it('expands lam-alef ligatures to two letters and folds presentation forms', () => {
    expect(f('\uFEFB')).toBe(EXPAND);
    expect(EXPANSIONS.get(0xfefb)).toBe('لا');
    expect(EXPANSIONS.get(0xfef7)).toBe('لا');
    expect(foldString('\uFE91\uFEEE\uFE98\uFEF4\uFEE6')).toBe('بوتين');
    expect(foldString('\uFDF2')).toBe('الله');
  });
});

describe('both scripts', () => {
  it('drops bidi, zero-width, soft hyphen, BOM and word joiner', () => {
    for (const c of [0x200e, 0x200f, 0x061c, 0x200d, 0x200c, 0x200b, 0x00ad, 0xfeff, 0x2060, 0x202b, 0x2067]) {
      expect(fold(c), c.toString(16)).toBe(IGNORE);
    }
  });

  it('turns every space, line break, hyphen, dash and underscore into one gap', () => {
    for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2009, 0x202f, 0x3000, 0x2028, 0x2d, 0x2010, 0x2013, 0x2014, 0x2212, 0x5f]) {
      expect(fold(c), c.toString(16)).toBe(SPACE);
    }
    expect(foldString(' Abu -\u00A0Qasra\n')).toBe('abu qasra');
  });

  it('treats straight and curly apostrophes and transliteration marks alike', () => {
    for (const ch of ["'", '’', '‘', 'ʿ', 'ʾ', '`']) expect(f(ch)).toBe(APOS);
    expect(foldString('Sharaʿa')).toBe(foldString("Shara'a"));
  });

  it('makes every double quote one quote', () => {
    expect(new Set(['"', '“', '”', '«', '»'].map(f))).toEqual(new Set([0x22]));
  });
});

describe('Latin folding', () => {
  it('folds case and diacritics', () => {
    expect(foldString('Ḥāfeẓ ÉLYSÉE Ṣan‘ā’')).toBe('hafez elysee sana');
  });

  it('classifies letters and digits as word characters, punctuation not', () => {
    expect(IS_WORD[code('a')]).toBe(1);
    expect(IS_WORD[code('ب')]).toBe(1);
    expect(IS_WORD[code('٣')]).toBe(1);
    expect(IS_WORD[code('.')]).toBe(0);
    expect(IS_WORD[code('،')]).toBe(0);
    expect(IS_WORD[0xd83d]).toBe(0);
  });
});
