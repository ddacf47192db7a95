// Compiles every name and blocker of every pack into one trie over folded symbols, stored as a
// flat typed-array transition table, plus the per-matcher symbol map (code unit → symbol) that
// folds the text as it is read.

import { EXPAND, SPACE, foldString, foldTables } from './fold-table';
import type { Ambiguity, MatchInput } from './match-input';
import { MAX_RULES } from './resolve';
import { layOut, step, type Trie } from './trie';

// The symbol order, which every comparison in scanner.ts relies on:
//   0 S_IGNORE, 1 S_TANWEEN, 2 S_APOS   marks and apostrophes (`s <= S_APOS`: the word goes on)
//   3 S_SPACE, 4 S_PUNCT                a gap; punctuation no name holds
//   5 … ligature - 1                    punctuation that occurs inside names
//   ligature                            a ligature standing for several letters (ﷲ, ﷺ, ﻻ)
//   ligature + 1                        any letter no name holds
//   ligature + 2 … alphabet - 1         the letters of names, in order of first use
// So `s < ligature` is "not a word character", `s === ligature` a ligature, `s > ligature` a
// single letter, and `s >= ligature` any word character.
export const S_IGNORE = 0;
export const S_TANWEEN = 1;
export const S_APOS = 2;
export const S_SPACE = 3;
export const S_PUNCT = 4;

/** Ambiguity as a small integer, for the resolver: 0 none, 1 needs-evidence, 2 unless-blocked. */
export type AmbiguityLevel = 0 | 1 | 2;
export const ALWAYS: AmbiguityLevel = 0;
export const NEEDS_EVIDENCE: AmbiguityLevel = 1;
export const UNLESS_BLOCKED: AmbiguityLevel = 2;

/** One compiled spelling: a name of an entity, or a blocker (entity === ''). */
export interface Rule {
  readonly entity: string;
  /** Index of the entity in Tables.entityIds; -1 for blockers. */
  readonly entityIndex: number;
  readonly name: string;
  readonly ambiguity: AmbiguityLevel;
  /** Letter-case pattern ('U'/'l' per letter) a case-sensitive name must show; '' when not. */
  readonly casePattern: string;
  /**
   * For blockers: 'span' or 'document'; 'sense' for a word of the other senses of `blocks`
   * (cues.against), found like a name and looked for in a candidate's sentence; '' for names.
   */
  readonly blockerScope: '' | 'span' | 'document' | 'sense';
  /** For document blockers: the entities they switch off. */
  readonly blocks: readonly string[];
  readonly cuesBefore: readonly string[];
  readonly cuesAfter: readonly string[];
  /** For blockers: folded words one of which must be in the phrase's sentence; [] always blocks. */
  readonly context: readonly string[];
}

/**
 * Blocks where every unit folds to itself and all are letters, or none (CJK ideographs, Hangul
 * syllables, surrogates, private use): their symbols are filled, not computed unit by unit. A
 * unit test checks that the fold tables keep them uniform. End exclusive.
 */
export const UNIFORM_BLOCKS: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dc0], [0x4e00, 0xa000], [0xac00, 0xd7a4], [0xd800, 0xe000], [0xe000, 0xf900],
];

/** Ligature code unit → its symbols (never empty). */
export interface Expansions {
  get(unit: number): Uint16Array | undefined;
  keys(): IterableIterator<number>;
}

/**
 * Expansions built at the first look-up: most pages hold no ligature, and building them makes
 * some 500 small arrays in every frame.
 */
export function lazyExpansions(build: () => Map<number, Uint16Array>): Expansions {
  let map: Map<number, Uint16Array> | undefined;
  const built = () => (map ??= build());
  return { get: (unit) => built().get(unit), keys: () => built().keys() };
}

/** The compiled automaton and its symbol map. */
export interface Tables {
  /** Each UTF-16 unit's symbol: a byte each while the alphabet fits in one (64 KB less in every frame that reads). */
  readonly sym: Uint8Array | Uint16Array;
  /** The scanner's kind of every unit (scanner.ts kindTable), where decoded with the symbols. */
  readonly kind?: Uint8Array;
  /** The scanner's pair table (scanner.ts pairTable), where decoded with the trie. */
  readonly pairs?: Int32Array;
  /** The names' trie (trie.ts): the state after a state and a symbol (0: none). */
  readonly trie: Trie;
  readonly accept: Uint32Array;
  readonly alphabet: number;
  /** The ligature symbol: units that expand to several letters; every symbol above it is a letter. */
  readonly ligature: number;
  readonly startOk: Uint8Array;
  /**
   * The deepest state of the trie: the most symbols of any name (a ligature counts as the letters
   * it stands for). Bounds how many names can end along one walk (scanner.ts, walk).
   */
  readonly depth: number;
  /** Ligature code unit → its symbols (never empty). */
  readonly expansions: Expansions;
  /** accept[state] - 1 indexes this: the rules that end in that state. */
  readonly groups: readonly (readonly Rule[])[];
  readonly caseGroup: Uint8Array;
  /** Every entity id, indexed by Rule.entityIndex. */
  readonly entityIds: readonly string[];
  /** State after reading a bare alef: where ل + ال (للأسد) resumes, with the alef dropped. */
  readonly alefState: number;
  /** Symbols of the proclitic letters و ف ب ك ل. */
  readonly proclitic: { readonly waw: number; readonly fa: number; readonly ba: number; readonly kaf: number; readonly lam: number };
  /** The units inside UNIFORM_BLOCKS whose symbol is not their block's (letters of names). */
  readonly uniformExceptions: readonly number[];
}

