// The sliced read: walks the page's text blocks a slice at a time (scheduler.ts), so that the
// page stays responsive, and says when to draw what has been found. Also the order of a read: on
// a page already scrolled, the part in view comes first.
import { FIRST_SLICE_MS, sliceDeadline, yieldToPage } from './scheduler';
import { BlockWalker, isInSkippedSubtree, type TextBlock } from './text-collector';

/** Where text is read and drawn: the document or an open shadow root. */
export type Root = Document | ShadowRoot;

/** How often a long read draws what it has found so far. */
const DRAW_INTERVAL_MS = 1000;

/** What a read does with what it finds. */
export interface ReadSteps {
  /** A walk is about to start in `root` (called for every walk, the same root possibly again). */
  enter(root: Root): void;
  /** One text block of `root`, in reading order. */
  block(block: TextBlock, root: Root): void;
  /**
   * Time to draw what has been read so far: after every slice until the page shows a mark, then
   * once a second, and at the end. Returns whether the page shows a mark now.
   */
  draw(): boolean;
  /** False once the read has been superseded: it then stops at its next slice. */
  current(): boolean;
}

/**
 * Reads `roots` in order; `readFirst` are subtrees of a later root, read on their own before it;
 * of the roots in `ownTextOnly`, only their own text is read, not the blocks inside them.
 */
export async function readSliced(roots: readonly Node[], steps: ReadSteps, readFirst: ReadonlySet<Node> = new Set(), ownTextOnly: ReadonlySet<Node> = new Set()): Promise<void> {
  const walkers: { walker: BlockWalker; root: Root }[] = [];
  for (const root of roots) enqueue(root, walkers, steps, readFirst.has(root) ? undefined : readFirst, ownTextOnly.has(root));
  let drawn = -Infinity;
  let showing = false;
  // The blocks a walk has found and not yet handed on: a long text comes as many blocks
  // (text-collector.ts MAX_BLOCK), and each slice takes only as many as its time allows.
  let found: { blocks: TextBlock[]; next: number; root: Root } = { blocks: [], next: 0, root: document };
  const more = () => found.next < found.blocks.length;
  for (let slice = 0; walkers.length > 0 || more(); slice++) {
    const shouldYield = slice === 0 ? sliceDeadline(FIRST_SLICE_MS.walk) : sliceDeadline();
    // The first slice hands on what its walk found even when the walk used the slice up.
    const handedOn = slice === 0 ? sliceDeadline(FIRST_SLICE_MS.handOn) : shouldYield;
    while ((walkers.length > 0 || more()) && !(more() ? handedOn() : shouldYield())) {
      if (more()) {
        steps.block(found.blocks[found.next++]!, found.root);
        continue;
      }
      const walker = walkers[0]!;
      found = { blocks: walker.walker.next(shouldYield), next: 0, root: walker.root };
      if (walker.walker.done) walkers.shift();
    }
    // Every change to a registered highlight makes the browser repaint-check the whole page
    // (Chromium 156's PrePaint: ~60 ms on the 6 MB stress page), so once the page shows a mark
    // the rest is drawn when the read ends (or once a second on a page that takes longer). Until
    // then every slice is drawn: the top of the page, what a fresh load shows, may hold only
    // names that wait for evidence from the slices after it, and a decision that draws nothing
    // costs the page nothing. (Drawn once a second from the first slice on, the stress page's
    // first marks came a second after its first slice.)
    const done = walkers.length === 0 && !more();
    if (done || !showing || performance.now() - drawn >= DRAW_INTERVAL_MS) {
      showing = steps.draw();
      drawn = performance.now();
    }
    if (done) break;
    await yieldToPage();
    if (!steps.current()) return;
  }
}

/** Queues a walk of `start`; open shadow roots met on the way are queued behind it. */
function enqueue(start: Node, queue: { walker: BlockWalker; root: Root }[], steps: ReadSteps, skip?: ReadonlySet<Node>, ownTextOnly = false): void {
  const root = start.getRootNode() as Root;
  steps.enter(root);
  queue.push({ walker: new BlockWalker(start, (shadow) => enqueue(shadow, queue, steps), skip, ownTextOnly), root });
}

/**
 * Whether this is the first look at a page just navigated to, with no fragment to scroll to: it
 * is at its top, and asking where it is scrolled (scrollY) would force the layout of the whole
 * page in Hashiya's task, ahead of the browser's own (60-90 ms on the stress page, right after
 * DOMContentLoaded). A reload, a return through history or an anchor may start elsewhere.
 */
export function freshAtTop(): boolean {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return entry?.type === 'navigate' && location.hash === '';
}

/**
 * On a page already scrolled (a reload that restored the position, a single-page navigation, an
 * anchor), the elements in view — the children of one ancestor, from the one at the top of the
 * viewport to the one at the bottom — read before the rest so the reader's marks come first.
 * Null at the top of the page, where document order is visible order (and asking for layout
 * would force it early).
 */
export function visiblePart(): Element[] | null {
  if (!document.body || scrollY === 0) return null;
  // The first content element met going down from the top edge, and up from the bottom edge
  // (margins and the space after the last line hit <body> or <html>).
  const at = (from: number, step: number) => {
    for (let y = from; y >= 0 && y < innerHeight; y += step) {
      const element = document.elementFromPoint(innerWidth / 2, y);
      if (element && element !== document.body && element !== document.documentElement) return element;
    }
    return null;
  };
  const top = at(1, 16);
  const bottom = at(innerHeight - 2, -16);
  if (!top || !bottom) return null;
  const range = document.createRange();
  range.setStartBefore(top);
  range.setEndAfter(bottom);
  const common = range.commonAncestorContainer;
  const childOf = (element: Element) => {
    let node: Element | null = element;
    while (node && node.parentNode !== common) node = node.parentElement;
    return node;
  };
  if (common === top || common === bottom) return isInSkippedSubtree(common) ? null : [common as Element];
  const first = childOf(top);
  const last = childOf(bottom);
  const part: Element[] = [];
  for (let node: Element | null = first; node; node = node.nextElementSibling) {
    if (!isInSkippedSubtree(node)) part.push(node);
    if (node === last) break;
  }
  return part.length > 0 ? part : null;
}
