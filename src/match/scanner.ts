// The hot loop: one pass over the text, one symbol-table lookup per UTF-16 unit, folding as it
// goes. The trie is walked only from word starts whose first letter can begin a name or a
// proclitic, whose first letters pass the prefilters (pairNext; a few more units for words read
// bare, and every walk for words with a proclitic letter), and only as deep as the text keeps
// following a name. Tables live in closure constants and results in closure variables, so
// nothing is allocated per character or per word.
//
// The symbol order every comparison here assumes is compile.ts's: `s <= S_APOS` a unit the word
// goes on across, `s < ligature` no word character, `s === ligature` a ligature, `s > ligature` a
// single letter. 0 is never a state the trie goes to: a step to 0 is "no name goes on" (trie.ts;
// the hot loops write the step out).
//
// The speed depends on how the engine compiles this, by tens of per cent; what the code does for
// it: hot loops copy the tables into locals; the trie steps run in a loop without calls (walk);
// the pass over a long text is compiled while it runs, so it reads nothing with type feedback
// before its loop and builds nothing after it (see pass). What these comments say of the engine
// was observed in V8 11.3 (Node 20). After an engine upgrade, `npm run bench`
// (test/bench/match-bench.ts, its "engine" and "scan" columns) re-checks the speed, and
// `node --trace-deopt` on a long scan shows whether it deoptimises over and over.

import { S_APOS, S_IGNORE, S_SPACE, S_TANWEEN, UNIFORM_BLOCKS, type Tables } from './compile';
import { foldTables } from './fold-table';
import { step } from './trie';

/** Zero-width, bidi and other invisible controls (as opposed to marks drawn on a letter). */
function isFormatControl(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) ||
    c === 0xfeff || c === 0x00ad || c === 0x061c || c === 0x180e;
}

/**
 * True when the letters of text[start, end) show `pattern` (compile.ts casePattern: 'U' or 'l' per
 * letter), compared as it goes: no string is built and no character lower-cased but non-ASCII
 * ones.
 */
export function caseMatches(text: string, start: number, end: number, pattern: string): boolean {
  const { IS_WORD } = foldTables();
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (IS_WORD[c] !== 1) continue;
    if (k === pattern.length) return false;
    const ch = String.fromCharCode(c);
    const upper = c < 0x80 ? c >= 0x41 && c <= 0x5a : ch !== ch.toLowerCase();
    if (pattern.charCodeAt(k++) !== (upper ? 0x55 : 0x6c)) return false;
  }
  return k === pattern.length;
}

/**
 * The spellings one scan found, before the matcher sorts them into candidates: in text order,
 * never overlapping, each [start, end) and its spelling group (Tables.groups index + 1). Parallel
 * arrays, valid up to `count` and until the next scan.
 */
export interface SpellingMatches {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly groups: Int32Array;
}

/**
 * Per code unit, what the search for word starts reads (kindTable), as bits. That loop keeps "in a
 * word" as 0 or the Transparent bit, updated from a unit's kind with two bit operations, no branch
 * and no second lookup, so the loop-carried chain stays short: a letter sets it (Letter shifted
 * right by LETTER_TO_IN_WORD is Transparent), a transparent unit keeps it, anything else clears
 * it. A word starts at a Start unit while not in a word.
 */
const enum Kind {
  /** A letter that can begin a name or a proclitic. */
  Start = 1,
  /** A mark: the word goes on across it (an apostrophe does not: l'AFP). Also the search's "in a word". */
  Transparent = 4,
  /** A word character: a letter, a digit or a ligature. */
  Letter = 64,
}

/** Kind.Letter >> this is Kind.Transparent. */
const enum Shift {
  LetterToInWord = 4,
}

/** The kind (Kind bits) of the units with symbol `s`. */
export function kindOfSymbol(s: number, t: Pick<Tables, 'ligature' | 'startOk'>): number {
  // A word may start after an apostrophe: French and Italian elide the article (l'AFP, d'Assad,
  // dell'AFP). Across one, a name goes on (Sana'a), and a possessive ends it (wordEnd).
  return s >= t.ligature ? (t.startOk[s] === 1 ? Kind.Letter | Kind.Start : Kind.Letter) : s < S_APOS ? Kind.Transparent : 0;
}

