// How a candidate becomes a mention — the reference for the matching semantics.
//
// 1. Scan (per text block, matcher.ts). The automaton holds every name (canonical names in both
//    languages and every alias) and every blocker phrase of every pack, folded. From each word
//    start (and after the Arabic proclitics و ف ب ك ل and their pairs, and ل + ال with the alef
//    dropped: للأسد) it keeps the LONGEST name that ends on a word boundary. Candidates never
//    overlap: once a name is taken, the scan resumes after it, so a name inside a longer name
//    (Abu Qasra inside Murhaf Abu Qasra) is never reported on its own. Case-sensitive names (SANA,
//    AFP) count only when the letters show the same case; names inside a URL or e-mail address
//    do not count. Text and names are compared folded (fold-table.ts: marks, tatweel, bidi and
//    zero-width controls dropped; letter forms, case and every gap unified); offsets are always
//    those of the original text. A boundary is any non-letter; `'s` after a name stays outside
//    it; `_` and `#` separate words (hashtags); tanween fath makes another word (روسياً is not
//    روسيا). If one entity lists a spelling twice (canonical name and a flagged alias), the
//    alias's flag wins.
// 2. Blockers swallow. A candidate whose spelling is a blocker (نصيب الأسد, Damascus steel,
//    Hafez al-Assad, Moscow, Idaho) is longer than the name it contains, so it wins step 1 and
//    produces nothing. A `document` blocker (Australian Federal Police) also records, for the
//    block, the entities it switches off.
// 3. Evidence, per block: an entity has a strong mention when a name without ambiguity matched,
//    or a needs-evidence name matched with one of the entity's cue words right before or after
//    it (الرئيس الشرع, بشار الأسد; quotes may stand between: قناة "الإخبارية"). Cue-confirmed
//    mentions count as strong too: after "الرئيس الشرع" a bare الشرع in the same story is the
//    president, not the law. An unless-blocked mention (al-Sharaa, Assad) that no blocker
//    swallowed counts as well, unless a document blocker switches its entity off.
// 4. Decision, per document (resolve below, over the scans of all its blocks):
//    - no ambiguity: always a mention;
//    - unless-blocked (Moscow, Damascus, Assad, AFP): a mention unless a document blocker of its
//      entity occurred anywhere in the document;
//    - needs-evidence (الشرع the law, الأسد the lion): a mention only with an adjacent cue or a
//      strong mention of the same entity anywhere in the document, and no document blocker.
//    When several entities share one spelling, the first whose rule passes takes the mention.
// Other members of the al-Assad family are span blockers in the data, so their names swallow
// "al-Assad" and are never linked to Bashar al-Assad.

import { NEEDS_EVIDENCE, UNLESS_BLOCKED, type Rule } from './compile';

/** Bits of Scan.bits: rule i of the candidate's group passes the case check (bit i, i < 15)... */
export const CASE_BITS = 0x7fff;
/** ...and has a cue word next to it here (bit 15 + i). */
export const CUE_SHIFT = 15;

/**
 * What one text block contributes: its candidates (parallel typed arrays, in text order, never
 * overlapping; blockers already removed) and its document-level evidence.
 */
export interface Scan {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Each candidate's spelling: an index into `table`. */
  readonly groups: Int32Array;
  /** Per candidate: which rules pass the case check and which have a cue (CASE_BITS, CUE_SHIFT). */
  readonly bits: Int32Array;
  /** The matcher's rule groups (shared, never copied). */
  readonly table: readonly (readonly Rule[])[];
  /** Entities with a strong mention in this block. */
  readonly strong: readonly string[];
  /** Entities with an unless-blocked mention here: strong too, unless a document blocker. */
  readonly probable: readonly string[];
  /** Entities switched off by a document blocker found in this block. */
  readonly blocked: readonly string[];
}

/** A mention of an entity at UTF-16 offsets [start, end) of its text block. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
  /** The pack's spelling that matched (name or alias). */
  readonly name: string;
}

/** Bits of a Mentions pick below the rule's group: the rule's index in its group (< CUE_SHIFT ≤ 16). */
const RULE_BITS = 4;

/** Where `decide` writes the mentions of all the blocks it decides, one after the other. */
interface MentionStore {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per mention: its rule's group << RULE_BITS | the rule's index in the group. */
  readonly picks: Int32Array;
}

/**
 * The mentions of one text block, in text order, kept in arrays rather than as one object each:
 * a text dense with names (a long file, a live blog) has a mention every few dozen characters, and
 * an object kept for each costs more than finding it (allocation, then garbage collection copying
 * every one of them while the list grows). The blocks decided together share one set of arrays: a
 * page decides thousands of small blocks at once. `at(k)` or iteration gives a Mention object.
 */
export class Mentions implements Iterable<Mention> {
  readonly length: number;
  readonly #store: MentionStore;
  /** Where this block's mentions begin in the store. */
  readonly #from: number;
  readonly #table: readonly (readonly Rule[])[];

  constructor(length: number, store: MentionStore, from: number, table: readonly (readonly Rule[])[]) {
    this.length = length;
    this.#store = store;
    this.#from = from;
    this.#table = table;
  }

  /** Mention k is text[start(k), end(k)). */
  start(k: number): number {
    return this.#store.starts[this.#from + k]!;
  }

  end(k: number): number {
    return this.#store.ends[this.#from + k]!;
  }

  #rule(k: number): Rule {
    const pick = this.#store.picks[this.#from + k]!;
    return this.#table[pick >> RULE_BITS]![pick & ((1 << RULE_BITS) - 1)]!;
  }

  /** The id of mention k's entity. */
  entity(k: number): string {
    return this.#rule(k).entity;
  }

  /** The pack's spelling that mention k matched. */
  name(k: number): string {
    return this.#rule(k).name;
  }

  at(k: number): Mention {
    const r = this.#rule(k);
    return { start: this.start(k), end: this.end(k), entity: r.entity, name: r.name };
  }

  *[Symbol.iterator](): Iterator<Mention> {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }

  toArray(): Mention[] {
    const out = new Array<Mention>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this.at(k);
    return out;
  }
}

