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

/**
 * Random letters that begin every name of a document (26^10 prefixes, none a page could guess);
 * two letters more tell its names apart. One small draw: drawing twelve letters for each of the
 * three dozen names cost each frame 2-8 ms (Chromium's content-script world, measured).
 */
const PREFIX_LENGTH = 10;

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
  const prefix = randomLetters(PREFIX_LENGTH);
  const letter = (n: number) => String.fromCharCode(97 + (n % 26));
  const list = HIGHLIGHT_KEYS.map((_key, i) => prefix + letter(Math.floor(i / 26)) + letter(i));
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
