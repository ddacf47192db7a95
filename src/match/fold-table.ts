// The folding table: one lookup per UTF-16 code unit turns any spelling a reader meets into the
// one form names are compiled in. The tables are computed at build time (fold-rules.ts) and
// decoded here in well under a millisecond, so the scan never calls `normalize` and never
// allocates, and no frame computes them again.

import FOLD_DATA from 'hashiya:fold-data';
import { decodeFoldTables } from './fold-encoding';
import { APOS, EXPAND, IGNORE, SPACE, TANWEEN } from './fold-markers';

export { APOS, EXPAND, IGNORE, SPACE, TANWEEN } from './fold-markers';

const { fold, word, expansions } = decodeFoldTables(FOLD_DATA);

/** The fold of each UTF-16 code unit: a folded code unit or a marker (IGNORE … SPACE). */
export const FOLD: Readonly<Uint16Array> = fold;
/** 1 where the code unit is a letter or digit (before or after folding), else 0. */
export const IS_WORD: Readonly<Uint8Array> = word;
/** Ligatures (ﻻ = ل + ا, ﷲ = الله, ﬁ = fi): code unit → folded letters. */
export const EXPANSIONS: ReadonlyMap<number, string> = expansions;

/**
 * Folds a whole string the way names are compiled: markers dropped, ligatures expanded, every
 * gap one space, trimmed. Slow path for names and cues, never for page text.
 */
export function foldString(text: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = fold[c] ?? c;
    if (f === IGNORE || f === TANWEEN || f === APOS) continue;
    if (f === SPACE) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += f === EXPAND ? (expansions.get(c) ?? '') : String.fromCharCode(f);
  }
  return out;
}
