// Time-slicing for work on the page's main thread: a task runs until its slice is used up, then
// yields so that the page stays responsive (no task of Hashiya's over 50 ms). A MessageChannel
// yields at once; setTimeout(0) would be clamped to 4 ms after a few nested calls.

/** How long one slice may run. Well under the 50 ms that makes a long task. */
const SLICE_MS = 8;

/**
 * How long the first slice of a read may walk, and then hand on what the walk found: it also pays
 * for the walk's start (one query of the whole document), the matcher's decoding and cold code,
 * and it is what draws the top of the page before the browser's first layout of it, which on a
 * large page runs before the next slice. On the stress page an 8 ms first slice walked past its
 * deadline and yielded before handing on any block, and the first marks came after that layout,
 * 0.5-2.5 s later. Together still under 50 ms.
 */
export const FIRST_SLICE_MS = { walk: 20, handOn: 40 } as const;

/** Made at the first yield: the loader, which every frame runs, imports this too. */
let channel: MessageChannel | null = null;
const queue: (() => void)[] = [];

/** Resolves in a new task, after the browser has had a chance to handle input and paint. */
export function yieldToPage(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resume) => {
    queue.push(resume);
    port.postMessage(null);
  });
}

/** A deadline for the current slice: `shouldYield()` turns true once SLICE_MS have passed. */
export function sliceDeadline(ms = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

// A window that has gone (its tab closed, its frame removed) may still run what was under way in
// it: a message's answer, a read's last slice. Firefox throws NS_ERROR_NOT_INITIALIZED from its
// timers then, an error in the console for work that has nothing left to do. So Hashiya's timers
// are set through these two, which set none there.

/** setTimeout, but nothing (0) in a window that has gone. */
export function later(run: () => void, ms: number): number {
  return window.closed ? 0 : window.setTimeout(run, ms);
}

/** requestAnimationFrame, but nothing in a window that has gone. */
export function atNextFrame(run: () => void): void {
  if (!window.closed) requestAnimationFrame(run);
}
