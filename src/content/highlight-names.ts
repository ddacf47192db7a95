import { HIGHLIGHT_KEYS, highlightCss } from '../settings/mark-styles';
import { randomLetters } from './random-name';

// This document's highlight names: one made up at random for each highlight key (mark-styles.ts),
// the same for the life of the document, whichever matcher or settings are in use.

export interface HighlightNames {
  /** The names, in the order of HIGHLIGHT_KEYS. */
  readonly list: readonly string[];
  /** The name of the highlight with `key`. */
  of(key: string): string;
  /** The ::highlight() rules under these names. */
  readonly css: string;
}

/** Letters in a name: 26^12 names, none a page could guess. */
const NAME_LENGTH = 12;

let names: HighlightNames | null = null;

/**
 * Takes `given` as this document's names: the engine chunk (engine.ts), a module of its own, uses
 * the names the content script made, under which its rules were added.
 */
export function usePageHighlightNames(given: HighlightNames): void {
  names = given;
}

/** This document's highlight names, made on first use. */
export function pageHighlightNames(): HighlightNames {
  if (names) return names;
  // All the letters in one draw; a name drawn twice (one chance in 10^15) is drawn again.
  const pool = randomLetters(NAME_LENGTH * HIGHLIGHT_KEYS.length);
  const list: string[] = [];
  for (let at = 0; at < pool.length; at += NAME_LENGTH) {
    let name = pool.slice(at, at + NAME_LENGTH);
    while (list.includes(name)) name = randomLetters(NAME_LENGTH);
    list.push(name);
  }
  const byKey = new Map(HIGHLIGHT_KEYS.map((key, i) => [key, list[i]!]));
  const of = (key: string) => byKey.get(key)!;
  // The rules as text are for a frame the background cannot style (rare): written when asked.
  let css: string | undefined;
  names = {
    list,
    of,
    get css() {
      return (css ??= highlightCss(of));
    },
  };
  return names;
}
