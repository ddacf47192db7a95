// The scan: one pass over the text, one symbol-table lookup per UTF-16 unit, folding as it goes.
// The trie is walked only from word starts whose first letter can begin a name or a proclitic,
// and only as deep as the text keeps following a name. No allocation per character.

import {
  ALWAYS, NEEDS_EVIDENCE, S_APOS, S_IGNORE, S_SPACE, S_TANWEEN, casePattern, compileTables,
  type Rule, type Tables,
} from './compile';
import { cueAfter, cueBefore } from './cues';
import type { MatchInput } from './match-input';
import { resolve, type Candidate, type Mention, type Scan } from './resolve';
import { inAddress } from './url-token';

export type { Candidate, Mention, Scan } from './resolve';

/** What the CLI and the card need about an entity beyond its id. */
export interface EntityInfo {
  readonly id: string;
  readonly type: string;
  readonly name: string;
}

/** Finds the names of the compiled packs in text; see resolve.ts for the semantics. */
export class Matcher {
  readonly #t: Tables;
  readonly #entities: ReadonlyMap<string, EntityInfo>;
  // Result of the walks from one word start; fields, not objects, so the scan never allocates.
  #bestStart = -1;
  #bestEnd = -1;
  #bestGroup = 0;

  constructor(tables: Tables, entities: ReadonlyMap<string, EntityInfo>) {
    this.#t = tables;
    this.#entities = entities;
  }

  /** The id, type and canonical English name of an entity, if compiled. */
  entity(id: string): EntityInfo | undefined {
    return this.#entities.get(id);
  }

  /** Candidates of one text block, with its document-level evidence (pass to `resolve`). */
  scan(text: string): Scan {
    const { sym, startOk, firstWord } = this.#t;
    const starts: number[] = [];
    const ends: number[] = [];
    const groups: number[] = [];
    const n = text.length;
    let inWord = false;
    for (let i = 0; i < n; i++) {
      const s = sym[text.charCodeAt(i)]!;
      if (s >= firstWord) {
        if (inWord) continue;
        inWord = true;
        if (startOk[s] === 0) continue;
        this.#tryAt(text, i, s);
        if (this.#bestEnd < 0) continue;
        starts.push(this.#bestStart);
        ends.push(this.#bestEnd);
        groups.push(this.#bestGroup);
        i = this.#bestEnd - 1;
      } else if (s > S_APOS) {
        inWord = false;
      }
    }
    return this.#finish(text, starts, ends, groups);
  }

  /** Mentions in one self-contained text (a file, a string): `resolve` of its single scan. */
  find(text: string): Mention[] {
    return resolve([this.scan(text)])[0] ?? [];
  }

  #tryAt(text: string, i: number, s: number): void {
    const { sym, proclitic: p, alefState } = this.#t;
    this.#bestEnd = -1;
    this.#walk(text, i, 0);
    let at = i;
    let letter = s;
    if (letter === p.waw || letter === p.fa) {
      at = this.#nextLetter(text, at + 1);
      if (at < 0) return;
      letter = sym[text.charCodeAt(at)]!;
      this.#walk(text, at, 0);
    }
    if (letter === p.ba || letter === p.kaf || letter === p.lam) {
      const q = this.#nextLetter(text, at + 1);
      if (q < 0) return;
      this.#walk(text, q, 0);
      if (letter === p.lam && alefState !== 0) this.#walk(text, q, alefState);
    }
  }

  /** Index of the next letter from j, skipping ignorable units; -1 if a non-letter comes first. */
  #nextLetter(text: string, j: number): number {
    const { sym, firstWord } = this.#t;
    for (; j < text.length; j++) {
      const s = sym[text.charCodeAt(j)]!;
      if (s === S_IGNORE) continue;
      return s >= firstWord ? j : -1;
    }
    return -1;
  }

  /** Follows the trie from `state` at text[start]; keeps the longest name ending on a boundary. */
  #walk(text: string, start: number, state: number): void {
    const { sym, trans, accept, alphabet, firstWord, expansions } = this.#t;
    const n = text.length;
    let gap = false;
    for (let j = start; j < n; j++) {
      const c = text.charCodeAt(j);
      const s = sym[c]!;
      if (s <= S_APOS) continue;
      if (s === S_SPACE) {
        if (gap) continue;
        gap = true;
        state = trans[state * alphabet + S_SPACE]!;
        if (state === 0) return;
        continue;
      }
      gap = false;
      if (s === firstWord) {
        const seq = expansions.get(c);
        if (seq === undefined) return;
        for (let k = 0; k < seq.length && state !== 0; k++) state = trans[state * alphabet + seq[k]!]!;
      } else {
        state = trans[state * alphabet + s]!;
      }
      if (state === 0) return;
      const g = accept[state]!;
      if (g === 0) continue;
      const end = this.#wordEnd(text, j + 1);
      if (end > this.#bestEnd && this.#caseOk(g, text, start, end)) {
        this.#bestStart = start;
        this.#bestEnd = end;
        this.#bestGroup = g;
      }
    }
  }

  /**
   * Where a name ending before text[e] ends if e is a word boundary (trailing marks included),
   * else -1. An apostrophe is a boundary when followed by a non-letter or by `s` + non-letter
   * (possessive, kept outside); tanween fath makes another word form (روسياً).
   */
  #wordEnd(text: string, e: number): number {
    const { sym, firstWord } = this.#t;
    const n = text.length;
    while (e < n && sym[text.charCodeAt(e)] === S_IGNORE) e++;
    if (e === n) return e;
    const s = sym[text.charCodeAt(e)]!;
    if (s === S_TANWEEN || s >= firstWord) return -1;
    if (s !== S_APOS) return e;
    let k = e + 1;
    while (k < n && sym[text.charCodeAt(k)] === S_IGNORE) k++;
    if (k === n) return e;
    const a = sym[text.charCodeAt(k)]!;
    if (a < firstWord) return a === S_TANWEEN ? -1 : e;
    const c = text.charCodeAt(k);
    if (c !== 0x73 && c !== 0x53) return -1;
    k++;
    while (k < n && sym[text.charCodeAt(k)] === S_IGNORE) k++;
    return k === n || (sym[text.charCodeAt(k)]! < firstWord && sym[text.charCodeAt(k)] !== S_TANWEEN) ? e : -1;
  }

