// The matcher: compiled packs plus the scan. `scan` reads one text block and keeps what the
// document-level decision needs; `find` is that decision for a single self-contained text.

import { ALWAYS, UNLESS_BLOCKED, casePattern, compileTables, type Tables } from './compile';
import { cueAfter, cueBefore } from './cues';
import type { MatchInput } from './match-input';
import { CASE_BITS, CUE_SHIFT, resolve, type Mention, type Scan } from './resolve';
import { createScanner, type Hits } from './scanner';
import { inAddress } from './url-token';

export type { Mention, Scan } from './resolve';
export { decide, documentEvidence, resolve, type Evidence } from './resolve';

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
  readonly #scan: (text: string) => Hits;
  readonly #strong: Int32Array;
  readonly #probable: Int32Array;
  #epoch = 0;
  /** What a scan that finds nothing returns (shared: most blocks of a page hold no name). */
  readonly #empty: Scan;

  constructor(tables: Tables, entities: ReadonlyMap<string, EntityInfo>) {
    this.#t = tables;
    this.#entities = entities;
    this.#scan = createScanner(tables);
    this.#strong = new Int32Array(tables.entityIds.length);
    this.#probable = new Int32Array(tables.entityIds.length);
    const none = new Int32Array(0);
    this.#empty = { count: 0, starts: none, ends: none, groups: none, bits: none, table: tables.groups, strong: [], probable: [], blocked: [] };
  }

  /** The id, type and canonical English name of an entity, if compiled. */
  entity(id: string): EntityInfo | undefined {
    return this.#entities.get(id);
  }

  /** Candidates of one text block, with its document-level evidence (pass to `resolve`). */
  scan(text: string): Scan {
    const hits = this.#scan(text);
    const { groups, caseGroup, entityIds } = this.#t;
    if (hits.count === 0) return this.#empty;
    const starts = new Int32Array(hits.count);
    const ends = new Int32Array(hits.count);
    const groupOf = new Int32Array(hits.count);
    const bitsOf = new Int32Array(hits.count);
    // Per-entity marks stamped with this scan's number: no clearing, no string sets in the loop.
    const stamp = ++this.#epoch;
    const strong = this.#strong;
    const probable = this.#probable;
    const blocked = new Set<string>();
    let count = 0;
    for (let k = 0; k < hits.count; k++) {
      const start = hits.starts[k]!;
      const end = hits.ends[k]!;
      const group = hits.groups[k]!;
      if (inAddress(text, start, end)) continue;
      const rules = groups[group - 1]!;
      let bits = CASE_BITS;
      if (caseGroup[group] === 1) {
        const seen = casePattern(text, start, end);
        bits = 0;
        for (let i = 0; i < rules.length && i < CUE_SHIFT; i++) {
          const p = rules[i]!.casePattern;
          if (p === '' || p === seen) bits |= 1 << i;
        }
      }
      let first = 0;
      while (first < rules.length && ((bits >> first) & 1) === 0) first++;
      const lead = rules[first];
      if (lead === undefined) continue;
      if (lead.entityIndex < 0) {
        // Blockers sort first in a group: this spelling means something else here.
        if (lead.blockerScope === 'document') for (const id of lead.blocks) blocked.add(id);
        continue;
      }
      for (let i = 0; i < rules.length && i < CUE_SHIFT; i++) {
        if (((bits >> i) & 1) === 0) continue;
        const r = rules[i]!;
        const e = r.entityIndex;
        if (r.evidence === ALWAYS) strong[e] = stamp;
        else if (r.evidence === UNLESS_BLOCKED) probable[e] = stamp;
        // A cue matters only while the block has no strong mention of the entity yet.
        else if (strong[e] !== stamp && (cueBefore(text, start, r.cuesBefore) || cueAfter(text, end, r.cuesAfter))) {
          bits |= 1 << (CUE_SHIFT + i);
          strong[e] = stamp;
        }
      }
      starts[count] = start;
      ends[count] = end;
      groupOf[count] = group - 1;
      bitsOf[count] = bits;
      count++;
    }
    return {
      count,
      starts: starts.subarray(0, count),
      ends: ends.subarray(0, count),
      groups: groupOf.subarray(0, count),
      bits: bitsOf.subarray(0, count),
      table: groups,
      strong: entityIds.filter((_, e) => strong[e] === stamp),
      probable: entityIds.filter((_, e) => probable[e] === stamp),
      blocked: [...blocked],
    };
  }

  /** Mentions in one self-contained text (a file, a string): `resolve` of its single scan. */
  find(text: string): Mention[] {
    return resolve([this.scan(text)])[0] ?? [];
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
