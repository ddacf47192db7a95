// The matcher: compiled packs plus the scan. `scan` reads one text block and keeps what the
// document-level decision needs; `find` is that decision for a single self-contained text.

import { ALWAYS, NEEDS_EVIDENCE, UNLESS_BLOCKED, compileTables, type Rule, type Tables } from './compile';
import { cueAfter, cueBefore, sentenceHas } from './cues';
import type { MatchInput } from './match-input';
import { AGAINST_SHIFT, CASE_BITS, CUE_SHIFT, MAX_RULES, Mentions, resolve, type Scan } from './resolve';
import { caseMatches, createScanner, type SpellingMatches } from './scanner';
import { decodeTables, encodeTables, type EncodedTables } from './table-encoding';
import { inAddress, isPlainName, plainAround } from './url-token';

export type { Mention, Scan } from './resolve';
export { Mentions } from './resolve';
export { EvidenceCount, decide, documentEvidence, resolve, type DocumentEvidence } from './resolve';

/** What the CLI and the card need about an entity beyond its id. */
export interface EntityInfo {
  readonly id: string;
  readonly type: string;
  readonly name: string;
}

/** Parallel arrays of kept candidates: starts, ends, spelling groups and Scan.bits. */
interface Candidates {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly groups: Int32Array;
  readonly bits: Int32Array;
}

function candidates(size: number): Candidates {
  return { starts: new Int32Array(size), ends: new Int32Array(size), groups: new Int32Array(size), bits: new Int32Array(size) };
}

/** Finds the names of the compiled packs in text; see resolve.ts for the semantics. */
export class Matcher {
  readonly #t: Tables;
  readonly #entities: ReadonlyMap<string, EntityInfo>;
  readonly #scan: (text: string) => SpellingMatches;
  readonly #strong: Int32Array;
  readonly #probable: Int32Array;
  /**
   * Per spelling group, the scan number in which its candidates stopped adding evidence: every
   * entity it can name is already marked strong or probable, so a further plain-case candidate of
   * the group needs no look at its rules or cues.
   */
  readonly #settled: Int32Array;
  /** Per spelling group: 1 when its names have no address sign (see isPlainName), 2 when they do, 0 not yet known. */
  readonly #plain: Uint8Array;
  /**
   * Per entity, the scan number in which its name met its other sense in the block: a span
   * blocker (Maher al-Assad, Moscow, Idaho) or a word of the other sense in a mention's sentence.
   */
  readonly #other: Int32Array;
  /** Per entity, the scan number that last put it in #touched. */
  readonly #seen: Int32Array;
  /** The entities the current scan marked strong, probable or other (each once). */
  readonly #touched: number[] = [];
  /** Words of other senses a scan met: start, end and spelling group of each (#againstSenses). */
  #senses: number[] = [];
  /** Set by a scan when a needs-evidence candidate found no cue: #coordinate then looks again. */
  #unsure = false;
  /** A second scanner for the names inside a blocker out of its context (the first one's arrays are in use). */
  #innerScan: ((text: string) => SpellingMatches) | undefined;
  #epoch = 0;
  /** Where explain() collects the candidates taken away before the decision; null otherwise. */
  #trace: Dropped[] | null = null;
  /** What a scan that finds nothing returns (shared: most blocks of a page hold no name). */
  readonly #empty: Scan;
  /** find's candidate arrays, reused: the Scan that find builds never leaves it. */
  #spare: Candidates = candidates(0);

  constructor(tables: Tables, entities: ReadonlyMap<string, EntityInfo>) {
    this.#t = tables;
    this.#entities = entities;
    this.#scan = createScanner(tables);
    this.#strong = new Int32Array(tables.entityIds.length);
    this.#probable = new Int32Array(tables.entityIds.length);
    this.#other = new Int32Array(tables.entityIds.length);
    this.#seen = new Int32Array(tables.entityIds.length);
    // caseGroup has a slot per group and one: counting with it leaves decoded rules unparsed.
    this.#settled = new Int32Array(tables.caseGroup.length);
    this.#plain = new Uint8Array(tables.caseGroup.length);
    const none = new Int32Array(0);
    // Its table is never read (it has no candidate): an empty one, so as not to parse the rules.
    this.#empty = { count: 0, starts: none, ends: none, groups: none, bits: none, table: [], strong: [], probable: [], other: [], blocked: [] };
  }