const AMBIGUITY: Readonly<Record<Ambiguity, AmbiguityLevel>> = {
  'needs-evidence': NEEDS_EVIDENCE,
  'unless-blocked': UNLESS_BLOCKED,
};

/** A folded name without the punctuation and spaces at its ends. */
function trimToWords(folded: string): string {
  const { IS_WORD } = foldTables();
  let start = 0;
  let end = folded.length;
  while (start < end && IS_WORD[folded.charCodeAt(start)] !== 1) start++;
  while (end > start && IS_WORD[folded.charCodeAt(end - 1)] !== 1) end--;
  return folded.slice(start, end);
}

/** The case pattern of a name's letters, compared on case-sensitive matches only. */
export function casePattern(text: string, start = 0, end = text.length): string {
  const { IS_WORD } = foldTables();
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (IS_WORD[c] !== 1) continue;
    const ch = text[i] ?? '';
    out += ch !== ch.toLowerCase() ? 'U' : 'l';
  }
  return out;
}

/** Compiles names and blockers of all inputs into one automaton. */
export function compileTables(inputs: readonly MatchInput[]): Tables {
  const { fold, IS_WORD, EXPANSIONS } = foldTables();
  const byKey = new Map<string, Rule[]>();
  const add = (text: string, rule: Rule): void => {
    const key = trimToWords(foldString(text));
    if (key === '') return;
    const list = byKey.get(key);
    if (list === undefined) {
      byKey.set(key, [rule]);
      return;
    }
    // One entity spelled the same twice (a canonical name and its alias "Moscow"[unless-blocked]):
    // the stricter reading wins, because the alias says why the plain name is not enough.
    const same = list.findIndex((r) => r.entity === rule.entity && r.blockerScope === rule.blockerScope);
    if (same < 0) {
      list.push(rule);
      return;
    }
    const old = list[same]!;
    list[same] = {
      ...old,
      ambiguity: old.ambiguity === NEEDS_EVIDENCE || rule.ambiguity === NEEDS_EVIDENCE ? NEEDS_EVIDENCE : Math.max(old.ambiguity, rule.ambiguity) as AmbiguityLevel,
      casePattern: old.casePattern !== '' ? old.casePattern : rule.casePattern,
    };
  };
  const entityIds: string[] = [];
  const indexOf = new Map<string, number>();
  for (const input of inputs) {
    for (const e of input.entities) {
      if (!indexOf.has(e.id)) {
        indexOf.set(e.id, entityIds.length);
        entityIds.push(e.id);
      }
      const cuesBefore = (e.cues?.before ?? []).map(foldString).filter((c) => c !== '');
      const cuesAfter = (e.cues?.after ?? []).map(foldString).filter((c) => c !== '');
      for (const word of e.cues?.against ?? []) {
        add(word, { entity: '', entityIndex: -1, name: word, ambiguity: ALWAYS, casePattern: '', blockerScope: 'sense', blocks: [e.id], cuesBefore: [], cuesAfter: [], context: [] });
      }
      for (const n of e.names) {
        const ambiguity = n.ambiguity === undefined ? ALWAYS : AMBIGUITY[n.ambiguity];
        const pattern = n.caseSensitive === true ? casePattern(n.text) : '';
        add(n.text, { entity: e.id, entityIndex: indexOf.get(e.id)!, name: n.text, ambiguity, casePattern: pattern, blockerScope: '', blocks: [], cuesBefore, cuesAfter, context: [] });
      }
    }
    for (const b of input.blockers) {
      const context = (b.context ?? []).map(foldString).filter((c) => c !== '');
      add(b.text, { entity: '', entityIndex: -1, name: b.text, ambiguity: ALWAYS, casePattern: '', blockerScope: b.scope, blocks: b.entities, cuesBefore: [], cuesAfter: [], context });
    }
  }
  // Blockers first in each group: a blocker spelled like a name wins over it.
  for (const [key, list] of byKey) {
    list.sort((a, b) => (a.entity === '' ? 0 : 1) - (b.entity === '' ? 0 : 1));
    if (list.length > MAX_RULES) throw new Error(`match tables: more than ${MAX_RULES} names and blockers are spelled "${key}"`);
  }

  // Alphabet: punctuation used in names below the word range, letters above it, numbered in
  // order of first use. Typed arrays rather than Maps, here and in the loop over every code unit
  // below: this runs in every frame at page load, before any JIT has warmed up.
  const letterSym = new Uint16Array(65536); // folded letter → symbol (0: any other letter)
  const punctSym = new Uint16Array(65536); // folded punctuation → symbol (0: any other)
  const punct: number[] = [];
  const letters: number[] = [];
  const note = (f: number): void => {
    if (f === SPACE) return;
    if (IS_WORD[f] === 1) {
      if (letterSym[f] === 0) letters.push(f);
      letterSym[f] = 1;
    } else {
      if (punctSym[f] === 0) punct.push(f);
      punctSym[f] = 1;
    }
  };
  for (const key of byKey.keys()) for (let i = 0; i < key.length; i++) note(key.charCodeAt(i));
  for (const ch of 'وفبكلا') note(ch.charCodeAt(0));
  let next = S_PUNCT + 1;
  for (const f of punct) punctSym[f] = next++;
  const ligature = next;
  const other = ligature + 1;
  next = other + 1;
  for (const f of letters) letterSym[f] = next++;
  const alphabet = next;

  const markerSym = Uint16Array.of(S_IGNORE, S_TANWEEN, S_APOS, ligature);
  const sym = alphabet <= 0x100 ? new Uint8Array(65536) : new Uint16Array(65536);
  const symbolAt = (from: number, to: number): void => {
    for (let c = from; c < to; c++) {
      const f = fold(c);
      if (f <= EXPAND) sym[c] = markerSym[f]!;
      else if (f === SPACE) sym[c] = S_SPACE;
      else if (IS_WORD[c] === 1) sym[c] = letterSym[f] || other;
      else sym[c] = punctSym[f] || S_PUNCT;
    }
  };
  // Unit by unit outside the uniform blocks, one fill for each of them (72 % of the table, in a
  // cold frame), then the units of names that fall inside them (a name in Chinese, say).
  let done = 0;
  for (const [from, to] of UNIFORM_BLOCKS) {
    symbolAt(done, from);
    sym.fill(IS_WORD[from] === 1 ? other : S_PUNCT, from, to);
    done = to;
  }
  symbolAt(done, 65536);
  const uniformExceptions = [...letters, ...punct].filter((f) => UNIFORM_BLOCKS.some(([from, to]) => f >= from && f < to));
  for (const f of uniformExceptions) symbolAt(f, f + 1);
  const symOf = (f: number): number => (f === SPACE ? S_SPACE : letterSym[f] || punctSym[f] || S_PUNCT);
  // The ligatures' letters by the names' letters' symbols (a small map, so that the 128 KB
  // letterSym is not kept for them).
  const letterSymbols = new Map(letters.map((f) => [f, letterSym[f]!]));
  const expansions = lazyExpansions(() => {
    const map = new Map<number, Uint16Array>();
    for (const [c, text] of EXPANSIONS) map.set(c, Uint16Array.from(text, (ch) => letterSymbols.get(ch.charCodeAt(0)) ?? other));
    return map;
  });

  // Exactly as many states as the keys have distinct prefixes: sorted, each key adds the letters
  // after its common prefix with the one before.
  const sorted = [...byKey.keys()].sort();
  let capacity = 1;
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k]!;
    const prev = k > 0 ? sorted[k - 1]! : '';
    let common = 0;
    while (common < key.length && common < prev.length && key.charCodeAt(common) === prev.charCodeAt(common)) common++;
    capacity += key.length - common;
  }
  // Each state's edge in, while the trie is built (the edges out of a state: `child`, by state *
  // alphabet + symbol); laid out as a double array once it is (trie.ts).
  const from = new Int32Array(capacity);
  const symbol = new Int32Array(capacity);
  const child = new Map<number, number>();
  const accept = new Uint32Array(capacity);
  const groups: (readonly Rule[])[] = [];
  const caseGroup = new Uint8Array(byKey.size + 1);
  let states = 1;
  let depth = 0;
  const startOk = new Uint8Array(alphabet);
  for (const [key, rules] of byKey) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const s = symOf(key.charCodeAt(i));
      const at = state * alphabet + s;
      let to = child.get(at);
      if (to === undefined) {
        to = states++;
        child.set(at, to);
        from[to] = state;
        symbol[to] = s;
      }
      state = to;
      if (i === 0) startOk[s] = 1;
    }
    depth = Math.max(depth, key.length);
    groups.push(rules);
    accept[state] = groups.length;
    caseGroup[groups.length] = rules.some((r) => r.casePattern !== '') ? 1 : 0;
  }
  const p = (ch: string): number => letterSym[ch.charCodeAt(0)] || other;
  const proclitic = { waw: p('و'), fa: p('ف'), ba: p('ب'), kaf: p('ك'), lam: p('ل') };
  for (const s of Object.values(proclitic)) startOk[s] = 1;
  startOk[ligature] = 1;
  const trie = layOut(states, alphabet, from, symbol);
  const alefState = step(trie, 0, p('ا'));
  return { sym, trie, accept, alphabet, ligature, startOk, depth, expansions, groups, caseGroup, entityIds, alefState, proclitic, uniformExceptions };
}