  #caseOk(group: number, text: string, start: number, end: number): boolean {
    if (this.#t.caseGroup[group] === 0) return true;
    const seen = casePattern(text, start, end);
    return this.#t.groups[group - 1]!.some((r) => r.casePattern === '' || r.casePattern === seen);
  }

  #finish(text: string, starts: readonly number[], ends: readonly number[], groups: readonly number[]): Scan {
    const candidates: Candidate[] = [];
    const strong = new Set<string>();
    const blocked = new Set<string>();
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      const group = groups[k]!;
      if (inAddress(text, start)) continue;
      let rules = this.#t.groups[group - 1]!;
      if (this.#t.caseGroup[group] === 1) {
        const seen = casePattern(text, start, end);
        rules = rules.filter((r) => r.casePattern === '' || r.casePattern === seen);
      }
      const blocker = rules.find((r) => r.entity === '');
      if (blocker !== undefined) {
        if (blocker.blockerScope === 'document') for (const id of blocker.blocks) blocked.add(id);
        continue;
      }
      let cues = 0;
      for (let i = 0; i < rules.length && i < 31; i++) {
        const r: Rule = rules[i]!;
        if (r.evidence === ALWAYS) strong.add(r.entity);
        else if (r.evidence === NEEDS_EVIDENCE && (cueBefore(text, start, r.cuesBefore) || cueAfter(text, end, r.cuesAfter))) {
          cues |= 1 << i;
          strong.add(r.entity);
        }
      }
      candidates.push({ start, end, rules, cues });
    }
    return { candidates, strong: [...strong], blocked: [...blocked] };
  }
}

/** Compiles the names and blockers of all packs into one matcher. */
export function compileMatcher(inputs: MatchInput | readonly MatchInput[]): Matcher {
  const list: readonly MatchInput[] = Array.isArray(inputs) ? inputs : [inputs as MatchInput];
  const entities = new Map<string, EntityInfo>();
  for (const input of list) {
    for (const e of input.entities) if (!entities.has(e.id)) entities.set(e.id, { id: e.id, type: e.type, name: e.name });
  }
  return new Matcher(compileTables(list), entities);
}
