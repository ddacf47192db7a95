// URLs and e-mail addresses are addresses, not prose: a name inside one (x.com/Putin,
// putin@kremlin.ru, pic.twitter.com/…) is not a mention. Checked only for candidate matches, so
// the scan itself pays nothing.

const WINDOW = 512;
const LOOKS_LIKE_ADDRESS = [
  /[a-z][a-z0-9+.-]*:\/\//i, // scheme://
  /(?:^|[^\p{L}\p{N}])www\./iu,
  /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/u, // e-mail (a handle like @Sana__gov is not)
  /[a-z0-9-]+\.[a-z]{2,}(?:\.[a-z0-9-]+)*\/[^\s]/i, // host/path without a scheme
  /(?:^|[^\p{L}\p{N}.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|sy|gov|info|io|co|uk|fr|de|edu|int|news|tv|me)(?![\p{L}\p{N}])/iu,
];

// Per code unit up to U+3000 (the last whitespace): WHITE, or SIGN for / : @ (only addresses have
// them inside a token), or DOT; one lookup instead of a chain of comparisons, filled by a few
// native calls so that building it costs nothing at load.
const WHITE = 1;
const SIGN = 2;
const DOT = 4;
const CLASS = new Uint8Array(0x3001);
CLASS.fill(WHITE, 9, 14);
CLASS.fill(WHITE, 0x2000, 0x200b);
for (const c of [0x20, 0xa0, 0x85, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) CLASS[c] = WHITE;
for (const c of [0x2f, 0x3a, 0x40]) CLASS[c] = SIGN;
CLASS[0x2e] = DOT;

/** WHITE, SIGN, DOT or 0 for a code unit (NaN past the end of the text: 0). */
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

/**
 * True when the whitespace-delimited token around the match [at, end) looks like a URL or an
 * e-mail address. `plain` says the name matched has none of / : @ . in it (nearly every name),
 * so that only the token's text outside the match can make it an address.
 */
export function inAddress(text: string, at: number, end: number, plain = false): boolean {
  const n = text.length;
  let from = at;
  let suspicious = false;
  const low = Math.max(0, at - WINDOW);
  while (from > low) {
    const k = classOf(text.charCodeAt(from - 1));
    if (k === WHITE) break;
    if (k === SIGN || (k === DOT && isAsciiWord(text.charCodeAt(from)))) suspicious = true;
    from--;
  }
  // Fast path, most matches: what comes before the match in its token (usually nothing, or a
  // proclitic) is plain, and so is the match up to its first gap; only what follows can make an
  // address. Checked first: the token ends right after the match (a space, the end, or a comma,
  // a quote... and then a space).
  if (!suspicious && (plain || from === at)) {
    if (end === n) return false;
    const c = text.charCodeAt(end);
    if (isWhite(c)) return false;
    if ((c === 0x2c || c === 0x3b || c === 0x29 || c === 0x22 || c === 0x60c) && (end + 1 === n || isWhite(text.charCodeAt(end + 1)))) return false;
    for (let k = at; k < end; k++) if (isWhite(text.charCodeAt(k))) return false;
  }
  let to = at;
  const high = Math.min(n, at + WINDOW);
  while (to < high) {
    const k = classOf(text.charCodeAt(to));
    if (k === WHITE) break;
    if (k === SIGN || (k === DOT && isAsciiWord(text.charCodeAt(to + 1)))) suspicious = true;
    to++;
  }
  if (!suspicious) return false;
  const token = text.slice(from, to);
  return LOOKS_LIKE_ADDRESS.some((re) => re.test(token));
}