/** The kind (Kind bits) of every code unit, from the symbol table (or as decoded with it). */
export function kindTable(t: Tables): Uint8Array {
  if (t.kind) return t.kind;
  const { sym } = t;
  const kind = new Uint8Array(65536);
  const kindAt = (from: number, to: number): void => {
    for (let c = from; c < to; c++) kind[c] = kindOfSymbol(sym[c]!, t);
  };
  // As the symbols: unit by unit outside the uniform blocks, a fill inside them (see compile.ts).
  const exceptions = new Set(t.uniformExceptions);
  let done = 0;
  for (const [from, to] of UNIFORM_BLOCKS) {
    kindAt(done, from);
    let probe = from; // a unit with the block's own symbol
    while (exceptions.has(probe)) probe++;
    kindAt(probe, probe + 1);
    kind.fill(kind[probe]!, from, to);
    done = to;
  }
  kindAt(done, 65536);
  for (const c of exceptions) kindAt(c, c + 1);
  return kind;
}

/**
 * What the word-start prefilter's table (pairTable) says of a word's first two letters. Values
 * from FirstState up are FirstState + a trie state.
 */
const enum Pair {
  /** No walk from this word can go on. */
  None = 0,
  /** A ligature, a one-letter name first, or a name ending within the two letters: straight to tryAt. */
  LongWay = 1,
  /** A proclitic first letter: procliticWalks decides. */
  Proclitic = 2,
  /** FirstState + the state of the bare walk after both letters, the only walk from a letter that is not a proclitic. */
  FirstState = 3,
}

/**
 * The word-start prefilter's table, per pair of first letters (a * alphabet + b), both above the
 * ligature symbol or it: a Pair. Most words fail at their first two letters, in this one lookup,
 * and never reach tryAt.
 */
export function pairTable(t: Tables): Int32Array {
  const { trie, accept, alphabet, ligature, alefState } = t;
  const { waw, fa, ba, kaf, lam } = t.proclitic;
  const pairs = new Int32Array(alphabet * alphabet);
  for (let a = ligature; a < alphabet; a++) {
    const s1 = step(trie, 0, a);
    const proclitic = a === waw || a === fa || a === ba || a === kaf || a === lam;
    for (let b = ligature; b < alphabet; b++) {
      const at = a * alphabet + b;
      const s2 = s1 === 0 ? 0 : step(trie, s1, b);
      if (a === ligature || b === ligature || (s1 !== 0 && accept[s1] !== 0)) pairs[at] = Pair.LongWay;
      else if (proclitic) {
        const ok = s2 !== 0 || step(trie, 0, b) !== 0 || ((a === waw || a === fa) && (b === ba || b === kaf || b === lam)) ||
          (a === lam && alefState !== 0 && step(trie, alefState, b) !== 0);
        pairs[at] = ok ? Pair.Proclitic : Pair.None;
      } else if (s2 !== 0) pairs[at] = accept[s2] !== 0 ? Pair.LongWay : Pair.FirstState + s2;
    }
  }
  return pairs;
}

/** The walks tryAt takes from a word that starts with a proclitic letter, as bits (procliticWalks). */
const enum Walk {
  /** The word as it is. */
  Bare = 1,
  /** After its first letter (و ف ب ك ل). */
  AfterOne = 2,
  /** After ل, with the alef of ال dropped (للأسد). */
  LamAlOne = 4,
  /** After two proclitic letters (وب، فل). */
  AfterTwo = 8,
  /** After و or ف and ل, with the alef of ال dropped (وللأسد). */
  LamAlTwo = 16,
}

/**
 * Builds the scan function for compiled tables. `exhaustive` (for tests) tries every word start
 * that can begin a name or a proclitic, without the prefilters that rule most words out early.
 */
