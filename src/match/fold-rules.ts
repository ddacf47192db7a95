// The folding rules: which UTF-16 code unit folds to which, computed from a few rules plus NFKD
// and Unicode's letter and mark classes. This runs at build time (build.mjs) and in tests: the
// extension and the command line load its result encoded (fold-encoding.ts), so that no page
// pays the ~10 ms it takes in a cold script.

import { ligatures } from './fold-encoding';
import { APOS, EXPAND, IGNORE, SPACE, TANWEEN } from './fold-markers';

/** The folding tables: fold value and letter-or-digit flag per code unit, and the ligatures. */
export interface FoldTables {
  /** The folded code unit of each code unit, or a marker (fold-markers.ts). */
  readonly fold: Uint16Array;
  /** 1 where the code unit is a letter or digit (before or after folding), else 0. */
  readonly word: Uint8Array;
  /** Ligatures (ﻻ = ل + ا, ﷲ = الله, ﬁ = fi): code unit → folded letters. */
  readonly expansions: ReadonlyMap<number, string>;
}

// Set by computeFoldTables for the rules below to fill.
let fold = new Uint16Array(0);
let word = new Uint8Array(0);
let expansions = new Map<number, string>();

function range(from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) fold[c] = value;
}

const MANUAL: Readonly<Record<number, string>> = {
  0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا', 0x0675: 'ا', // alef wasla and Quranic alefs
  0x0649: 'ي', 0x06cc: 'ي', 0x06d0: 'ي', 0x06d2: 'ي', // alef maqsura, Farsi/Urdu yeh
  0x0629: 'ه', 0x06c1: 'ه', 0x06be: 'ه', 0x06d5: 'ه', // teh marbuta (only ever word-final)
  0x06a9: 'ك', 0x06aa: 'ك', // keheh
  0x0131: 'i', 0x00f8: 'o', 0x00d8: 'o', 0x0111: 'd', 0x0110: 'd', 0x0142: 'l', 0x0141: 'l',
};

function build(): void {
  for (let c = 0x21; c < 65536; c++) fold[c] = c;
  range(0x00, 0x20, SPACE);
  range(0x7f, 0x9f, SPACE);
  // Which units are letters or digits, and which are marks: one regex pass over the blocks that
  // mix them (a test per code point would cost milliseconds at every page load). CJK ideographs
  // and Hangul syllables are all letters.
  for (const [from, to] of CLASSIFIED_RANGES) {
    const units = new Uint16Array(to - from + 1).map((_, k) => from + k);
    const text = new TextDecoder('utf-16le').decode(units);
    const runs = /([\p{L}\p{N}]+)|\p{M}+/gu;
    for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
      if (m[1] !== undefined) word.fill(1, from + m.index, from + runs.lastIndex);
      else fold.fill(IGNORE, from + m.index, from + runs.lastIndex);
    }
  }
  word.fill(1, 0x3400, 0x4dc0);
  word.fill(1, 0x4e00, 0xa000);
  word.fill(1, 0xac00, 0xd7a4);
  // Case, diacritics and compatibility forms, folded by NFKD only where news scripts have them:
  // Latin, Greek, Cyrillic, Arabic, Latin Extended Additional, letterlike and presentation forms.
  for (const [from, to] of FOLDED_RANGES) for (let c = from; c <= to; c++) prepareSimple(c);
  for (const [from, to] of FOLDED_RANGES) for (let c = from; c <= to; c++) prepareDecomposed(c);
  // Arabic: tashkeel (tanween fath apart), superscript alef, Quranic marks, tatweel.
  range(0x064c, 0x065f, IGNORE);
  fold[0x064b] = TANWEEN;
  fold[0x0670] = IGNORE;
  range(0x0610, 0x061a, IGNORE);
  range(0x06d6, 0x06ed, IGNORE);
  range(0x08d3, 0x08ff, IGNORE);
  fold[0x0640] = IGNORE;
  for (let d = 0; d < 10; d++) {
    fold[0x0660 + d] = 0x30 + d;
    fold[0x06f0 + d] = 0x30 + d;
  }
  // Bidi and zero-width controls, soft hyphen, BOM, combining marks of every script.
  for (const c of [0x00ad, 0x061c, 0x034f, 0x180e, 0xfeff]) fold[c] = IGNORE;
  range(0x200b, 0x200f, IGNORE);
  range(0x202a, 0x202e, IGNORE);
  range(0x2060, 0x2064, IGNORE);
  range(0x2066, 0x206f, IGNORE);
  range(0x0300, 0x036f, IGNORE);
  range(0x1ab0, 0x1aff, IGNORE);
  range(0x1dc0, 0x1dff, IGNORE);
  range(0x20d0, 0x20ff, IGNORE);
  range(0xfe00, 0xfe0f, IGNORE);
  range(0xfe20, 0xfe2f, IGNORE);
  // Spaces, line breaks, hyphens, dashes, underscore: all one gap.
  for (const c of [0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) fold[c] = SPACE;
  range(0x2000, 0x200a, SPACE);
  range(0x2010, 0x2015, SPACE);
  for (const c of [0x2d, 0x5f, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d, 0xff3f]) fold[c] = SPACE;
  // Apostrophes and transliteration marks (ʿ ʾ ‘ ’ ' ` ´ ′).
  for (const c of [0x27, 0x60, 0xb4, 0x2b9, 0x2bb, 0x2bc, 0x2bd, 0x2be, 0x2bf, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07]) {
    fold[c] = APOS;
  }
  // Double quotes of every kind are one quote.
  for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033, 0xff02]) fold[c] = 0x22;
  fold[0x060c] = 0x2c; // Arabic comma
  fold[0x061b] = 0x3b; // Arabic semicolon
  fold[0x061f] = 0x3f; // Arabic question mark
  for (let c = 0xd800; c < 0xe000; c++) word[c] = 0;
}

