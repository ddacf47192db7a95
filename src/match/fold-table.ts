// The folding table: one lookup per UTF-16 code unit turns any spelling a reader meets into the
// one form names are compiled in. The tables are computed at build time (fold-rules.ts) and
// decoded on first use (foldTables): the scan of the bundled pack reads its own symbol table
// (match-tables.ts), so a frame whose text holds no candidate never decodes them.

import FOLD_DATA from 'hashiya:fold-data';
import { decodeFoldTables, foldOf, ligatures } from './fold-encoding';
import { APOS, EXPAND, IGNORE, SPACE, TANWEEN } from './fold-markers';

export { APOS, EXPAND, IGNORE, SPACE, TANWEEN } from './fold-markers';

/** The decoded tables, once asked for. */
export interface DecodedFoldTables {
  /** The fold of a UTF-16 code unit: a folded code unit or a marker (IGNORE … SPACE); 0 out of range. */
  readonly fold: (c: number) => number;
  /** 1 where the code unit is a letter or digit (before or after folding), else 0. */
  readonly IS_WORD: Readonly<Uint8Array>;
  /**
   * Ligatures (ﻻ = ل + ا, ﷲ = الله, ﬁ = fi): code unit → folded letters. Made at the first ask (a
   * `normalize` of some 700 units, 2-4 ms cold): a page's read needs them only at a ligature.
   */
  readonly EXPANSIONS: ReadonlyMap<number, string>;
}

let decoded: DecodedFoldTables | undefined;

/**
 * The tables as the build encoded them: the build's own, or, in the engine (whose build leaves
 * hashiya:fold-data empty), what the engine gives (useFoldData).
 */
let source: () => string = () => FOLD_DATA;

/**
 * Decodes what `read` returns from now on, before the first decode only. The engine gives a
 * function that returns a literal: V8 makes its string only when it compiles that function, once
 * for all the frames of a process, and none for a frame that never decodes the tables.
 */
export function useFoldData(read: () => string): void {
  if (!decoded) source = read;
}

/** The folding tables, decoded at the first call. */
export function foldTables(): DecodedFoldTables {
  if (decoded) return decoded;
  const { delta, word, ligatureUnits } = decodeFoldTables(source());
  let expansions: ReadonlyMap<number, string> | undefined;
  const fold = (c: number) => foldOf(delta, c);
  decoded = {
    fold,
    IS_WORD: word,
    get EXPANSIONS() {
      return (expansions ??= ligatures(ligatureUnits, fold, word));
    },
  };
  return decoded;
}

/**
 * Folds a whole string the way names are compiled: markers dropped, ligatures expanded, every
 * gap one space, trimmed. Slow path for names and cues, never for page text.
 */
export function foldString(text: string): string {
  const tables = foldTables();
  const { fold } = tables;
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = fold(c);
    if (f === IGNORE || f === TANWEEN || f === APOS) continue;
    if (f === SPACE) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += f === EXPAND ? (tables.EXPANSIONS.get(c) ?? '') : String.fromCharCode(f);
  }
  return out;
}

/** Arabic proclitics, as they are written attached to a name (وبموسكو: و ب موسكو). */
const PROCLITIC_LETTERS = 'وفبكل';

/**
 * Whether `name` stands in `folded` (a text folded by foldString) as whole words, maybe after
 * Arabic proclitics: the slow check of tools and cards (a phrase or a quote), never a page's read.
 */
export function hasNameAsWords(folded: string, name: string): boolean {
  const want = foldString(name);
  if (want === '') return false;
  const proclitics = foldString(PROCLITIC_LETTERS);
  const escaped = want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])[${proclitics}]{0,2}${escaped}(?![\\p{L}\\p{N}])`, 'u').test(folded);
}
