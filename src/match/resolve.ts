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
//    produces nothing; it tells the block that the name's other sense is here. A blocker with a
//    `context` blocks only when one of its words is in its sentence (سبوتنيك في is the vaccine
//    only among a vaccine's words); elsewhere the names inside it are read as usual. A `document`
//    blocker (Australian Federal Police) records, for the block, the entities it switches off.
// 3. Evidence, per candidate and per block: a candidate is sure when its name has no ambiguity,
//    or a cue word of its entity stands right before or after it (الرئيس الشرع, بشار الأسد; quotes
//    may stand between: قناة "الإخبارية"), or it is a person's name joined by "and" or a comma to
//    a sure mention of another person (الشيباني وأبو قصرة). A word of the name's other sense in
//    its sentence (`cues.against`: زأر by الأسد, الفقهاء by الشرع) marks it as the other sense. The
//    block then holds, per entity: a sure mention (strong), the other sense (a span blocker or
//    such a word), and an unless-blocked mention with nothing against it (probable).
// 4. Decision (judge below): the mention's own context decides, the document only informs.
//    - no ambiguity, or a cue: a mention; the other sense's words in its sentence: not;
//    - else a sure mention of the entity in its block: a mention; its other sense there: not;
//    - else the document: a document blocker of the entity: not; a sure mention anywhere: a
//      mention; its other sense anywhere: not; else unless-blocked names (Moscow, Assad) are
//      mentions, needs-evidence ones (الشرع, الأسد) only with a plain mention elsewhere.
//    So a heading or a caption, whose few words say nothing, takes the document's sense. When
//    several entities share one spelling, the first whose rule passes takes the mention.
// Other members of the al-Assad family are span blockers in the data, so their names swallow
// "al-Assad" and are never linked to Bashar al-Assad.

import { NEEDS_EVIDENCE, UNLESS_BLOCKED, type Rule } from './compile';