  /** The id, type and canonical English name of an entity, if compiled. */
  entity(id: string): EntityInfo | undefined {
    return this.#entities.get(id);
  }

  /** Candidates of one text block, with its document-level evidence (pass to `resolve`). */
  scan(text: string): Scan {
    const found = this.#scan(text);
    if (found.count === 0) return this.#empty;
    return this.#collect(text, found, candidates(found.count));
  }

  /**
   * Mentions in one self-contained text (a file, a string): each paragraph (paragraphs below) is
   * a block, as an element is on a page, and `resolve` decides them as one document.
   */
  find(text: string): Mentions {
    const found = this.#scan(text);
    if (this.#spare.starts.length < found.count) this.#spare = candidates(Math.max(found.count, 2 * this.#spare.starts.length));
    const whole = this.#collect(text, found, this.#spare);
    // Paragraphs change the decision only where some name's other sense stands, a document
    // blocker, or a needs-evidence name that found no evidence before it: else the text is one block.
    if (whole.other.length === 0 && whole.blocked.length === 0 && (!this.#unsure || this.#allSure(whole))) return resolve([whole])[0]!;
    const bounds = paragraphs(text);
    if (bounds.length === 2) return resolve([whole])[0]!;
    // One scan of the whole text, its candidates then taken paragraph by paragraph (a paragraph
    // without any adds nothing), into consecutive parts of the same arrays.
    const scans: Scan[] = [];
    const spare = this.#spare;
    let k = 0;
    let at = 0;
    for (let p = 1; p < bounds.length && k < found.count; p++) {
      let j = k;
      while (j < found.count && found.starts[j]! < bounds[p]!) j++;
      if (j === k) continue;
      const part = { count: j - k, starts: found.starts.subarray(k, j), ends: found.ends.subarray(k, j), groups: found.groups.subarray(k, j) };
      const into = { starts: spare.starts.subarray(at), ends: spare.ends.subarray(at), groups: spare.groups.subarray(at), bits: spare.bits.subarray(at) };
      const scan = this.#collect(text, part, into);
      scans.push(scan);
      at += scan.count;
      k = j;
    }
    return Mentions.together(resolve(scans), this.#t.groups);
  }

  /** Whether every needs-evidence candidate of a scan has a cue or a sure mention of its entity there. */
  #allSure(scan: Scan): boolean {
    for (let k = 0; k < scan.count; k++) {
      const rules = scan.table[scan.groups[k]!]!;
      const b = scan.bits[k]!;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        const r = rules[i]!;
        if (((b >> i) & 1) === 1 && r.ambiguity === NEEDS_EVIDENCE && ((b >> (CUE_SHIFT + i)) & 1) === 0 && !scan.strong.includes(r.entity)) return false;
      }
    }
    return true;
  }

  /**
   * Runs `fn` (scans) with every candidate taken away before the decision recorded in `trace`: a
   * blocker, an address, a letter case (explain.ts).
   */
  traced<T>(trace: Dropped[], fn: () => T): T {
    this.#trace = trace;
    try {
      return fn();
    } finally {
      this.#trace = null;
    }
  }

  #collect(text: string, found: SpellingMatches, into: Candidates): Scan {
    // Per-entity marks stamped with this scan's number: no clearing, no string sets in the loop.
    const stamp = ++this.#epoch;
    const blocked = new Set<string>();
    this.#unsure = false;
    this.#senses.length = 0;
    let count = this.#keep(text, found.count, found.starts, found.ends, found.groups, into.starts, into.ends, into.groups, into.bits, this.#settled, this.#plain, stamp, blocked);
    if (count < 0) {
      // A blocker out of its context: read again, with the names inside it (cold, rare).
      const expanded = this.#expand(text, found);
      into = candidates(expanded.count);
      count = this.#keep(text, expanded.count, expanded.starts, expanded.ends, expanded.groups, into.starts, into.ends, into.groups, into.bits, this.#settled, this.#plain, stamp, blocked);
    }
    if (this.#senses.length > 0) this.#againstSenses(text, count, into, stamp);
    if (this.#unsure) this.#coordinate(text, count, into, stamp);
    const { groups, entityIds } = this.#t;
    const strong: string[] = [];
    const probable: string[] = [];
    const other: string[] = [];
    // The entities this scan marked, in the order of entityIds (as a filter over them would give).
    const touched = this.#touched.sort((a, b) => a - b);
    for (let k = 0; k < touched.length; k++) {
      const e = touched[k]!;
      if (this.#strong[e] === stamp) strong.push(entityIds[e]!);
      // A plain name in a block where its other sense stands is no evidence for the document.
      if (this.#probable[e] === stamp && this.#other[e] !== stamp) probable.push(entityIds[e]!);
      if (this.#other[e] === stamp) other.push(entityIds[e]!);
    }
    touched.length = 0;
    return {
      count,
      starts: into.starts.subarray(0, count),
      ends: into.ends.subarray(0, count),
      groups: into.groups.subarray(0, count),
      bits: into.bits.subarray(0, count),
      table: groups,
      strong,
      probable,
      other,
      blocked: blocked.size === 0 ? NONE : [...blocked],
    };
  }

  /**
   * Copies the spellings found that are candidates into starts/ends/groups/bits and returns how
   * many. Only the loop, reading only its parameters before it (see scanner.ts, pass): code that
   * V8 (11.3) compiles while it runs on a long text then has nothing before or after it that ran
   * without type feedback. `npm run bench` re-checks it ("engine" against "scan").
   */
  #keep(
    text: string, foundCount: number, foundStarts: Int32Array, foundEnds: Int32Array, foundGroups: Int32Array,
    starts: Int32Array, ends: Int32Array, groups: Int32Array, bits: Int32Array,
    settled: Int32Array, plain: Uint8Array, stamp: number, blocked: Set<string>,
  ): number {
    let count = 0;
    for (let k = 0; k < foundCount; k++) {
      const start = foundStarts[k]!;
      const end = foundEnds[k]!;
      const group = foundGroups[k]!;
      const p = plain[group] !== 0 ? plain[group]! : this.#plainness(group);
      if (!(p === 1 && plainAround(text, start, end)) && inAddress(text, start, end)) {
        this.#trace?.push({ start, end, rule: this.#t.groups[group - 1]![0]!, why: 'address' });
        continue;
      }
      let b = CASE_BITS;
      if (settled[group] !== stamp) {
        b = this.#caseAndCueBits(text, start, end, group, stamp, blocked);
        if (b === OUT_OF_CONTEXT) return -1;
        if (b < 0) continue;
      }
      starts[count] = start;
      ends[count] = end;
      groups[count] = group - 1;
      bits[count] = b;
      count++;
    }
    return count;
  }

  /** Whether the names of a spelling group can put an address sign inside a match: 1 no, 2 yes. */
  #plainness(group: number): number {
    let p = 1;
    for (const r of this.#t.groups[group - 1]!) if (!isPlainName(r.name)) p = 2;
    this.#plain[group] = p;
    return p;
  }

  /**
   * Case, cue and other-sense bits of one candidate, marking its entities' evidence for this scan;
   * -1 when a blocker (or no rule, by case) takes it, OUT_OF_CONTEXT for a blocker whose context
   * is not in its sentence.
   */
  #caseAndCueBits(text: string, start: number, end: number, group: number, stamp: number, blocked: Set<string>): number {
    const { groups, caseGroup } = this.#t;
    const strong = this.#strong;
    const probable = this.#probable;
    const rules = groups[group - 1]!;
    let bits = CASE_BITS;
    if (caseGroup[group] === 1) {
      bits = 0;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        const p = rules[i]!.casePattern;
        if (p === '' || caseMatches(text, start, end, p)) bits |= 1 << i;
      }
    }
    let first = 0;
    while (first < rules.length && ((bits >> first) & 1) === 0) first++;
    const lead = rules[first];
    if (lead === undefined) {
      this.#trace?.push({ start, end, rule: rules[0]!, why: 'case' });
      return -1;
    }
    if (lead.entityIndex < 0) {
      // Blockers sort first in a group: this spelling means something else here, if its context fits.
      if (lead.blockerScope === 'sense') {
        // A word of another sense: the candidates of its sentence are checked after the scan.
        this.#senses.push(start, end, group);
        this.#trace?.push({ start, end, rule: lead, why: 'sense' });
        return -1;
      }
      if (lead.context.length > 0 && !sentenceHas(text, start, end, lead.context)) return OUT_OF_CONTEXT;
      // A document blocker tells the whole text, and its own block as a span blocker does.
      if (lead.blockerScope === 'document') for (const id of lead.blocks) blocked.add(id);
      for (const id of lead.blocks) this.#markOther(id, stamp);
      this.#trace?.push({ start, end, rule: lead, why: lead.blockerScope === 'document' ? 'document-blocker' : 'blocker' });
      return -1;
    }
    let settles = caseGroup[group] === 0;
    for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
      if (((bits >> i) & 1) === 0) continue;
      const r = rules[i]!;
      const e = r.entityIndex;
      if (r.ambiguity === ALWAYS) {
        if (strong[e] !== stamp) this.#mark(strong, e, stamp);
        continue;
      }
      // A cue matters only while the block has no strong mention of the entity yet.
      if (strong[e] !== stamp && (cueBefore(text, start, r.cuesBefore) || cueAfter(text, end, r.cuesAfter))) {
        bits |= 1 << (CUE_SHIFT + i);
        this.#mark(strong, e, stamp);
      } else if (r.ambiguity === UNLESS_BLOCKED) {
        if (probable[e] !== stamp) this.#mark(probable, e, stamp);
        // Nothing further to learn from this spelling here when it has no cue to look for.
        if (strong[e] !== stamp && (r.cuesBefore.length > 0 || r.cuesAfter.length > 0)) settles = false;
      } else if (strong[e] !== stamp) {
        this.#unsure = true;
        settles = false;
      }
    }
    if (settles) this.#settled[group] = stamp;
    return bits;
  }

  #markOther(id: string, stamp: number): void {
    const e = this.#t.entityIds.indexOf(id);
    if (e >= 0) this.#mark(this.#other, e, stamp);
  }

  /** Stamps entity e in one of the evidence arrays for this scan, and notes it as touched. */
  #mark(evidence: Int32Array, e: number, stamp: number): void {
    evidence[e] = stamp;
    if (this.#seen[e] !== stamp) {
      this.#seen[e] = stamp;
      this.#touched.push(e);
    }
  }

