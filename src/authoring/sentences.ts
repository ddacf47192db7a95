// The paragraphs and sentences of an article, as a pack's offsets point at them (pack-format.md):
// a paragraph is a non-empty line; a sentence ends at . ! ? or ؟ (with the closing quotes after
// it) that no letter, digit or dot follows, or at the end of its line. A list marker ("- ") that
// opens a sentence is not part of it. A line ending inside a sentence (a report broken across two
// paragraphs) is said by the author: `runsOn`, the offsets of such line ends.

/** [start, end) in UTF-16 units. */
export type Range = readonly [number, number];

/** Every non-empty line of `text`. */
export function paragraphSpans(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) out.push([start, end]);
    start = end + 1;
  }
  return out;
}

const TERMINAL = new Set(['.', '!', '?', '؟']);
const CLOSING = new Set(['"', '”', '»', "'", ')', '’']);
const GOES_ON = /[\p{L}\p{N}.]/u;

/** The sentences of `text`; a sentence reaching a line end in `runsOn` goes on in the next paragraph. */
export function sentenceSpans(text: string, runsOn: ReadonlySet<number> = new Set()): Range[] {
  const out: Range[] = [];
  let open: number | null = null; // the start of a sentence carried over a line end
  for (const [from, to] of paragraphSpans(text)) {
    let i = from;
    while (i < to) {
      if (open === null) {
        while (i < to && (/\s/u.test(text[i]!) || (text[i] === '-' && text[i + 1] === ' '))) i++;
        if (i >= to) break;
      }
      const start: number = open ?? i;
      open = null;
      let end = to;
      for (; i < to; i++) {
        if (!TERMINAL.has(text[i]!)) continue;
        let j = i + 1;
        while (j < to && CLOSING.has(text[j]!)) j++;
        if (j >= to || !GOES_ON.test(text[j]!)) {
          end = j;
          break;
        }
      }
      i = end;
      if (end === to && runsOn.has(to)) open = start;
      else out.push([start, end]);
    }
  }
  if (open !== null) out.push([open, text.length]);
  return out;
}

/** The smallest run of whole sentences that holds [start, end). */
export function sentencesAround(sentences: readonly Range[], start: number, end: number): Range | null {
  const first = sentences.find(([, e]) => e > start);
  const last = [...sentences].reverse().find(([s]) => s < end);
  if (!first || !last || first[0] > start || last[1] < end) return null;
  return [first[0], last[1]];
}
