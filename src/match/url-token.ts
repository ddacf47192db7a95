// URLs and e-mail addresses are addresses, not prose: a name inside one (x.com/Putin,
// putin@kremlin.ru, pic.twitter.com/…) is not a mention. Checked only for candidate matches, so
// the scan itself pays nothing.

import { foldTables } from './fold-table';

const WINDOW = 512;

// Per code unit: WHITE, SLASH, AT, DOT or ASCII_WORD; one lookup instead of a chain of
// comparisons, filled by a few native calls so that building it costs nothing at load.
const WHITE = 1;
const SLASH = 2;
const AT = 8;
const DOT = 4;
/** An ASCII letter or digit: what addresses put after their dots (a sentence's full stop is not). */
const ASCII_WORD = 64;
/** In a token's signs: a dot followed by an ASCII letter or digit. */
const DOT_WORD = 16;
let CLASS: Uint8Array | undefined;

/** The class table, filled at the first candidate that needs it (most frames have none). */
function classTable(): Uint8Array {
  if (CLASS) return CLASS;
  const table = new Uint8Array(0x10000);
  table.fill(WHITE, 9, 14);
  table.fill(WHITE, 0x2000, 0x200b);
  for (const c of [0x20, 0xa0, 0x85, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) table[c] = WHITE;
  table[0x2f] = SLASH;
  table[0x40] = AT;
  table[0x2e] = DOT;
  table.fill(ASCII_WORD, 0x30, 0x3a);
  table.fill(ASCII_WORD, 0x41, 0x5b);
  table.fill(ASCII_WORD, 0x61, 0x7b);
  return (CLASS = table);
}

// Each pattern with the signs it cannot match without: a token is tested only against the
// patterns its signs allow (a colon needs a slash to make a scheme, so it is no sign of its own:
// "al-Sharaa: we…" is prose). Made at the first token that needs them: creating these Unicode
// patterns costs a frame about a millisecond at load, and most frames never test a token.
const looksLikeAddress = (): readonly (readonly [RegExp, number])[] => [
  [/[a-z][a-z0-9+.-]*:\/\//i, SLASH], // scheme://
  [/(?:^|[^\p{L}\p{N}])www\./iu, DOT_WORD],
  [/[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u, AT], // e-mail (a handle like @Sana__gov is not)
  [/[a-z0-9-]+\.[a-z]{2,}(?:\.[a-z0-9-]+)*\/[^\s]/i, SLASH], // host/path without a scheme
  [/(?:^|[^\p{L}\p{N}.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|sy|gov|info|io|co|uk|fr|de|edu|int|news|tv|me)(?![\p{L}\p{N}])/iu, DOT_WORD],
];

let LOOKS_LIKE_ADDRESS: readonly (readonly [RegExp, number])[] | undefined;

/** The class of a code unit (NaN past the end of the text: 0). */
function classOf(c: number): number {
  return c <= 0xffff ? classTable()[c]! : 0;
}

function isWhite(c: number): boolean {
  return classOf(c) === WHITE;
}

/** The sign a unit of class `k` followed by `next` gives its token (see LOOKS_LIKE_ADDRESS). */
function signOf(k: number, next: number): number {
  return k === DOT ? (classOf(next) === ASCII_WORD ? DOT_WORD : 0) : k & (SLASH | AT);
}

/** Whether a name has none of / @ . in it (nearly every name): it adds no sign to its token. */
export function isPlainName(name: string): boolean {
  const { fold } = foldTables();
  for (let i = 0; i < name.length; i++) {
    const k = classOf(fold(name.charCodeAt(i)));
    if (k === SLASH || k === AT || k === DOT) return false;
  }
  return true;
}

/**
 * For a plain name (isPlainName) matched at [at, end): true when its token (up to the whitespace
 * before and after it, within WINDOW of `at`) has no sign outside the match, so that it is no
 * address. The answer for nearly every name, so it is one tight loop each way over the class
 * table; false says only that inAddress must look closer.
 */
export function plainAround(text: string, at: number, end: number): boolean {
  const table = classTable();
  const n = text.length;
  const low = at > WINDOW ? at - WINDOW : 0;
  for (let k = at - 1; k >= low; k--) {
    const c = table[text.charCodeAt(k)]!;
    if (c === WHITE) break;
    if (c === SLASH || c === AT || (c === DOT && table[text.charCodeAt(k + 1)] === ASCII_WORD)) return false;
  }
  const high = n - at > WINDOW ? at + WINDOW : n;
  for (let k = end; k < high; k++) {
    const c = table[text.charCodeAt(k)]!;
    if (c === WHITE) return true;
    if (c === SLASH || c === AT || (c === DOT && k + 1 < n && table[text.charCodeAt(k + 1)] === ASCII_WORD)) return false;
  }
  return true;
}

/** The signs of text[k, ...) up to the next whitespace or `high`. */
function signsAhead(text: string, k: number, high: number): number {
  let signs = 0;
  for (; k < high; k++) {
    const c = classOf(text.charCodeAt(k));
    if (c === WHITE) break;
    if ((c & (SLASH | AT | DOT)) !== 0) signs |= signOf(c, text.charCodeAt(k + 1));
  }
  return signs;
}

/**
 * True when the whitespace-delimited token around the match [at, end) looks like a URL or an
 * e-mail address. For a plain name, plainAround answers first in nearly every case.
 */
export function inAddress(text: string, at: number, end: number): boolean {
  const n = text.length;
  const low = Math.max(0, at - WINDOW);
  const high = Math.min(n, at + WINDOW);
  let from = at;
  let signs = 0;
  while (from > low) {
    const k = classOf(text.charCodeAt(from - 1));
    if (k === WHITE) break;
    if ((k & (SLASH | AT | DOT)) !== 0) signs |= signOf(k, text.charCodeAt(from));
    from--;
  }
  // Fast path: when nothing comes before the match in its token and the token ends right after it
  // (a space, the end, or a comma, a quote... and then a space), the name is the token.
  if (signs === 0 && from === at) {
    if (end === n) return false;
    const c = text.charCodeAt(end);
    if (isWhite(c)) return false;
    if ((c === 0x2c || c === 0x3b || c === 0x29 || c === 0x22 || c === 0x60c) && (end + 1 === n || isWhite(text.charCodeAt(end + 1)))) return false;
    for (let k = at; k < end; k++) if (isWhite(text.charCodeAt(k))) return false;
  }
  signs |= signsAhead(text, at, high);
  if (signs === 0) return false;
  let to = at;
  while (to < high && !isWhite(text.charCodeAt(to))) to++;
  const token = text.slice(from, to);
  for (const [pattern, needs] of (LOOKS_LIKE_ADDRESS ??= looksLikeAddress())) if ((signs & needs) !== 0 && pattern.test(token)) return true;
  return false;
}
