// Cue words: a word of the entity's `cues` standing right next to a needs-evidence name confirms
// it (الرئيس الشرع, بشار الأسد, President Assad). Checked on candidates only, on a folded window.

import { foldString } from './fold-table';

const WINDOW = 48;
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

/** True when one of `cues` ends right before text[start] (only a gap between them). */
export function cueBefore(text: string, start: number, cues: readonly string[]): boolean {
  if (cues.length === 0) return false;
  const raw = text.slice(Math.max(0, start - WINDOW), start);
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
  if (cues.length === 0) return false;
  const raw = text.slice(end, end + WINDOW);
  if (raw.length === 0 || !/^["\s]*$/u.test(foldString(raw.slice(0, 1)))) return false;
  const folded = foldString(raw).replace(QUOTES_AT_START, '');
  for (const cue of cues) {
    if (!folded.startsWith(cue)) continue;
    const after = folded[cue.length];
    if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