export function createScanner(t: Tables, exhaustive = false): (text: string) => SpellingMatches {
  const { sym, trie, accept, alphabet, ligature, expansions, caseGroup, alefState } = t;
  const { base, targets, parent } = trie;
  const { waw, fa, ba, kaf, lam } = t.proclitic;
  let bestStart = -1;
  let bestEnd = -1;
  let bestGroup = 0;

  /** Index of the next letter from j, skipping ignorable units; -1 if a non-letter comes first. */
  function nextLetter(text: string, j: number): number {
    for (; j < text.length; j++) {
      const s = sym[text.charCodeAt(j)]!;
      if (s === S_IGNORE) continue;
      return s >= ligature ? j : -1;
    }
    return -1;
  }

  /**
   * Where a name ending before text[e] ends if e is a word boundary (trailing marks included),
   * else -1. An apostrophe is a boundary when followed by a non-letter or by `s` + non-letter
   * (possessive, kept outside); tanween fath makes another word form (روسياً).
   */
  function wordEnd(text: string, e: number): number {
    const n = text.length;
    // Marks after the last letter belong to it; invisible format controls do not.
    let end = e;
    while (e < n && sym[text.charCodeAt(e)] === S_IGNORE) {
      e++;
      if (!isFormatControl(text.charCodeAt(e - 1))) end = e;
    }
    if (e === n) return end;
    const s = sym[text.charCodeAt(e)]!;
    if (s === S_TANWEEN || s >= ligature) return -1;
    if (s !== S_APOS) return end;
    let k = e + 1;
    while (k < n && sym[text.charCodeAt(k)] === S_IGNORE) k++;
    if (k === n) return end;
    const a = sym[text.charCodeAt(k)]!;
    if (a < ligature) return a === S_TANWEEN ? -1 : end;
    const c = text.charCodeAt(k);
    if (c !== 0x73 && c !== 0x53) return -1;
    k++;
    while (k < n && sym[text.charCodeAt(k)] === S_IGNORE) k++;
    if (k === n) return end;
    const after = sym[text.charCodeAt(k)]!;
    return after < ligature && after !== S_TANWEEN ? end : -1;
  }

  function caseOk(group: number, text: string, start: number, end: number): boolean {
    if (caseGroup[group] === 0) return true;
    // A plain loop, not `some` with an arrow: a closure created on this rare path has no type
    // feedback when the scan is optimised, and deoptimised it (V8 11.3) when a case-sensitive name
    // appeared.
    const rules = t.groups[group - 1]!; // read here: decoded tables parse their rules on first use
    for (let i = 0; i < rules.length; i++) {
      const p = rules[i]!.casePattern;
      if (p === '' || caseMatches(text, start, end, p)) return true;
    }
    return false;
  }

  /** A name of `group` ends before text[e]: keep it if it ends on a boundary and is the longest. */
  function accepted(text: string, start: number, e: number, group: number): void {
    const end = wordEnd(text, e);
    if (end > bestEnd && caseOk(group, text, start, end)) {
      bestStart = start;
      bestEnd = end;
      bestGroup = group;
    }
  }

  /** The state after a ligature's letters from `state` (0: none). */
  function afterLigature(c: number, state: number): number {
    const seq = expansions.get(c);
    if (seq === undefined) return 0;
    for (let k = 0; k < seq.length && state !== 0; k++) {
      const to = targets[base[state]! + seq[k]!]!;
      state = parent[to] === state ? to : 0;
    }
    return state;
  }

  // Where names end along the current walk (index after the last unit, and the rule group), in
  // order. Why Tables.depth of them is enough: walk notes an end only right after a step of the
  // trie into an accepting state (a letter, a punctuation mark, or a ligature's letters, never
  // empty), never after a unit it skips; a trie's steps only go deeper, so the ends of one walk are
  // at distinct states on one path from the root, no deeper than Tables.depth. A bound from the
  // names' lengths in units was not: a ligature is one unit and up to fifteen letters (ﷺ).
  // scanner.test.ts checks the bound on the trie itself.
  const endAt = new Int32Array(t.depth);
  const endGroup = new Int32Array(t.depth);

  /**
   * Follows the trie from `state` at text[resume] (text[start, resume) already followed to reach
   * it) and keeps the longest name from `start` ending on a boundary.
   * The steps run in a loop without calls: V8 (11.3) keeps no value in a register across a call,
   * so a call in the loop would put its index and state on the stack, read back at every unit.
   * Where names end is noted and checked after the loop; a ligature (rare) leaves the loop and
   * comes back.
   */
  function walk(text: string, start: number, resume: number, state: number): void {
    const symOf = sym;
    const bases = base;
    const next = targets;
    const up = parent;
    const acc = accept;
    const lig = ligature;
    let ends = 0;
    let from = resume;
    for (;;) {
      let st = state;
      let gap = false;
      let at = -1;
      for (let j = from; j < text.length; j++) {
        const s = symOf[text.charCodeAt(j)]!;
        // By the symbol order, most frequent first: a letter; a mark or apostrophe (skipped); a
        // gap; a ligature; punctuation (S_PUNCT, which no name holds, has no step: the walk ends).
        if (s > lig) {
          const to = next[bases[st]! + s]!;
          st = up[to] === st ? to : 0;
          gap = false;
        } else if (s <= S_APOS) {
          continue;
        } else if (s === S_SPACE) {
          // A run of gaps is one gap; no name ends in one.
          if (gap) continue;
          gap = true;
          const to = next[bases[st]! + S_SPACE]!;
          st = up[to] === st ? to : 0;
          if (st === 0) break;
          continue;
        } else if (s === lig) {
          at = j;
          break;
        } else {
          const to = next[bases[st]! + s]!;
          st = up[to] === st ? to : 0;
          gap = false;
        }
        if (st === 0) break;
        if (acc[st] !== 0) {
          endAt[ends] = j + 1;
          endGroup[ends++] = acc[st]!;
        }
      }
      if (at < 0) break;
      state = afterLigature(text.charCodeAt(at), st);
      if (state === 0) break;
      if (accept[state] !== 0) {
        endAt[ends] = at + 1;
        endGroup[ends++] = accept[state]!;
      }
      from = at + 1;
    }
    for (let k = 0; k < ends; k++) accepted(text, start, endAt[k]!, endGroup[k]!);
  }

  /** All walks from one word start: the bare word, then after و/ف, ب/ك/ل, and ل + ال. */
  function tryAt(text: string, i: number, s: number): void {
    bestEnd = -1;
    walk(text, i, i, 0);
    let at = i;
    let letter = s;
    // Each walk is tried only if its first step exists (ligatures always go the long way).
    if (letter === waw || letter === fa) {
      at = nextLetter(text, at + 1);
      if (at < 0) return;
      letter = sym[text.charCodeAt(at)]!;
      if (letter === ligature || step(trie, 0, letter) !== 0) walk(text, at, at, 0);
    }
    if (letter === ba || letter === kaf || letter === lam) {
      const q = nextLetter(text, at + 1);
      if (q < 0) return;
      const next = sym[text.charCodeAt(q)]!;
      if (next === ligature || step(trie, 0, next) !== 0) walk(text, q, q, 0);
      if (letter === lam && alefState !== 0 && (next === ligature || step(trie, alefState, next) !== 0)) walk(text, q, q, alefState);
    }
  }

  const kind = kindTable(t);

  // The found spellings' buffers are reused from scan to scan and grow by doubling; a scan returns
  // them (the same object each time), valid until the next scan.
  const found: { count: number; starts: Int32Array; ends: Int32Array; groups: Int32Array } = {
    count: 0,
    starts: new Int32Array(256),
    ends: new Int32Array(256),
    groups: new Int32Array(256),
  };
  function grow(): void {
    const size = found.starts.length * 2;
    const more = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    found.starts = more(found.starts);
    found.ends = more(found.ends);
    found.groups = more(found.groups);
  }
  /** Appends the name the last tryAt kept. */
  function record(): void {
    if (found.count === found.starts.length) grow();
    const k = found.count;
    found.starts[k] = bestStart;
    found.ends[k] = bestEnd;
    found.groups[k] = bestGroup;
    found.count = k + 1;
  }

  const pairNext = t.pairs ?? pairTable(t);

  /**
   * From `state`, whether the trie follows the symbols a, b, c, d (a is one; 0: no more) without
   * dying before a name ends or the symbols run out.
   */
  function follows(state: number, a: number, b: number, c: number, d: number): boolean {
    state = step(trie, state, a);
    if (state === 0) return false;
    if (b === 0 || accept[state] !== 0) return true;
    state = step(trie, state, b);
    if (state === 0) return false;
    if (c === 0 || accept[state] !== 0) return true;
    state = step(trie, state, c);
    if (state === 0) return false;
    if (d === 0 || accept[state] !== 0) return true;
    return step(trie, state, d) !== 0;
  }

  /**
   * The walks that can find a name in a word that starts with the proclitic letter s and goes on
   * with s2 s3 s4 s5 (s2 a letter; then letters, or the last one a gap or punctuation, or 0: no
   * more): the bare word (over s to s4), the word after s, after s and a second proclitic, and
   * ل + ال after one or two letters (each as far as s5). 0: none.
   */
  function procliticWalks(s: number, s2: number, s3: number, s4: number, s5: number): number {
    let m = 0;
    if (follows(0, s, s2, s3, s4)) m |= Walk.Bare;
    if (follows(0, s2, s3, s4, s5)) m |= Walk.AfterOne;
    if (s === lam) {
      if (alefState !== 0 && follows(alefState, s2, s3, s4, s5)) m |= Walk.LamAlOne;
    } else if ((s === waw || s === fa) && (s2 === ba || s2 === kaf || s2 === lam) && s3 > ligature) {
      if (follows(0, s3, s4, s5, 0)) m |= Walk.AfterTwo;
      if (s2 === lam && alefState !== 0 && follows(alefState, s3, s4, s5, 0)) m |= Walk.LamAlTwo;
    }
    return m;
  }

  /**
   * tryAt for a word at i whose first units are plain letters, taking only `walks` (procliticWalks),
   * in tryAt's order: the others would find nothing. Each starts where tryAt's would.
   */
  function tryWalks(text: string, i: number, walks: number): void {
    bestEnd = -1;
    if ((walks & Walk.Bare) !== 0) walk(text, i, i, 0);
    if ((walks & Walk.AfterOne) !== 0) walk(text, i + 1, i + 1, 0);
    if ((walks & Walk.AfterTwo) !== 0) walk(text, i + 2, i + 2, 0);
    if ((walks & Walk.LamAlOne) !== 0) walk(text, i + 1, i + 1, alefState);
    if ((walks & Walk.LamAlTwo) !== 0) walk(text, i + 2, i + 2, alefState);
  }

  /**
   * The pass over the text. A long text is scanned by code compiled while this loop runs
   * (on-stack replacement, as V8 11.3 does it), before anything after the loop has run; so nothing may follow the
   * loop that needs type feedback (building the result there deoptimised every long scan at its
   * end), and nothing but parameters and closure constants is read before it: even text.length
   * there could lack feedback (a function gets its feedback vector only once it has run a while),
   * and the deoptimisation it caused left only the slower loop-entry code in use. So the loop
   * tests text.length itself, which also lets the optimiser drop charCodeAt's bounds check.
   * Spellings found are appended by record().
   *
   * The search for the next word start is a loop of its own, whose variables are not live across
   * the calls to tryAt: V8 (11.3) keeps no value in a register across a call, so the single loop kept
   * `i` and the word state on the stack, and read them back at every unit.
   */
  function pass(text: string): void {
    const kindOf = kind;
    const symOf = sym;
    const pn = pairNext;
    const bases = base;
    const next = targets;
    const up = parent;
    const acc = accept;
    const width = alphabet;
    const lig = ligature;
    const filter = !exhaustive;
    let from = 0;
    let first = 0;
    for (;;) {
      let i = from;
      let inWord = first;
      for (; i < text.length; i++) {
        const k = kindOf[text.charCodeAt(i)]!;
        // Start and nothing else: a letter that can begin a name, not inside a word.
        const startHere: Kind = (k & Kind.Start) | inWord;
        if (startHere === Kind.Start) break;
        inWord = (inWord & k) | ((k >> Shift.LetterToInWord) & Kind.Transparent);
      }
      if (i >= text.length) break;
      from = i + 1;
      first = Kind.Transparent; // in a word
      const s = symOf[text.charCodeAt(i)]!;
      // A word read bare whose first two letters are plain: its walk resumes after them.
      let bare = 0;
      let walks = 0;
      if (filter && i + 2 < text.length) {
        const s2 = symOf[text.charCodeAt(i + 1)]!;
        // Only plain letters can rule a word out; marks, gaps and ligatures go the long way.
        if (s2 > lig) {
          // A word ruled out here goes on after the letters just read: they are in the same word, so
          // no word starts among them and the search for the next one need not read them again.
          const v: Pair = pn[s * width + s2]!;
          if (v === Pair.None) {
            from = i + 2;
            continue;
          }
          // Without a proclitic only the bare walk is possible: follow it two units further
          // (most Arabic words share ال and often a third letter with some name). A gap or a
          // punctuation mark is a step like a letter; marks and ligatures go the long way, and
          // so does a name ending within those letters.
          if (v >= Pair.FirstState) {
            const st2 = v - Pair.FirstState;
            bare = st2;
            const s3 = symOf[text.charCodeAt(i + 2)]!;
            if (s3 >= S_SPACE && s3 !== lig) {
              const to3 = next[bases[st2]! + s3]!;
              const st3 = up[to3] === st2 ? to3 : 0;
              if (st3 === 0) {
                from = s3 > lig ? i + 3 : i + 2;
                continue;
              }
              if (acc[st3] === 0 && i + 3 < text.length) {
                // After a letter, a gap or a punctuation mark is a step too; after a gap or a
                // punctuation mark, only a letter is (a run of gaps is one gap).
                const s4 = symOf[text.charCodeAt(i + 3)]!;
                if ((s4 > lig || (s3 > lig && s4 >= S_SPACE && s4 !== lig)) && up[next[bases[st3]! + s4]!] !== st3) {
                  from = s3 > lig ? (s4 > lig ? i + 4 : i + 3) : i + 2;
                  continue;
                }
              }
            }
          } else if (v === Pair.Proclitic) {
            // A proclitic first letter: the walks tryAt would take that get past these units.
            const s3 = symOf[text.charCodeAt(i + 2)]!;
            if (s3 >= S_SPACE && s3 !== lig) {
              let s4 = 0;
              let s5 = 0;
              if (i + 3 < text.length) {
                s4 = symOf[text.charCodeAt(i + 3)]!;
                // As above: after a gap or a punctuation mark, only a letter is a step.
                if (s3 < lig && s4 < lig) s4 = 0;
                // One unit more for the walks that start after the proclitic (وال, بال: the article
                // and one letter are not enough), when it is a step: not a mark, which the walks
                // skip, nor a ligature.
                if (s3 > lig && s4 > lig && i + 4 < text.length) {
                  s5 = symOf[text.charCodeAt(i + 4)]!;
                  if (s5 < S_SPACE || s5 === lig) s5 = 0;
                }
              }
              if (s4 === 0 || (s4 >= S_SPACE && s4 !== lig)) {
                walks = procliticWalks(s, s2, s3, s4, s5);
                if (walks === 0) {
                  from = s3 > lig ? (s4 > lig ? (s5 > lig ? i + 5 : i + 4) : i + 3) : i + 2;
                  continue;
                }
              }
            }
          }
        }
      }
      if (bare !== 0) {
        bestEnd = -1;
        walk(text, i, i + 2, bare);
      } else if (walks !== 0) {
        tryWalks(text, i, walks);
      } else {
        tryAt(text, i, s);
      }
      if (bestEnd < 0) continue;
      record();
      from = bestEnd;
    }
  }

  return function scan(text: string): SpellingMatches {
    found.count = 0;
    pass(text);
    return found;
  };
}
