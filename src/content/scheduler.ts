// Time-slicing for work on the page's main thread: a task runs until its slice is used up, then
// yields so that the page stays responsive (no task of Hashiya's over 50 ms). A MessageChannel
// yields at once; setTimeout(0) would be clamped to 4 ms after a few nested calls.

/** How long one slice may run. Well under the 50 ms that makes a long task. */
const SLICE_MS = 8;

const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

/** Resolves in a new task, after the browser has had a chance to handle input and paint. */
export function yieldToPage(): Promise<void> {
  return new Promise((resume) => {
    queue.push(resume);
    channel.port2.postMessage(null);
  });
}

/** A deadline for the current slice: `shouldYield()` turns true once SLICE_MS have passed. */
export function sliceDeadline(ms = SLICE_MS): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}
