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

let names: HighlightNames | null = null;

/** This document's highlight names, made on first use. */
export function pageHighlightNames(): HighlightNames {
  if (names) return names;
  const list: string[] = [];
  while (list.length < HIGHLIGHT_KEYS.length) {
    const name = randomLetters(12);
    if (!list.includes(name)) list.push(name);
  }
  const byKey = new Map(HIGHLIGHT_KEYS.map((key, i) => [key, list[i]!]));
  const of = (key: string) => byKey.get(key)!;
  names = { list, of, css: highlightCss(of) };
  return names;
}