  /**
   * The spellings found, with each blocker out of its context replaced by the names inside it:
   * those that start where it starts (سبوتنيك in "سبوتنيك في تقرير") and those that end where it ends.
   */
  #expand(text: string, found: SpellingMatches): SpellingMatches {
    const starts: number[] = [];
    const ends: number[] = [];
    const groups: number[] = [];
    const inner = (this.#innerScan ??= createScanner(this.#t));
    const put = (start: number, end: number, group: number, depth: number): void => {
      const lead = this.#t.groups[group - 1]![0]!;
      if (lead.entityIndex >= 0 || lead.context.length === 0 || sentenceHas(text, start, end, lead.context)) {
        starts.push(start);
        ends.push(end);
        groups.push(group);
        return;
      }
      this.#trace?.push({ start, end, rule: lead, why: 'out-of-context' });
      if (depth > 3) return;
      // Cut a unit off either end, so the phrase itself is not found again, and keep what the cut
      // did not touch: a name ending at the cut end, or starting at the cut start, is not whole.
      const head = inner(text.slice(start, end - 1));
      const heads: [number, number, number][] = [];
      for (let k = 0; k < head.count; k++) if (head.ends[k]! < end - 1 - start) heads.push([start + head.starts[k]!, start + head.ends[k]!, head.groups[k]!]);
      const tail = inner(text.slice(start + 1, end));
      const tails: [number, number, number][] = [];
      for (let k = 0; k < tail.count; k++) if (tail.starts[k]! > 0 && tail.ends[k]! === end - start - 1) tails.push([start + 1 + tail.starts[k]!, start + 1 + tail.ends[k]!, tail.groups[k]!]);
      const lastHead = heads.at(-1)?.[1] ?? start;
      for (const [s, e, g] of [...heads, ...tails.filter(([s]) => s >= lastHead)]) put(s, e, g, depth + 1);
    };
    for (let k = 0; k < found.count; k++) put(found.starts[k]!, found.ends[k]!, found.groups[k]!, 0);
    return { count: starts.length, starts: Int32Array.from(starts), ends: Int32Array.from(ends), groups: Int32Array.from(groups) };
  }

