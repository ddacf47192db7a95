// The bundled pack's compiled matcher as the build ships it: compileTables runs once, at build
// time (build.mjs, `hashiya:bundled-matcher`), and a frame only decodes the result, a few thousand
// fills and stores and a JSON.parse, where compiling took 6–8 ms and 0.1 MB of heap in every frame.
// Imported packs are still compiled in the page (their set changes with the reader's choices).
//
// Layout of `bin` (16-bit words, little-endian, base64): `startOk` as the count of its non-zero
// entries and (index, value) pairs; the symbol table as runs (length − 1, symbol) until 65 536
// units are covered; the trie as its edge count and, for each state from 1, the state and symbol
// its one edge comes from; then `accept`, `caseGroup` and the scanner's pair table (scanner.ts
// pairTable), each sparse as `startOk` is. `startOk` comes first because the scanner's kind of a
// unit follows from its symbol and it: one pass over the runs fills both tables. A pack too large for 16-bit words fails the build, not a page. Rules are
// JSON in a string, parsed only when a scan first keeps a candidate (most frames never do), with
// each entity's cues given once.

import { lazyExpansions, type Rule, type Tables } from './compile';
import type { EntityInfo } from './matcher';
import { kindOfSymbol, pairTable } from './scanner';
import { step, withBases, type Trie } from './trie';
import { wordsOf, wordWriter } from './words';

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
  /**
   * JSON of the rules of each group (StoredRule[][]): parsed at the first candidate a scan keeps.
   * Or a function that returns it, called then (the engine's own copy, a literal that V8 makes
   * only when it compiles that function: see content/engine.ts).
   */
  readonly groups: string | (() => string);
  /** How many groups there are. */
  readonly groupCount: number;
  /** The count, then each ligature unit, its length and its symbols, as varints: decoded at the first ligature a scan meets. */
  readonly expansions: string | (() => string);
}

/** Compiled tables and the matcher's entity records. */
export interface DecodedTables {
  readonly tables: Tables;
  readonly entities: ReadonlyMap<string, EntityInfo>;
}

/** The words as written, and the next one to read. */
interface Reader {
  readonly words: Uint16Array;
  at: number;
}

function reader(encoded: string): Reader {
  return { words: wordsOf(encoded, 'match tables'), at: 0 };
}

/** Throws unless `count` more words are there to read. */
function need(r: Reader, count: number): void {
  if (r.at + count > r.words.length) throw new Error('match tables: truncated');
}

function word(r: Reader): number {
  need(r, 1);
  return r.words[r.at++]!;
}

/** Entries that are not 0, as their count and then (index, value) word pairs. */
function writeSparse(w: ReturnType<typeof wordWriter>, array: ArrayLike<number>): void {
  let count = 0;
  for (let i = 0; i < array.length; i++) if (array[i] !== 0) count++;
  w.word(count);
  for (let i = 0; i < array.length; i++) {
    if (array[i] === 0) continue;
    w.word(i);
    w.word(array[i]!);
  }
}

function readSparse(r: Reader, into: { [index: number]: number; length: number }): void {
  const count = word(r);
  need(r, 2 * count);
  const { words } = r;
  let k = r.at;
  for (const end = k + 2 * count; k < end; k += 2) {
    const at = words[k]!;
    if (at >= into.length) throw new Error('match tables: index out of range');
    into[at] = words[k + 1]!;
  }
  r.at = k;
}

