// Cue words: a word of the entity's `cues` standing right next to a needs-evidence name confirms
// it (الرئيس الشرع, بشار الأسد, President Assad). Checked on candidates only, on a folded window.

import { EXPAND, SPACE, foldString, foldTables } from './fold-table';

/** How much text before or after a name a list of cues needs folded: its longest cue, and room for marks and quotes. */
const windows = new WeakMap<readonly string[], number>();
function windowOf(cues: readonly string[]): number {
  let w = windows.get(cues);
  if (w === undefined) {
    w = 0;
    for (const cue of cues) w = Math.max(w, cue.length);
    w = Math.min(48, 2 * w + 12);
    windows.set(cues, w);
  }
  return w;
}
const PROCLITICS = 'وفبكل';
// Quotes around a name do not separate it from its cue: قناة "الإخبارية" السورية.
const QUOTES_AT_END = /[\s"]+$/u;
const QUOTES_AT_START = /^[\s"]+/u;

function wordEdgeBefore(folded: string, at: number): boolean {
  if (at <= 0) return true;
  const before = folded[at - 1] ?? ' ';
  if (before === ' ') return true;
  // A proclitic glued to the cue (والرئيس الشرع) still leaves the cue a word of its own.
  let k = at - 1;
  while (k >= 0 && PROCLITICS.includes(folded[k] ?? '') && at - k <= 2) k--;
  return k < at - 1 && (k < 0 || folded[k] === ' ');
}

const edges = new WeakMap<readonly string[], { last: Set<number>; first: Set<number> }>();

/**
 * Whether the letter next to the gap beside a name (before it when `before`) can end, or begin, one
 * of `cues`: a look at one unit that spares folding the window for most candidates. True whenever
 * in doubt (marks, ligatures, no gap).
 */
function mayHaveCue(text: string, at: number, cues: readonly string[], before: boolean): boolean {
  let e = edges.get(cues);
  if (e === undefined) {
    e = { last: new Set(cues.map((c) => c.charCodeAt(c.length - 1))), first: new Set(cues.map((c) => c.charCodeAt(0))) };
    // A cue with the article may stand as ل + ال without the alef (للرئيس): its first letter is ل.
    if (cues.some((c) => c.startsWith('ال'))) e.first.add(0x644);
    edges.set(cues, e);
  }
  const { fold } = foldTables();
  const step = before ? -1 : 1;
  let k = before ? at - 1 : at;
  let gap = false;
  for (; k >= 0 && k < text.length; k += step) {
    const c = text.charCodeAt(k);
    if (c === 0x22) continue;
    const f = fold(c);
    if (f === SPACE) {
      gap = true;
      continue;
    }
    if (f <= EXPAND) return true;
    break;
  }
  if (!gap || k < 0 || k >= text.length) return false;
  return (before ? e.last : e.first).has(fold(text.charCodeAt(k)));
}

/** True when one of `cues` ends right before text[start] (only a gap between them). */
export function cueBefore(text: string, start: number, cues: readonly string[]): boolean {
  if (cues.length === 0 || !mayHaveCue(text, start, cues, true)) return false;
  const raw = text.slice(Math.max(0, start - windowOf(cues)), start);
  if (raw.length === 0) return false;
  // A window that does not end in a gap or a quote is glued to the name (a proclitic): no cue.
  if (!/^["\s]*$/u.test(foldString(raw.slice(-1)))) return false;
  const folded = foldString(raw).replace(QUOTES_AT_END, '');
  for (const cue of cues) {
    if (folded.endsWith(cue) && wordEdgeBefore(folded, folded.length - cue.length)) return true;
    // ل + ال drops the alef: للرئيس الشرع.
    if (cue.startsWith('ال') && folded.endsWith('ل' + cue.slice(1)) && wordEdgeBefore(folded, folded.length - cue.length)) return true;
  }
  return false;
}

/** True when one of `cues` starts right after text[end] (only a gap between them). */
export function cueAfter(text: string, end: number, cues: readonly string[]): boolean {
  if (cues.length === 0 || !mayHaveCue(text, end, cues, false)) return false;
  const raw = text.slice(end, end + windowOf(cues));
  if (raw.length === 0 || !/^["\s]*$/u.test(foldString(raw.slice(0, 1)))) return false;
  const folded = foldString(raw).replace(QUOTES_AT_START, '');
  for (const cue of cues) {
    if (!folded.startsWith(cue)) continue;
    const after = folded[cue.length];
    if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

// A sentence ends at these (the Arabic full stop and question mark included) or a line break.
const SENTENCE_END = /[.!?؟؛۔\n]/u;
/** How far a sentence is followed either way from a name: a run-on page block stops there. */
const SENTENCE_REACH = 400;

/**
 * True when one of `words` starts a word of the sentence around text[start, end), outside that
 * span: a blocker's context (لقاح near سبوتنيك في). A word may carry
 * the proclitics و ف ب ك ل and the article ال (وزأر, الفقهاء for فقهاء), and may go on (roared for
 * roar).
 */
export function sentenceHas(text: string, start: number, end: number, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  let from = start;
  for (const low = Math.max(0, start - SENTENCE_REACH); from > low && !SENTENCE_END.test(text[from - 1]!); ) from--;
  let to = end;
  for (const high = Math.min(text.length, end + SENTENCE_REACH); to < high && !SENTENCE_END.test(text[to]!); ) to++;
  const before = foldString(text.slice(from, start));
  const after = foldString(text.slice(end, to));
  return words.some((word) => hasWordStart(before, word) || hasWordStart(after, word));
}

function hasWordStart(folded: string, word: string): boolean {
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (wordEdgeBefore(folded, at)) return true;
    // The article between proclitics and the word: والفقهاء, بالغابة.
    if (at >= 2 && !word.startsWith('ال') && folded.startsWith('ال', at - 2) && wordEdgeBefore(folded, at - 2)) return true;
  }
  return false;
}
