// The matcher: compiled packs plus the scan. `scan` reads one text block and keeps what the
// document-level decision needs; `find` is that decision for a single self-contained text.

import { ALWAYS, NEEDS_EVIDENCE, UNLESS_BLOCKED, casePattern, compileTables, type Rule, type Tables } from './compile';
import { cueAfter, cueBefore } from './cues';
import type { MatchInput } from './match-input';
import { resolve, type Mention, type Scan } from './resolve';
import { createScanner, type Hits } from './scanner';
import { inAddress } from './url-token';

export type { Mention, Scan } from './resolve';
export { resolve } from './resolve';

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
  readonly #scan: (text: string, hits: Hits) => void;

  constructor(tables: Tables, entities: ReadonlyMap<string, EntityInfo>) {
    this.#t = tables;
    this.#entities = entities;
    this.#scan = createScanner(tables);
  }

  /** The id, type and canonical English name of an entity, if compiled. */
  entity(id: string): EntityInfo | undefined {
    return this.#entities.get(id);
  }

  /** Candidates of one text block, with its document-level evidence (pass to `resolve`). */
  scan(text: string): Scan {
    const hits: Hits = { starts: [], ends: [], groups: [] };
    this.#scan(text, hits);
    const { groups, caseGroup } = this.#t;
    const starts: number[] = [];
    const ends: number[] = [];
    const rulesOf: (readonly Rule[])[] = [];
    const cuesOf: number[] = [];
    const strong = new Set<string>();
    const probable = new Set<string>();
    const blocked = new Set<string>();
    for (let k = 0; k < hits.starts.length; k++) {
      const start = hits.starts[k]!;
      const end = hits.ends[k]!;
      const group = hits.groups[k]!;
      if (inAddress(text, start)) continue;
      let rules = groups[group - 1]!;
      if (caseGroup[group] === 1) {
        const seen = casePattern(text, start, end);
        rules = rules.filter((r) => r.casePattern === '' || r.casePattern === seen);
      }
      const blocker = rules[0]!; // blockers sort first in a group
      if (blocker.entity === '') {
        if (blocker.blockerScope === 'document') for (const id of blocker.blocks) blocked.add(id);
        continue;
      }
      let cues = 0;
      for (let i = 0; i < rules.length && i < 31; i++) {
        const r = rules[i]!;
        if (r.evidence === ALWAYS) strong.add(r.entity);
        else if (r.evidence === UNLESS_BLOCKED) probable.add(r.entity);
        else if (r.evidence === NEEDS_EVIDENCE && (cueBefore(text, start, r.cuesBefore) || cueAfter(text, end, r.cuesAfter))) {
          cues |= 1 << i;
          strong.add(r.entity);
        }
      }
      starts.push(start);
      ends.push(end);
      rulesOf.push(rules);
      cuesOf.push(cues);
    }
    return { starts, ends, rules: rulesOf, cues: cuesOf, strong: [...strong], probable: [...probable], blocked: [...blocked] };
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
