// URLs and e-mail addresses are addresses, not prose: a name inside one (x.com/Putin,
// putin@kremlin.ru, pic.twitter.com/…) is not a mention. Checked only for candidate matches, so
// the scan itself pays nothing.

import { FOLD } from './fold-table';

const WINDOW = 512;

// Per code unit up to U+3000 (the last whitespace): WHITE, SLASH, AT or DOT; one lookup instead of
// a chain of comparisons, filled by a few native calls so that building it costs nothing at load.
const WHITE = 1;
const SLASH = 2;
const AT = 8;
const DOT = 4;
/** In a token's signs: a dot followed by an ASCII letter or digit (a sentence's full stop is not). */
const DOT_WORD = 16;
const CLASS = new Uint8Array(0x3001);
CLASS.fill(WHITE, 9, 14);
CLASS.fill(WHITE, 0x2000, 0x200b);
for (const c of [0x20, 0xa0, 0x85, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) CLASS[c] = WHITE;
CLASS[0x2f] = SLASH;
CLASS[0x40] = AT;
CLASS[0x2e] = DOT;

// Each pattern with the signs it cannot match without: a token is tested only against the
// patterns its signs allow (a colon needs a slash to make a scheme, so it is no sign of its own:
// "al-Sharaa: we…" is prose).
const LOOKS_LIKE_ADDRESS: readonly (readonly [RegExp, number])[] = [
  [/[a-z][a-z0-9+.-]*:\/\//i, SLASH], // scheme://
  [/(?:^|[^\p{L}\p{N}])www\./iu, DOT_WORD],
  [/[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u, AT], // e-mail (a handle like @Sana__gov is not)
  [/[a-z0-9-]+\.[a-z]{2,}(?:\.[a-z0-9-]+)*\/[^\s]/i, SLASH], // host/path without a scheme
  [/(?:^|[^\p{L}\p{N}.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|sy|gov|info|io|co|uk|fr|de|edu|int|news|tv|me)(?![\p{L}\p{N}])/iu, DOT_WORD],
];

/** WHITE, SLASH, AT, DOT or 0 for a code unit (NaN past the end of the text: 0). */
function classOf(c: number): number {
  return c <= 0x3000 ? CLASS[c]! : 0;
}

function isWhite(c: number): boolean {
  return classOf(c) === WHITE;
}

// Addresses put an ASCII letter or digit after their dots; a sentence's full stop does not.
function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The sign a unit of class `k` followed by `next` gives its token (see LOOKS_LIKE_ADDRESS). */
function signOf(k: number, next: number): number {
  return k === DOT ? (isAsciiWord(next) ? DOT_WORD : 0) : k & (SLASH | AT);
}

/** Whether a name has none of / @ . in it (nearly every name): it adds no sign to its token. */
export function isPlainName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const k = classOf(FOLD[name.charCodeAt(i)]!);
    if (k === SLASH || k === AT || k === DOT) return false;
  }
  return true;
}

/** The signs of text[k, ...) up to the next whitespace or `high`. */
function signsAhead(text: string, k: number, high: number): number {
  let signs = 0;
  for (; k < high; k++) {
    const c = classOf(text.charCodeAt(k));
    if (c === WHITE) break;
    if (c !== 0) signs |= signOf(c, text.charCodeAt(k + 1));
  }
  return signs;
}

/**
 * True when the whitespace-delimited token around the match [at, end) looks like a URL or an
 * e-mail address. `plain` says the name matched is plain (isPlainName), so that only the token's
 * text outside the match can make it an address.
 */
export function inAddress(text: string, at: number, end: number, plain = false): boolean {
  const n = text.length;
  const low = Math.max(0, at - WINDOW);
  const high = Math.min(n, at + WINDOW);
  let from = at;
  let signs = 0;
  while (from > low) {
    const k = classOf(text.charCodeAt(from - 1));
    if (k === WHITE) break;
    if (k !== 0) signs |= signOf(k, text.charCodeAt(from));
    from--;
  }
  // Fast path, most matches: what comes before the match in its token (usually nothing, or a
  // proclitic) is plain. For a plain name, so is the match: the token is an address only if what
  // follows the match in it has a sign. For another name, when the token ends right after the
  // match (a space, the end, or a comma, a quote... and then a space), the name is the token.
  if (signs === 0 && plain) {
    if (signsAhead(text, end, high) === 0) return false;
  } else if (signs === 0 && from === at) {
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
  for (const [pattern, needs] of LOOKS_LIKE_ADDRESS) if ((signs & needs) !== 0 && pattern.test(token)) return true;
  return false;
}
