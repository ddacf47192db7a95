import { describe, expect, it } from 'vitest';
import { outermost, withinAny } from './page-watcher';

// The flush of many changed blocks: the outermost ones are found by climbing from each, so the work
// grows with the number of blocks times the depth of the page, not with its square.

/** A tree of fake nodes that counts every step up (`parentNode` read). */
function tree() {
  let steps = 0;
  const make = (parent: object | null) => {
    const node = {};
    Object.defineProperty(node, 'parentNode', {
      get: () => {
        steps++;
        return parent;
      },
    });
    return node as Node;
  };
  return { make, steps: () => steps };
}

describe('outermost changed blocks', () => {
  it('keeps the blocks that are inside no other, and only those', () => {
    const { make } = tree();
    const body = make(null);
    const section = make(body);
    const p1 = make(section);
    const p2 = make(section);
    const other = make(body);
    expect(outermost([p1, section, p2, other, p1])).toEqual([section, other]);
    expect(withinAny(p2, new Set([section]))).toBe(true);
    expect(withinAny(other, new Set([section]))).toBe(false);
  });

  it('costs the number of blocks times the depth, not their square', () => {
    const { make, steps } = tree();
    let parent = make(null);
    for (let depth = 0; depth < 8; depth++) parent = make(parent); // a page 9 deep
    const blocks = Array.from({ length: 5000 }, () => make(parent));
    expect(outermost(blocks)).toHaveLength(5000);
    expect(steps()).toBeLessThanOrEqual(5000 * 11); // each climbs at most the depth, plus its own step
  });
});