/** Encodes compiled tables with their entities' records (at build time). */
export function encodeTables(t: Tables, entities: ReadonlyMap<string, EntityInfo>): EncodedTables {
  const w = wordWriter('match tables');
  writeSparse(w, t.startOk);
  for (let c = 0; c < UNITS; ) {
    let end = c + 1;
    while (end < UNITS && t.sym[end] === t.sym[c]) end++;
    w.word(end - c - 1);
    w.word(t.sym[c]!);
    c = end;
  }
  // The trie: each state but the root has one edge into it, written in state order as the
  // state it comes from and its symbol; then each state's base in the double array (trie.ts), as
  // the build laid it out.
  const { base, parent } = t.trie;
  const symbolIn = new Int32Array(base.length).fill(-1);
  for (let f = 0; f < base.length; f++) {
    for (let s = 0; s < t.alphabet; s++) {
      const to = step(t.trie, f, s);
      if (to !== 0) symbolIn[to] = s;
    }
  }
  w.word(base.length - 1);
  for (let to = 1; to < base.length; to++) {
    if (symbolIn[to]! < 0) throw new Error('match tables: not a trie');
    w.word(parent[to]!);
    w.word(symbolIn[to]!);
  }
  for (let state = 0; state < base.length; state++) w.word(base[state]!);
  writeSparse(w, t.accept);
  writeSparse(w, t.caseGroup);
  writeSparse(w, pairTable(t));
  const cues = new Map<string, [readonly string[], readonly string[]]>();
  for (const group of t.groups) for (const r of group) if (r.entity !== '') cues.set(r.entity, [r.cuesBefore, r.cuesAfter]);
  const ligatures = wordWriter('match tables');
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
  const { words } = r;
  const startOk = new Uint8Array(e.alphabet);
  readSparse(r, startOk);
  // The scanner's kind of each unit follows from its symbol (a few dozen kinds): filled run by run
  // with the symbols, one pass, no call a run.
  const kindOf = new Uint8Array(e.alphabet);
  for (let s = 0; s < e.alphabet; s++) kindOf[s] = kindOfSymbol(s, { ligature: e.ligature, startOk });
  const sym = e.alphabet <= 0x100 ? new Uint8Array(UNITS) : new Uint16Array(UNITS);
  const kind = new Uint8Array(UNITS);
  let k = r.at;
  for (let c = 0; c < UNITS; k += 2) {
    if (k + 2 > words.length) throw new Error('match tables: truncated');
    const end = c + words[k]! + 1;
    const symbol = words[k + 1]!;
    if (end > UNITS || symbol >= e.alphabet) throw new Error('match tables: bad run');
    sym.fill(symbol, c, end);
    const value = kindOf[symbol]!;
    if (value !== 0) kind.fill(value, c, end);
    c = end;
  }
  r.at = k;
  const { capacity, alphabet } = e;
  const edges = word(r);
  if (edges >= capacity) throw new Error('match tables: too many states');
  const states = edges + 1;
  need(r, 2 * edges + states);
  // The hottest loop of a frame's start-up, run once in the interpreter: views of the words, no
  // copy. A trie's state comes after the state its edge leaves (withBases checks it).
  const from = new Int32Array(states);
  const symbol = new Int32Array(states);
  for (let to = 1, at = r.at; to <= edges; to++, at += 2) {
    from[to] = words[at]!;
    symbol[to] = words[at + 1]!;
  }
  r.at += 2 * edges;
  let trie: Trie;
  try {
    trie = withBases(states, alphabet, from, symbol, words.subarray(r.at, r.at + states));
  } catch {
    throw new Error('match tables: bad edge');
  }
  r.at += states;
  const accept = new Uint32Array(e.capacity);
  readSparse(r, accept);
  const caseGroup = new Uint8Array(e.groupCount + 1);
  readSparse(r, caseGroup);
  const pairs = new Int32Array(e.alphabet * e.alphabet);
  readSparse(r, pairs);
  const entityIds = e.entities.map(([id]) => id);
  const entities = new Map<string, EntityInfo>(e.entities.map(([id, type, name]) => [id, { id, type, name }]));
  const none: readonly string[] = [];
  // What the lazy parts below read, and nothing else of `e`: the 35 KB of `bin` are let go once
  // decoded, and the rules' JSON and the ligatures' words (given as strings) once parsed.
  const records = e.entities;
  let groupsJson = e.groups;
  let ligatureWords = e.expansions;
  const parseGroups = () => {
    const stored = JSON.parse(typeof groupsJson === 'string' ? groupsJson : groupsJson()) as StoredRule[][];
    groupsJson = '';
    return stored.map((group) =>
      group.map(([entityIndex, name, ambiguity, casePattern, blockerScope, blocks, context]): Rule => {
        const entity = records[entityIndex];
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
  };
  let groups: readonly (readonly Rule[])[] | undefined;
  const tables: Tables = {
    sym,
    kind,
    pairs,
    trie,
    accept,
    alphabet: e.alphabet,
    ligature: e.ligature,
    startOk,
    depth: e.depth,
    get groups() {
      return (groups ??= parseGroups());
    },
    expansions: lazyExpansions(() => {
      const lr = reader(typeof ligatureWords === 'string' ? ligatureWords : ligatureWords());
      ligatureWords = '';
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
