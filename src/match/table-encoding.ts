// The bundled pack's compiled matcher as the build ships it: compileTables runs once, at build
// time (build.mjs, `hashiya:bundled-matcher`), and a frame only decodes the result, a few thousand
// fills and stores and a JSON.parse, where compiling took 6–8 ms and 0.1 MB of heap in every frame.
// Imported packs are still compiled in the page (their set changes with the reader's choices).
//
// Layout of `bin` (16-bit words, little-endian, base64): the symbol table as runs (length − 1,
// symbol) until 65 536 units are covered; the trie as its edge count and, for each state from 1,
// the state and symbol its one edge comes from; then `accept`, `startOk`, `caseGroup` and the
// scanner's pair table (scanner.ts pairTable), each as the count of its non-zero entries and
// (index, value) pairs. A pack too large for 16-bit words fails the build, not a page. Rules are
// JSON in a string, parsed only when a scan first keeps a candidate (most frames never do), with
// each entity's cues given once.

import { lazyExpansions, type Rule, type Tables } from './compile';
import type { EntityInfo } from './matcher';
import { kindOfSymbol, pairTable } from './scanner';

const UNITS = 65536;

/** A rule as stored: [entityIndex, name, ambiguity, casePattern, blockerScope, blocks, context?]. */
type StoredRule = [number, string, 0 | 1 | 2, string, Rule['blockerScope'], string[], string[]?];

/** What the build embeds; see the layout above. */
export interface EncodedTables {
  readonly bin: string;
  readonly capacity: number;
  readonly alphabet: number;
  readonly ligature: number;
  readonly depth: number;
  readonly alefState: number;
  readonly proclitic: Tables['proclitic'];
  readonly uniformExceptions: readonly number[];
  /** Per entity (Tables.entityIds order): id, type, canonical name, cues before, cues after. */
  readonly entities: readonly (readonly [string, string, string, readonly string[], readonly string[]])[];
  /** JSON of the rules of each group (StoredRule[][]): parsed at the first candidate a scan keeps. */
  readonly groups: string;
  /** How many groups there are. */
  readonly groupCount: number;
  /** The count, then each ligature unit, its length and its symbols, as varints: decoded at the first ligature a scan meets. */
  readonly expansions: string;
}

/** Compiled tables and the matcher's entity records. */
export interface DecodedTables {
  readonly tables: Tables;
  readonly entities: ReadonlyMap<string, EntityInfo>;
}

/** 16-bit words, written as base64 of their bytes (little-endian). */
function writer(): { word(value: number): void; done(): string } {
  const bytes: number[] = [];
  return {
    word(value) {
      if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new Error(`match tables: ${value} does not fit in 16 bits`);
      bytes.push(value & 0xff, value >>> 8);
    },
    done() {
      let out = '';
      for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.slice(i, i + 0x8000));
      return btoa(out);
    },
  };
}

/**
 * Reads the words back in order: one native atob and two charCodeAt a word, no call per value (a
 * frame runs this once, cold).
 */
function reader(encoded: string): { data: string; at: number } {
  return { data: atob(encoded), at: 0 };
}

function word(r: { data: string; at: number }): number {
  const i = r.at;
  if (i + 1 >= r.data.length) throw new Error('match tables: truncated');
  r.at = i + 2;
  return r.data.charCodeAt(i) | (r.data.charCodeAt(i + 1) << 8);
}

/** Entries that are not 0, as their count and then (index, value) word pairs. */
function writeSparse(w: ReturnType<typeof writer>, array: ArrayLike<number>): void {
  let count = 0;
  for (let i = 0; i < array.length; i++) if (array[i] !== 0) count++;
  w.word(count);
  for (let i = 0; i < array.length; i++) {
    if (array[i] === 0) continue;
    w.word(i);
    w.word(array[i]!);
  }
}

function readSparse(r: { data: string; at: number }, into: { [index: number]: number; length: number }): void {
  for (let n = word(r); n > 0; n--) {
    const at = word(r);
    if (at >= into.length) throw new Error('match tables: index out of range');
    into[at] = word(r);
  }
}

