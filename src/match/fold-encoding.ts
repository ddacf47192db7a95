// The folding tables as the build ships them: 65 536 fold values and letter flags as runs, in
// 16-bit words (words.ts, about 9 KB of base64), which a frame decodes with a few hundred `fill`s
// and a few thousand stores. A frame keeps each fold as its offset from the unit
// (DecodedFold.delta), so the units that fold to themselves, most of the table, are the zeros a
// new array holds: written as values, they were a loop over 61 000 units, run cold. (Varints read
// through a closure, the earlier layout, cost as much again: the whole decode was 12-20 ms of a
// load of cnn-arabic-syria in Chromium, a profile of five loads.)
//
// Layout: fold runs, each (length − 1) × 2 + 1 and the value for equal values, (length − 1) × 2
// and the offset for equal `value − unit` mod 2¹⁶ (a run is at most 32 768 units), until 65 536
// units are covered; then letter-flag runs, alternating from "not a letter" (unit 0 is not one),
// each its length − 1, until 65 536 again. Ligatures are not stored: they are the units folded to
// EXPAND, and their letters come from NFKD when first asked for (fold-table.ts).

import { EXPAND } from './fold-markers';
import type { FoldTables } from './fold-rules';
import { wordsOf, wordWriter } from './words';

const UNITS = 65536;
/** The longest run one head word can hold. */
const MAX_RUN = 0x8000;

/** Encodes computed tables (at build time). */
export function encodeFoldTables({ fold, word }: FoldTables): string {
  const w = wordWriter('fold data');
  const offset = (c: number): number => (fold[c]! - c) & 0xffff;
  for (let c = 0; c < UNITS; ) {
    const limit = Math.min(UNITS, c + MAX_RUN);
    let same = c + 1;
    while (same < limit && fold[same] === fold[c]) same++;
    let shifted = c + 1;
    while (shifted < limit && offset(shifted) === offset(c)) shifted++;
    if (same >= shifted) {
      w.word((same - c - 1) * 2 + 1);
      w.word(fold[c]!);
      c = same;
    } else {
      w.word((shifted - c - 1) * 2);
      w.word(offset(c));
      c = shifted;
    }
  }
  if (word[0] !== 0) throw new Error('fold data: unit 0 is a letter');
  let flag = 0;
  let start = 0;
  for (let c = 1; c <= UNITS; c++) {
    if (c < UNITS && word[c] === flag) continue;
    w.word(c - start - 1);
    start = c;
    flag ^= 1;
  }
  return w.done();
}

/** The tables as a frame decodes them. */
export interface DecodedFold {
  /** Each unit's fold as its offset from the unit, mod 2¹⁶ (foldOf). */
  readonly delta: Uint16Array;
  /** 1 where the code unit is a letter or digit (before or after folding), else 0. */
  readonly word: Uint8Array;
  /** The units that fold to EXPAND (ligatures), whose letters `ligatures` gives. */
  readonly ligatureUnits: readonly number[];
}

/** The fold of unit `c` (fold-markers.ts) from its offset in `delta`; 0 for an index out of range. */
export const foldOf = (delta: Readonly<Uint16Array>, c: number): number => (c + delta[c]!) & 0xffff;

/** Decodes what `encodeFoldTables` wrote; throws on data that does not cover every unit. */
export function decodeFoldTables(encoded: string): DecodedFold {
  const words = wordsOf(encoded, 'fold data');
  const n = words.length;
  let at = 0;
  const delta = new Uint16Array(UNITS);
  const ligatureUnits: number[] = [];
  for (let c = 0; c < UNITS; at += 2) {
    if (at + 2 > n) throw new Error('fold data: truncated');
    const head = words[at]!;
    const value = words[at + 1]!;
    const end = c + (head >>> 1) + 1;
    if (end > UNITS) throw new Error('fold data: bad run');
    if ((head & 1) === 1) {
      // Units of one value: their offsets fall by one a unit (a short run: marks, case pairs).
      for (let u = c; u < end; u++) delta[u] = (value - u) & 0xffff;
      if (value === EXPAND) for (let u = c; u < end; u++) ligatureUnits.push(u);
    } else {
      const ligature = (EXPAND - value) & 0xffff; // the one unit of the run that folds to EXPAND
      if (ligature >= c && ligature < end) ligatureUnits.push(ligature);
      if (value !== 0) delta.fill(value, c, end);
    }
    c = end;
  }
  const word = new Uint8Array(UNITS);
  for (let c = 0, flag = 0; c < UNITS; flag ^= 1, at++) {
    if (at >= n) throw new Error('fold data: truncated');
    const end = c + words[at]! + 1;
    if (end > UNITS) throw new Error('fold data: bad run');
    if (flag === 1) word.fill(1, c, end);
    c = end;
  }
  return { delta, word, ligatureUnits };
}

/**
 * The letters each ligature stands for: its NFKD, letters only, each folded by the final table
 * (so an apostrophe inside one, ŉ = ʼn, is skipped as everywhere else). One `normalize` call over
 * all of them joined by U+0000 (a starter that no decomposition reaches across).
 */
export function ligatures(units: readonly number[], fold: (c: number) => number, word: Readonly<Uint8Array>): Map<number, string> {
  const parts = String.fromCharCode(...units.flatMap((c) => [c, 0])).normalize('NFKD').split('\u0000');
  const expansions = new Map<number, string>();
  units.forEach((c, k) => {
    const d = parts[k] ?? '';
    let letters = '';
    for (let i = 0; i < d.length; i++) {
      const u = d.charCodeAt(i);
      const f = fold(u);
      if (word[u] === 1 && f >= 0x20) letters += String.fromCharCode(f);
    }
    expansions.set(c, letters);
  });
  return expansions;
}