/** How many rules of one spelling group the decision reads (compile.ts refuses more). */
export const MAX_RULES = 10;
/** Bits of Scan.bits: rule i of the candidate's group passes the case check (bit i, i < 10)... */
export const CASE_BITS = (1 << MAX_RULES) - 1;
/** ...has a cue word next to it here (bit 10 + i)... */
export const CUE_SHIFT = MAX_RULES;
/** ...and has a word of its other sense in its sentence (bit 20 + i). */
export const AGAINST_SHIFT = 2 * MAX_RULES;

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
  /** Entities with an unless-blocked mention here and no sign of their other sense in the block. */
  readonly probable: readonly string[];
  /** Entities whose other sense stands in this block: a span blocker, or its words by a mention. */
  readonly other: readonly string[];
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

  /**
   * The mentions of blocks decided together (by one `decide`), as one list: decide writes them one
   * after the other into one store. For blocks that are parts of one text, in order.
   */
  static together(lists: readonly Mentions[], table: readonly (readonly Rule[])[]): Mentions {
    const first = lists[0];
    if (first === undefined) return new Mentions(0, { starts: new Int32Array(0), ends: new Int32Array(0), picks: new Int32Array(0) }, 0, table);
    let total = 0;
    for (const list of lists) total += list.length;
    return new Mentions(total, first.#store, first.#from, table);
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
  /** Entities with a plain unless-blocked mention somewhere (Moscow), not switched off. */
  readonly probable: ReadonlySet<string>;
  /**
   * Entities whose other sense stands in as many blocks as their plain mentions do, or more
   * (Moscow, Idaho over a headline "Moscow votes"; not one Moscow Mule on a page about Moscow).
   */
  readonly other: ReadonlySet<string>;
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
  readonly #other = new Map<string, number>();

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
    tally(this.#other, scan.other, delta);
  }

  /** The document's evidence now (probable only where no document blocker switched it off). */
  evidence(): DocumentEvidence {
    const blocked = new Set(this.#blocked.keys());
    const probable = new Set([...this.#probable.keys()].filter((id) => !blocked.has(id)));
    const other = new Set([...this.#other].filter(([id, n]) => n >= (this.#probable.get(id) ?? 0)).map(([id]) => id));
    return { strong: new Set(this.#strong.keys()), probable, other, blocked };
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
export function decide(scans: readonly Scan[], doc: DocumentEvidence): Mentions[] {
  // Within a block, the decision for a candidate depends only on its spelling when no case, cue
  // or other-sense bit is special, so it is made once per spelling and block: 0 unknown, -1
  // nothing, i + 1 rule i; `seen` says in which block (numbered from 1) the value was made.
  const decided = new Map<readonly (readonly Rule[])[], { value: Int32Array; seen: Int32Array }>();
  let total = 0;
  for (const scan of scans) total += scan.count;
  const store: MentionStore = { starts: new Int32Array(total), ends: new Int32Array(total), picks: new Int32Array(total) };
  let from = 0;
  let block = 0;
  return scans.map((scan) => {
    let cache = decided.get(scan.table);
    if (cache === undefined) decided.set(scan.table, (cache = { value: new Int32Array(scan.table.length), seen: new Int32Array(scan.table.length) }));
    const found = mentions(scan, ++block, cache.value, cache.seen, doc, store.starts, store.ends, store.picks, from);
    const list = new Mentions(found, store, from, scan.table);
    from += found;
    return list;
  });
}

/** Why a rule takes a candidate (a positive code) or not (negative); see judge. */
export const WHY = {
  name: 1, cue: 2, block: 3, story: 7, document: 4, documentPlain: 5, plain: 6,
  case: -1, against: -2, blockOther: -3, documentBlocker: -4, documentOther: -5, noEvidence: -6,
} as const;
export type Why = (typeof WHY)[keyof typeof WHY];

/**
 * The decision for rule i of a candidate with these bits, in the block `scan` of a document: what
 * stands around the mention decides (a cue, its other sense's words in its sentence, then a sure
 * mention or the other sense in its block), the document's evidence only where that says nothing.
 */
export function judge(rules: readonly Rule[], i: number, bits: number, scan: Scan, doc: DocumentEvidence): Why {
  const r = rules[i]!;
  if (((bits >> i) & 1) === 0) return WHY.case;
  if (r.ambiguity !== NEEDS_EVIDENCE && r.ambiguity !== UNLESS_BLOCKED) return WHY.name;
  if (((bits >> (CUE_SHIFT + i)) & 1) === 1) return WHY.cue;
  if (((bits >> (AGAINST_SHIFT + i)) & 1) === 1) return WHY.against;
  if (scan.strong.includes(r.entity)) return WHY.block;
  if (scan.other.includes(r.entity)) return WHY.blockOther;
  // The story's other names in the same block: al-Sharaa left Moscow, AFP reported (even on a
  // page whose sidebar has the Australian Federal Police).
  if (scan.strong.length > 0 || scan.probable.some((id) => id !== r.entity)) return WHY.story;
  if (doc.blocked.has(r.entity)) return WHY.documentBlocker;
  if (doc.strong.has(r.entity)) return WHY.document;
  if (doc.other.has(r.entity)) return WHY.documentOther;
  if (r.ambiguity === UNLESS_BLOCKED) return WHY.plain;
  return doc.probable.has(r.entity) ? WHY.documentPlain : WHY.noEvidence;
}

/** The rule of `rules` that takes a candidate with these bits (the first that says yes), or -1. */
function pick(rules: readonly Rule[], bits: number, scan: Scan, doc: DocumentEvidence): number {
  for (let i = 0; i < rules.length && i < MAX_RULES; i++) if (judge(rules, i, bits, scan, doc) > 0) return i;
  return -1;
}

/**
 * Writes the mentions among one scan's candidates into outStarts/outEnds/outPicks (MentionStore)
 * from index `from` on, and returns how many. Only the loop, reading only its parameters before it
 * (see scanner.ts, pass).
 */
function mentions(
  scan: Scan, block: number, cache: Int32Array, seen: Int32Array, doc: DocumentEvidence,
  outStarts: Int32Array, outEnds: Int32Array, outPicks: Int32Array, from: number,
): number {
  const { count, starts, ends, groups, bits, table } = scan;
  let found = 0;
  for (let k = 0; k < count; k++) {
    const group = groups[k]!;
    const rules = table[group]!;
    const b = bits[k]!;
    let i: number;
    if (b === CASE_BITS) {
      if (seen[group] !== block) {
        seen[group] = block;
        cache[group] = pick(rules, b, scan, doc);
      }
      i = cache[group]!;
    } else {
      i = pick(rules, b, scan, doc);
    }
    if (i < 0) continue;
    outStarts[from + found] = starts[k]!;
    outEnds[from + found] = ends[k]!;
    outPicks[from + found] = (group << RULE_BITS) | i;
    found++;
  }
  return found;
}
