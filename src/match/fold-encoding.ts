// The folding tables as the build ships them: 65 536 fold values and letter flags in about 6 KB of
// base64, decoded with a few hundred `fill`s. Runs are what make it small: a block of letters that
// fold to themselves (or to themselves lower-cased) is one run of equal offsets, a block of marks
// or of case pairs (Āā Ăă → a) one run of an equal value.
//
// Layout (unsigned LEB128 varints): fold runs — (length × 2 + 1, value) for equal values,
// (length × 2, offset) for equal `value − unit` mod 2¹⁶ — until 65 536 units are covered; then
// letter-flag runs, alternating from "not a letter", until 65 536 again. Ligatures are not
// stored: they are the units folded to EXPAND, and their letters come from NFKD at decode time.

import { EXPAND } from './fold-markers';
import type { FoldTables } from './fold-rules';

const UNITS = 65536;

/** Encodes computed tables (at build time). */
export function encodeFoldTables({ fold, word }: FoldTables): string {
  const bytes: number[] = [];
  const varint = (value: number): void => {
    let v = value;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  };
  const offset = (c: number): number => (fold[c]! - c) & 0xffff;
  for (let c = 0; c < UNITS; ) {
    let same = c + 1;
    while (same < UNITS && fold[same] === fold[c]) same++;
    let shifted = c + 1;
    while (shifted < UNITS && offset(shifted) === offset(c)) shifted++;
    if (same >= shifted) {
      varint((same - c) * 2 + 1);
      varint(fold[c]!);
      c = same;
    } else {
      varint((shifted - c) * 2);
      varint(offset(c));
      c = shifted;
    }
  }
  let flag = 0;
  let start = 0;
  for (let c = 0; c <= UNITS; c++) {
    if (c < UNITS && word[c] === flag) continue;
    varint(c - start);
    start = c;
    flag ^= 1;
  }
  return btoa(String.fromCharCode(...bytes));
}

/** Decodes what `encodeFoldTables` wrote; throws on data that does not cover every unit. */
export function decodeFoldTables(encoded: string): FoldTables {
  const data = atob(encoded);
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= data.length) throw new Error('fold data: truncated');
      const b = data.charCodeAt(at++);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  const folds = new Uint16Array(UNITS);
  const ligatureUnits: number[] = [];
  for (let c = 0; c < UNITS; ) {
    const head = varint();
    const value = varint();
    const end = c + (head >>> 1);
    if (end > UNITS || end === c) throw new Error('fold data: bad run');
    if ((head & 1) === 1) {
      folds.fill(value, c, end);
      if (value === EXPAND) for (let u = c; u < end; u++) ligatureUnits.push(u);
    } else {
      const ligature = (EXPAND - value) & 0xffff; // the one unit of the run that folds to EXPAND
      if (ligature >= c && ligature < end) ligatureUnits.push(ligature);
      for (; c < end; c++) folds[c] = (c + value) & 0xffff;
    }
    c = end;
  }
  const word = new Uint8Array(UNITS);
  let flag = 0;
  for (let c = 0; c < UNITS; flag ^= 1) {
    const end = c + varint();
    if (end > UNITS) throw new Error('fold data: bad run');
    if (flag === 1) word.fill(1, c, end);
    c = end;
  }
  return { fold: folds, word, expansions: ligatures(ligatureUnits, folds, word) };
}

/**
 * The letters each ligature stands for: its NFKD, letters only, each folded by the final table
 * (so an apostrophe inside one, ŉ = ʼn, is skipped as everywhere else). One `normalize` call over
 * all of them joined by U+0000 (a starter that no decomposition reaches across).
 */
export function ligatures(units: readonly number[], fold: Uint16Array, word: Uint8Array): Map<number, string> {
  const parts = String.fromCharCode(...units.flatMap((c) => [c, 0])).normalize('NFKD').split('\u0000');
  const expansions = new Map<number, string>();
  units.forEach((c, k) => {
    const d = parts[k] ?? '';
    let letters = '';
    for (let i = 0; i < d.length; i++) {
      const u = d.charCodeAt(i);
      if (word[u] === 1 && fold[u]! >= 0x20) letters += String.fromCharCode(fold[u]!);
    }
    expansions.set(c, letters);
  });
  return expansions;
}