  /**
   * Marks the candidates that share a sentence with a word of their entity's other sense (زأر by
   * الأسد) and have no cue: the other sense, for the decision and for the block's evidence.
   */
  #againstSenses(text: string, count: number, into: Candidates, stamp: number): void {
    const table = this.#t.groups;
    const senses = this.#senses;
    // Both lists are in text order: only the words within a sentence's reach of a candidate count.
    let first = 0;
    for (let k = 0; k < count; k++) {
      const start = into.starts[k]!;
      const end = into.ends[k]!;
      while (first < senses.length && senses[first + 1]! < start - SENTENCE_REACH) first += 3;
      const rules = table[into.groups[k]!]!;
      const b = into.bits[k]!;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        const r = rules[i]!;
        if (((b >> i) & 1) === 0 || r.ambiguity === ALWAYS || ((b >> (CUE_SHIFT + i)) & 1) === 1) continue;
        for (let h = first; h < senses.length && senses[h]! <= end + SENTENCE_REACH; h += 3) {
          if (!table[senses[h + 2]! - 1]![0]!.blocks.includes(r.entity)) continue;
          if (!sameSentence(text, Math.min(senses[h]!, start), Math.max(senses[h + 1]!, end))) continue;
          into.bits[k] = into.bits[k]! | (1 << (AGAINST_SHIFT + i));
          this.#mark(this.#other, r.entityIndex, stamp);
          break;
        }
      }
    }
  }

  /**
   * A needs-evidence person name with no cue, joined by "and" or a comma to a sure mention of
   * another person of the packs (وبرفقته الشيباني وأبو قصرة), is taken as sure too: the story's
   * people are named together.
   */
  #coordinate(text: string, count: number, into: Candidates, stamp: number): void {
    const table = this.#t.groups;
    const sure = (k: number): Rule | undefined => {
      if (k < 0 || k >= count) return undefined;
      const rules = table[into.groups[k]!]!;
      const b = into.bits[k]!;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        if (((b >> i) & 1) === 0) continue;
        const r = rules[i]!;
        if (r.ambiguity === ALWAYS || ((b >> (CUE_SHIFT + i)) & 1) === 1) return r;
      }
      return undefined;
    };
    const person = (id: string): boolean => this.#entities.get(id)?.type === 'person';
    const joined = (r: Rule, j: number, gap: string): boolean => {
      const other = sure(j);
      return other !== undefined && other.entity !== r.entity && person(other.entity) && COORDINATION.test(gap);
    };
    for (let k = 0; k < count; k++) {
      const rules = table[into.groups[k]!]!;
      const b = into.bits[k]!;
      for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
        const r = rules[i]!;
        if (((b >> i) & 1) === 0 || r.ambiguity !== NEEDS_EVIDENCE || ((b >> CUE_SHIFT) >> i) & 1 || ((b >> AGAINST_SHIFT) >> i) & 1) continue;
        // Already sure in this block (أحمد الشرع before it): being joined would add nothing.
        if (this.#strong[r.entityIndex] === stamp || !person(r.entity)) continue;
        if (joined(r, k + 1, text.slice(into.ends[k], into.starts[k + 1] ?? 0)) || joined(r, k - 1, text.slice(into.ends[k - 1] ?? 0, into.starts[k]))) {
          into.bits[k] = b | (1 << (CUE_SHIFT + i));
          this.#mark(this.#strong, r.entityIndex, stamp);
        }
      }
    }
  }
}

