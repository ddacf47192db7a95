// The names' trie, laid out as a double array: the states' rows of the transition table overlap,
// each shifted (its base) so that no two states' edges share a slot. A dense table of states ×
// alphabet (4 049 × 68 for the bundled pack) was 550 KB of memory in every frame that read, for
// about 4 000 edges, and grew with an imported pack's names as states × alphabet. This one is about
// three arrays of the states' count.
//
// The step from `state` on symbol `s` (0: no name goes on; 0 is the root, which no edge enters):
//
//   const to = targets[base[state] + s];
//   next = parent[to] === state ? to : 0;
//
// `targets` is long enough for every state's row (base + alphabet), so no read is out of bounds,
// and `parent[0]` is -1, so an empty slot is never a step. The scanner's hot loops write the step
// out where they run (scanner.ts, walk): `step` below is for the rest.

/** The trie of the names' symbols. */
export interface Trie {
  /** Each state's row in `targets`. */
  readonly base: Int32Array;
  /** The state an edge goes to, at its from-state's base + its symbol (0: empty). */
  readonly targets: Uint16Array | Uint32Array;
  /** Each state's one edge in: the state it leaves (-1 for the root). */
  readonly parent: Int32Array;
}

/** The state after `state` on symbol `s` (0: none). */
export function step(trie: Trie, state: number, s: number): number {
  const to = trie.targets[trie.base[state]! + s]!;
  return trie.parent[to] === state ? to : 0;
}

/**
 * Lays out the trie whose state `to` (1 … states - 1) is entered from `from[to]` on symbol
 * `symbol[to]`: each state's base is the lowest at which all its edges find free slots (first
 * fit). At build time, and where the page compiles imported packs.
 */
export function layOut(states: number, alphabet: number, from: ArrayLike<number>, symbol: ArrayLike<number>): Trie {
  // Each state's edges, as a list through `sibling`.
  const firstChild = new Int32Array(states).fill(-1);
  const sibling = new Int32Array(states).fill(-1);
  for (let to = states - 1; to >= 1; to--) {
    const f = from[to]!;
    if (!(f >= 0 && f < to)) throw new Error('trie: bad edge');
    sibling[to] = firstChild[f]!;
    firstChild[f] = to;
  }
  const bases = new Int32Array(states);
  // The free slots: freeFrom(i) is the lowest free slot at or after i (a union-find with path
  // halving: a taken slot points further on). Only free slots are tried for a state's lowest edge,
  // so a state costs as many tries as the free slots below its own, which stay few.
  let next = new Int32Array(2 * (states + alphabet)).map((_, i) => i);
  const grow = (size: number) => {
    if (size <= next.length) return;
    const more = new Int32Array(Math.max(size, 2 * next.length)).map((_, i) => i);
    more.set(next);
    next = more;
  };
  const freeFrom = (i: number): number => {
    grow(i + 1);
    while (next[i] !== i) {
      const j = next[i]!;
      grow(next[j]! + 1);
      next[i] = next[j]!;
      i = j;
    }
    return i;
  };
  const free = (at: number) => (grow(at + 1), next[at] === at);
  for (let state = 0; state < states; state++) {
    const first = firstChild[state]!;
    if (first < 0) continue; // no edge out: its base only ever leads to a failed check
    let low = alphabet;
    for (let c = first; c >= 0; c = sibling[c]!) low = Math.min(low, symbol[c]!);
    let b = freeFrom(low) - low;
    for (;;) {
      let c = first;
      while (c >= 0 && free(b + symbol[c]!)) c = sibling[c]!;
      if (c < 0) break;
      b = freeFrom(b + low + 1) - low;
    }
    for (let c = first; c >= 0; c = sibling[c]!) next[b + symbol[c]!] = b + symbol[c]! + 1;
    bases[state] = b;
  }
  return withBases(states, alphabet, from, symbol, bases);
}

/**
 * The trie of those edges with each state's base given (as `layOut` chose them, at build time).
 * Throws where the bases put two edges in one slot, or an edge is not a trie's.
 */
export function withBases(states: number, alphabet: number, from: ArrayLike<number>, symbol: ArrayLike<number>, bases: ArrayLike<number>): Trie {
  const base = bases instanceof Int32Array ? bases : Int32Array.from(bases);
  if (base.length !== states) throw new Error('trie: a base for every state');
  let top = 0;
  for (let state = 0; state < states; state++) {
    const b = base[state]!;
    if (b < 0) throw new Error('trie: bad base');
    if (b > top) top = b;
  }
  const targets = states < 0x10000 ? new Uint16Array(top + alphabet) : new Uint32Array(top + alphabet);
  const parent = new Int32Array(states);
  parent[0] = -1;
  for (let to = 1; to < states; to++) {
    const f = from[to]!;
    const s = symbol[to]!;
    if (!(f >= 0 && f < to && s >= 0 && s < alphabet)) throw new Error('trie: bad edge');
    const at = base[f]! + s;
    if (targets[at] !== 0) throw new Error('trie: two edges in one slot');
    targets[at] = to;
    parent[to] = f;
  }
  return { base, targets, parent };
}
