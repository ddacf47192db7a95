import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSliced, type ReadSteps } from './sliced-read';

// When a read draws. Drawing makes the browser repaint-check the whole page, so a long read draws
// once a second; but the top of a page just opened must be drawn by its first slice, before the
// browser's first layout of a large page (which runs before the next slice): the first slice hands
// on what its walk found even when the walk used the slice up, and until the page shows a mark,
// every slice is drawn (a decision that draws nothing costs nothing).

/** A document of `count` paragraphs of one text node each, as the block walker reads it. */
function page(count: number): Node {
  const root = { nodeType: 9, firstChild: null as unknown, getRootNode: () => root, querySelectorAll: () => [] };
  let previous: { nextSibling: unknown } | null = null;
  for (let i = 0; i < count; i++) {
    const paragraph = { nodeType: 1, localName: 'p', parentNode: root, nextSibling: null, firstChild: null as unknown };
    paragraph.firstChild = { nodeType: 3, data: `Paragraph ${i}: Putin met al-Sharaa.`, parentNode: paragraph, nextSibling: null, firstChild: null };
    if (previous) previous.nextSibling = paragraph;
    else root.firstChild = paragraph;
    previous = paragraph;
  }
  return root as unknown as Node;
}

/** A clock that moves 1 ms each time it is read: a walk uses a slice up by reading it. */
function tickingClock(): () => number {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++now);
  vi.stubGlobal('document', {}); // the read's root before its first walk
  return () => now;
}

/** Reads `root`, noting each block handed on, each draw (and what it returned) and each new slice. */
async function read(root: Node, showsAfter: number): Promise<string[]> {
  const events: string[] = [];
  let blocks = 0;
  const steps: ReadSteps = {
    enter: () => undefined,
    block: () => {
      blocks++;
      events.push('block');
    },
    draw: () => {
      events.push(`draw ${blocks >= showsAfter}`);
      return blocks >= showsAfter;
    },
    current: () => {
      events.push('slice');
      return true;
    },
  };
  await readSliced([root], steps);
  return events;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a read draws', () => {
  it('in its first slice what that slice found, though its walk used the slice up', async () => {
    tickingClock();
    const events = await read(page(20_000), 1);
    const firstDraw = events.findIndex((e) => e.startsWith('draw'));
    expect(events.slice(0, firstDraw)).toContain('block');
    expect(events[firstDraw]).toBe('draw true');
    expect(events.indexOf('slice')).toBeGreaterThan(firstDraw); // all in the first slice
  });

  it('at the end of every slice until the page shows a mark, then once a second and at the end', async () => {
    const clock = tickingClock();
    const events = await read(page(20_000), 3_000);
    const shown = events.indexOf('draw true');
    expect(shown).toBeGreaterThan(0);
    // Before: every slice ended with a draw.
    const before = events.slice(0, shown);
    before.forEach((event, i) => {
      if (event === 'slice') expect(before[i - 1], `event ${i}`).toMatch(/^draw/);
    });
    expect(before.filter((e) => e === 'slice').length).toBeGreaterThan(2);
    // After: slices without drawing, a draw a second at most, and one at the end.
    const after = events.slice(shown + 1);
    const slices = after.filter((e) => e === 'slice').length;
    const draws = after.filter((e) => e.startsWith('draw')).length;
    expect(slices).toBeGreaterThan(10);
    expect(draws).toBeLessThanOrEqual(Math.ceil(clock() / 1000) + 1);
    expect(events.at(-1)).toBe('draw true');
  });
});