/** Encodes compiled tables with their entities' records (at build time). */
export function encodeTables(t: Tables, entities: ReadonlyMap<string, EntityInfo>): EncodedTables {
  const w = writer();
  for (let c = 0; c < UNITS; ) {
    let end = c + 1;
    while (end < UNITS && t.sym[end] === t.sym[c]) end++;
    w.word(end - c - 1);
    w.word(t.sym[c]!);
    c = end;
  }
  // The trie: each state but the root has one edge into it, written in state order as the
  // state it comes from and its symbol.
  const edges: [number, number][] = [];
  for (let at = 0; at < t.trans.length; at++) {
    const to = t.trans[at]!;
    if (to !== 0) edges[to - 1] = [Math.floor(at / t.alphabet), at % t.alphabet];
  }
  w.word(edges.length);
  for (let k = 0; k < edges.length; k++) {
    if (!edges[k]) throw new Error('match tables: not a trie');
    w.word(edges[k]![0]);
    w.word(edges[k]![1]);
  }
  writeSparse(w, t.accept);
  writeSparse(w, t.startOk);
  writeSparse(w, t.caseGroup);
  writeSparse(w, pairTable(t));
  const cues = new Map<string, [readonly string[], readonly string[]]>();
  for (const group of t.groups) for (const r of group) if (r.entity !== '') cues.set(r.entity, [r.cuesBefore, r.cuesAfter]);
  const ligatures = writer();
  const units = [...t.expansions.keys()].sort((a, b) => a - b);
  ligatures.word(units.length);
  for (const c of units) {
    const seq = t.expansions.get(c)!;
    ligatures.word(c);
    ligatures.word(seq.length);
    for (const s of seq) ligatures.word(s);
  }
  return {
    bin: w.done(),
    capacity: t.accept.length,
    alphabet: t.alphabet,
    ligature: t.ligature,
    depth: t.depth,
    alefState: t.alefState,
    proclitic: t.proclitic,
    uniformExceptions: t.uniformExceptions,
    entities: t.entityIds.map((id) => {
      const e = entities.get(id);
      const [before, after] = cues.get(id) ?? [[], []];
      return [id, e?.type ?? '', e?.name ?? '', before, after] as const;
    }),
    groups: JSON.stringify(t.groups.map((group) => group.map((r): StoredRule => {
      const stored: StoredRule = [r.entityIndex, r.name, r.ambiguity, r.casePattern, r.blockerScope, [...r.blocks]];
      if (r.context.length > 0) stored.push([...r.context]);
      return stored;
    }))),
    groupCount: t.groups.length,
    expansions: ligatures.done(),
  };
}

/**
 * Decodes what `encodeTables` wrote, with the scanner's kind table (scanner.ts kindTable), filled
 * run by run alongside the symbols. Throws on data that does not cover every unit.
 */
export function decodeTables(e: EncodedTables): DecodedTables {
  const r = reader(e.bin);
  const sym = new Uint16Array(UNITS);
  const runs: number[] = [];
  for (let c = 0; c < UNITS; ) {
    const end = c + word(r) + 1;
    const s = word(r);
    if (end > UNITS) throw new Error('match tables: bad run');
    sym.fill(s, c, end);
    runs.push(c, end, s);
    c = end;
  }
  const trans = new Uint16Array(e.capacity * e.alphabet);
  const edges = word(r);
  if (edges >= e.capacity) throw new Error('match tables: too many states');
  for (let to = 1; to <= edges; to++) {
    const from = word(r);
    const s = word(r);
    if (from >= e.capacity || s >= e.alphabet) throw new Error('match tables: bad edge');
    trans[from * e.alphabet + s] = to;
  }
  const accept = new Uint32Array(e.capacity);
  readSparse(r, accept);
  const startOk = new Uint8Array(e.alphabet);
  readSparse(r, startOk);
  const caseGroup = new Uint8Array(e.groupCount + 1);
  readSparse(r, caseGroup);
  const pairs = new Int32Array(e.alphabet * e.alphabet);
  readSparse(r, pairs);
  // The scanner's kind of each unit follows from its symbol: filled run by run too.
  const kind = new Uint8Array(UNITS);
  for (let k = 0; k < runs.length; k += 3) {
    const value = kindOfSymbol(runs[k + 2]!, { ligature: e.ligature, startOk });
    if (value !== 0) kind.fill(value, runs[k], runs[k + 1]);
  }
  const entityIds = e.entities.map(([id]) => id);
  const entities = new Map<string, EntityInfo>(e.entities.map(([id, type, name]) => [id, { id, type, name }]));
  const none: readonly string[] = [];
  const parseGroups = () => (JSON.parse(e.groups) as StoredRule[][]).map((group) =>
    group.map(([entityIndex, name, ambiguity, casePattern, blockerScope, blocks, context]): Rule => {
      const entity = e.entities[entityIndex];
      return {
        entity: entity?.[0] ?? '',
        entityIndex,
        name,
        ambiguity,
        casePattern,
        blockerScope,
        blocks,
        cuesBefore: entity?.[3] ?? none,
        cuesAfter: entity?.[4] ?? none,
        context: context ?? none,
      };
    }),
  );
  let groups: readonly (readonly Rule[])[] | undefined;
  const tables: Tables = {
    sym,
    kind,
    pairs,
    trans,
    accept,
    alphabet: e.alphabet,
    ligature: e.ligature,
    startOk,
    depth: e.depth,
    get groups() {
      return (groups ??= parseGroups());
    },
    expansions: lazyExpansions(() => {
      const lr = reader(e.expansions);
      const map = new Map<number, Uint16Array>();
      for (let n = word(lr); n > 0; n--) {
        const c = word(lr);
        const seq = new Uint16Array(word(lr));
        for (let k = 0; k < seq.length; k++) seq[k] = word(lr);
        map.set(c, seq);
      }
      return map;
    }),
    caseGroup,
    entityIds,
    alefState: e.alefState,
    proclitic: e.proclitic,
    uniformExceptions: e.uniformExceptions,
  };
  return { tables, entities };
}