const CLASSIFIED_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x33ff], [0x4dc0, 0x4dff], [0xa000, 0xabff], [0xd7a4, 0xd7ff], [0xe000, 0xffff],
];
const FOLDED_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x58f], [0x600, 0x6ff], [0x750, 0x77f], [0x8a0, 0x8ff], [0x1d00, 0x1fff], [0x2070, 0x218f],
  [0x2460, 0x24ff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff], [0xfb00, 0xfdff], [0xfe70, 0xfeff], [0xff00, 0xffef],
];

/** First pass: letters without a decomposition are lower-cased (or mapped by hand). */
function prepareSimple(c: number): void {
  if (word[c] === 0) return;
  const manual = MANUAL[c];
  if (manual !== undefined) {
    fold[c] = manual.charCodeAt(0);
    return;
  }
  const ch = String.fromCharCode(c);
  if (ch.normalize('NFKD') !== ch) return;
  const lower = ch.toLowerCase();
  if (lower.length === 1) fold[c] = lower.charCodeAt(0);
}

/**
 * Second pass: a compatibility or accented form folds to the folds of its NFKD letters (marks and
 * spaces dropped); several letters make a ligature. Presentation forms of harakat (ﹰ …)
 * decompose to a space or tatweel plus a mark, and vanish.
 */
function prepareDecomposed(c: number): void {
  const presentation = (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
  if ((word[c] === 0 && !presentation) || MANUAL[c] !== undefined) return;
  const ch = String.fromCharCode(c);
  const d = ch.normalize('NFKD');
  if (d === ch) return;
  let letters = '';
  for (let k = 0; k < d.length; k++) {
    const u = d.charCodeAt(k);
    const f = fold[u]!;
    if (word[u] === 1 && f >= 0x20) letters += String.fromCharCode(f);
  }
  if (letters.length === 0) {
    fold[c] = IGNORE;
    word[c] = 0;
  } else if (letters.length === 1) {
    fold[c] = letters.charCodeAt(0);
    word[c] = 1;
  } else {
    fold[c] = EXPAND;
    word[c] = 1;
    expansions.set(c, letters);
  }
}

/** Computes the folding tables from the rules (milliseconds: for the build and tests). */
export function computeFoldTables(): FoldTables {
  fold = new Uint16Array(65536);
  word = new Uint8Array(65536);
  expansions = new Map<number, string>();
  build();
  return { fold, word, expansions: ligatures([...expansions.keys()], (c) => fold[c]!, word) };
}