/**
 * Where the paragraphs of a plain text begin, and its length: a paragraph ends at a line break
 * after the end of a sentence, or at a blank line. A line that breaks off mid-sentence (a wire
 * story wrapped at 70 columns, a name cut in two) goes on in the next line.
 */
export function paragraphs(text: string): number[] {
  const bounds = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    let k = nl - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
    // A blank line, or the end of a sentence, ends the paragraph; a line break mid-sentence does not.
    if (k < 0 || text[k] === '\n' || SENTENCE_CLOSE.test(text[k]!) || (k > 0 && PICTOGRAPH.test(text.slice(k - 1, k + 1)))) bounds.push(nl + 1);
  }
  if (bounds.at(-1) !== text.length) bounds.push(text.length);
  return bounds;
}

const SENTENCE_CLOSE = /[.!?؟…:"”»)\]]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** True when text[from, to) holds no end of a sentence and is not longer than a sentence may be. */
function sameSentence(text: string, from: number, to: number): boolean {
  if (to - from > SENTENCE_REACH) return false;
  for (let k = from; k < to; k++) if (SENTENCE_END.has(text.charCodeAt(k))) return false;
  return true;
}

const SENTENCE_END = new Set([...'.!?؟؛۔\n'].map((c) => c.charCodeAt(0)));
/** How far apart a name and a word of its other sense may be and still share a sentence. */
const SENTENCE_REACH = 400;

const NONE: readonly string[] = [];

/** What joins two names in a list: a comma or "and" (و glued to the next name included). */
const COORDINATION = /^\s*(?:[,،]\s*)?(?:و|and|&)?\s*$/u;
/** #caseAndCueBits: a blocker whose context words are not in its sentence. */
const OUT_OF_CONTEXT = -2;

/** One candidate that a traced scan saw taken away before the decision, and why. */
export interface Dropped {
  readonly start: number;
  readonly end: number;
  readonly rule: Rule;
  readonly why: 'case' | 'blocker' | 'document-blocker' | 'out-of-context' | 'address' | 'sense';
}

/** The packs as a list, and the records of their entities (the first of each id). */
function entityInfos(inputs: MatchInput | readonly MatchInput[]): { list: readonly MatchInput[]; entities: Map<string, EntityInfo> } {
  const list: readonly MatchInput[] = Array.isArray(inputs) ? inputs : [inputs as MatchInput];
  const entities = new Map<string, EntityInfo>();
  for (const input of list) {
    for (const e of input.entities) if (!entities.has(e.id)) entities.set(e.id, { id: e.id, type: e.type, name: e.name });
  }
  return { list, entities };
}

/** Compiles the names and blockers of all packs into one matcher. */
export function compileMatcher(inputs: MatchInput | readonly MatchInput[]): Matcher {
  const { list, entities } = entityInfos(inputs);
  return new Matcher(compileTables(list), entities);
}

/** Compiles packs for a build to embed (table-encoding.ts); precompiledMatcher makes the matcher. */
export function encodeMatcher(inputs: MatchInput | readonly MatchInput[]): EncodedTables {
  const { list, entities } = entityInfos(inputs);
  return encodeTables(compileTables(list), entities);
}

/** The matcher of tables compiled at build time: the same as compileMatcher of their packs. */
export function precompiledMatcher(encoded: EncodedTables): Matcher {
  const { tables, entities } = decodeTables(encoded);
  return new Matcher(tables, entities);
}

/** What a page's marker asks of a matcher. */
export type PageMatcher = Pick<Matcher, 'scan' | 'entity'>;

/**
 * The matcher `make` makes, put off until it is first asked: a frame with no text to read (a blank
 * ad frame) never makes it, and a page's DOMContentLoaded does not wait for it.
 */
export function lazyMatcher(make: () => Matcher): PageMatcher {
  let matcher: Matcher | undefined;
  const compiled = () => (matcher ??= make());
  return { scan: (text) => compiled().scan(text), entity: (id) => compiled().entity(id) };
}