/** What the whole document says about its entities, gathered from the scans of its blocks. */
export interface DocumentEvidence {
  /** Entities with a strong mention somewhere in the document. */
  readonly strong: ReadonlySet<string>;
  /** Entities a document blocker switched off. */
  readonly blocked: ReadonlySet<string>;
}

/**
 * The document's evidence counted block by block: how many blocks give each entity strong,
 * probable or blocked evidence. Blocks are added and taken away as they come and go (a page
 * annotator keeps it up to date while the page changes); `evidence()` applies the rule.
 */
export class EvidenceCount {
  readonly #strong = new Map<string, number>();
  readonly #probable = new Map<string, number>();
  readonly #blocked = new Map<string, number>();

  /** Counts the evidence of one more block. */
  add(scan: Scan): void {
    this.#count(scan, 1);
  }

  /** Takes away the evidence of a block counted before. */
  remove(scan: Scan): void {
    this.#count(scan, -1);
  }

  #count(scan: Scan, delta: 1 | -1): void {
    tally(this.#strong, scan.strong, delta);
    tally(this.#probable, scan.probable, delta);
    tally(this.#blocked, scan.blocked, delta);
  }

  /** The document's evidence now: strong, and probable unless a document blocker switched it off. */
  evidence(): DocumentEvidence {
    const all = new Set(this.#strong.keys());
    for (const id of this.#probable.keys()) if (!this.#blocked.has(id)) all.add(id);
    return { strong: all, blocked: new Set(this.#blocked.keys()) };
  }
}

function tally(map: Map<string, number>, ids: readonly string[], delta: 1 | -1): void {
  for (const id of ids) {
    const n = (map.get(id) ?? 0) + delta;
    if (n > 0) map.set(id, n);
    else map.delete(id);
  }
}

/** The document-level evidence of the scans of one document's blocks. */
export function documentEvidence(scans: readonly Scan[]): DocumentEvidence {
  const count = new EvidenceCount();
  for (const scan of scans) count.add(scan);
  return count.evidence();
}

/** Decides, for scans of the blocks of one document, which candidates are mentions (per block). */
export function resolve(scans: readonly Scan[]): Mentions[] {
  return decide(scans, documentEvidence(scans));
}

/**
 * The decision for some blocks of a document whose evidence is already known (a page annotator
 * keeps it up to date as blocks come and go, and decides only the blocks that need it).
 */
export function decide(scans: readonly Scan[], { strong, blocked }: DocumentEvidence): Mentions[] {
  // The decision for a candidate depends only on its spelling when no case or cue bit is
  // special, so it is made once per spelling: 0 unknown, -1 nothing, i + 1 rule i.
  const decided = new Map<readonly (readonly Rule[])[], Int32Array>();
  let total = 0;
  for (const scan of scans) total += scan.count;
  const store: MentionStore = { starts: new Int32Array(total), ends: new Int32Array(total), picks: new Int32Array(total) };
  let from = 0;
  return scans.map((scan) => {
    let cache = decided.get(scan.table);
    if (cache === undefined) decided.set(scan.table, (cache = new Int32Array(scan.table.length)));
    const found = mentions(scan.count, scan.starts, scan.ends, scan.groups, scan.bits, scan.table, cache, strong, blocked, store.starts, store.ends, store.picks, from);
    const list = new Mentions(found, store, from, scan.table);
    from += found;
    return list;
  });
}

/** The rule of `rules` that takes a candidate with these bits, or -1. */
function pick(rules: readonly Rule[], bits: number, strong: ReadonlySet<string>, blocked: ReadonlySet<string>): number {
  for (let i = 0; i < rules.length && i < CUE_SHIFT; i++) {
    if (((bits >> i) & 1) === 0) continue;
    const r = rules[i]!;
    let ok = true;
    if (r.ambiguity === UNLESS_BLOCKED) ok = !blocked.has(r.entity);
    else if (r.ambiguity === NEEDS_EVIDENCE) ok = (((bits >> (CUE_SHIFT + i)) & 1) === 1 || strong.has(r.entity)) && !blocked.has(r.entity);
    if (ok) return i;
  }
  return -1;
}

/**
 * Writes the mentions among one scan's candidates into outStarts/outEnds/outPicks (MentionStore)
 * from index `from` on, and returns how many. Only the loop, reading only its parameters before it
 * (see scanner.ts, pass).
 */
function mentions(
  count: number, starts: Int32Array, ends: Int32Array, groups: Int32Array, bits: Int32Array,
  table: readonly (readonly Rule[])[], cache: Int32Array, strong: ReadonlySet<string>, blocked: ReadonlySet<string>,
  outStarts: Int32Array, outEnds: Int32Array, outPicks: Int32Array, from: number,
): number {
  let found = 0;
  for (let k = 0; k < count; k++) {
    const group = groups[k]!;
    const rules = table[group]!;
    const b = bits[k]!;
    let i: number;
    if (b === CASE_BITS) {
      if (cache[group] === 0) cache[group] = pick(rules, b, strong, blocked) + 1 || -1;
      i = cache[group]! - 1;
    } else {
      i = pick(rules, b, strong, blocked);
    }
    if (i < 0) continue;
    outStarts[from + found] = starts[k]!;
    outEnds[from + found] = ends[k]!;
    outPicks[from + found] = (group << RULE_BITS) | i;
    found++;
  }
  return found;
}
