// The matcher: compiled packs plus the scan. `scan` reads one text block and keeps what the
// document-level decision needs; `find` is that decision for a single self-contained text.

import { ALWAYS, UNLESS_BLOCKED, compileTables, type Tables } from './compile';
import { cueAfter, cueBefore } from './cues';
import type { MatchInput } from './match-input';
import { CASE_BITS, CUE_SHIFT, resolve, type Mentions, type Scan } from './resolve';
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
  #epoch = 0;
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
    // caseGroup has a slot per group and one: counting with it leaves decoded rules unparsed.
    this.#settled = new Int32Array(tables.caseGroup.length);
    this.#plain = new Uint8Array(tables.caseGroup.length);
    const none = new Int32Array(0);
    // Its table is never read (it has no candidate): an empty one, so as not to parse the rules.
    this.#empty = { count: 0, starts: none, ends: none, groups: none, bits: none, table: [], strong: [], probable: [], blocked: [] };
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

  /** Mentions in one self-contained text (a file, a string): `resolve` of its single scan. */
  find(text: string): Mentions {
    const found = this.#scan(text);
    if (this.#spare.starts.length < found.count) this.#spare = candidates(Math.max(found.count, 2 * this.#spare.starts.length));
    return resolve([this.#collect(text, found, this.#spare)])[0]!;
  }

  #collect(text: string, found: SpellingMatches, into: Candidates): Scan {
    // Per-entity marks stamped with this scan's number: no clearing, no string sets in the loop.
    const stamp = ++this.#epoch;
    const blocked = new Set<string>();
    const count = this.#keep(text, found.count, found.starts, found.ends, found.groups, into.starts, into.ends, into.groups, into.bits, this.#settled, this.#plain, stamp, blocked);
    const { groups, entityIds } = this.#t;
    return {
      count,
      starts: into.starts.subarray(0, count),
      ends: into.ends.subarray(0, count),
      groups: into.groups.subarray(0, count),
      bits: into.bits.subarray(0, count),
      table: groups,
      strong: entityIds.filter((_, e) => this.#strong[e] === stamp),
      probable: entityIds.filter((_, e) => this.#probable[e] === stamp),
      blocked: [...blocked],
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
      if (!(p === 1 && plainAround(text, start, end)) && inAddress(text, start, end)) continue;
      let b = CASE_BITS;
      if (settled[group] !== stamp) {
        b = this.#caseAndCueBits(text, start, end, group, stamp, blocked);
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
   * Case and cue bits of one candidate, marking its entities' evidence for this scan; -1 when a
   * blocker (or no rule, by case) takes it.
   */
  #caseAndCueBits(text: string, start: number, end: number, group: number, stamp: number, blocked: Set<string>): number {
    const { groups, caseGroup } = this.#t;
    const strong = this.#strong;
    const probable = this.#probable;
    const rules = groups[group - 1]!;
    let bits = CASE_BITS;
    if (caseGroup[group] === 1) {
      bits = 0;
      for (let i = 0; i < rules.length && i < CUE_SHIFT; i++) {
        const p = rules[i]!.casePattern;
        if (p === '' || caseMatches(text, start, end, p)) bits |= 1 << i;
      }
    }
    let first = 0;
    while (first < rules.length && ((bits >> first) & 1) === 0) first++;
    const lead = rules[first];
    if (lead === undefined) return -1;
    if (lead.entityIndex < 0) {
      // Blockers sort first in a group: this spelling means something else here.
      if (lead.blockerScope === 'document') for (const id of lead.blocks) blocked.add(id);
      return -1;
    }
    let settles = caseGroup[group] === 0;
    for (let i = 0; i < rules.length && i < CUE_SHIFT; i++) {
      if (((bits >> i) & 1) === 0) continue;
      const r = rules[i]!;
      const e = r.entityIndex;
      if (r.ambiguity === ALWAYS) strong[e] = stamp;
      else if (r.ambiguity === UNLESS_BLOCKED) probable[e] = stamp;
      // A cue matters only while the block has no strong mention of the entity yet.
      else if (strong[e] !== stamp) {
        if (cueBefore(text, start, r.cuesBefore) || cueAfter(text, end, r.cuesAfter)) {
          bits |= 1 << (CUE_SHIFT + i);
          strong[e] = stamp;
        } else {
          settles = false;
        }
      }
    }
    if (settles) this.#settled[group] = stamp;
    return bits;
  }
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
