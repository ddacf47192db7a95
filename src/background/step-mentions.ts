import type { CloseCardMessage, StepMentionMessage } from '../messages';

// The next/previous-mention shortcuts, across a tab's frames. Each frame steps through its own
// mentions in document order (content/engine.ts step); here the frames that hold any are taken in
// turn, the top frame first and the others in the order the browser numbered them: the frame the
// last step showed goes on from there, and when it has no mention left that way the next frame
// starts from its edge, round to the first frame again. A frame left closes its card first.

/** The frame each tab's last step showed a mention in. In memory: a restarted background starts again from the top frame. */
const lastFrame = new Map<number, number>();

/**
 * Shows the next (1) or previous (-1) mention of tab `tabId`, whose frames with mentions are
 * `frames` (any order), asking each frame with `tellFrame`; false when the tab has none.
 */
export async function stepMentions(
  tabId: number,
  direction: 1 | -1,
  frames: readonly number[],
  tellFrame: (frameId: number, message: StepMentionMessage | CloseCardMessage) => Promise<unknown>,
): Promise<boolean> {
  const order = [...new Set(frames)].sort((a, b) => a - b);
  const n = order.length;
  if (n === 0) return false;
  const from = Math.max(0, order.indexOf(lastFrame.get(tabId) ?? order[0]!));
  for (let k = 0; k <= n; k++) {
    const frameId = order[(((from + direction * k) % n) + n) % n]!;
    const shown = await tellFrame(frameId, { type: 'step-mention', direction, fromEdge: k > 0 }).catch(() => false);
    if (shown === true) {
      lastFrame.set(tabId, frameId);
      return true;
    }
    // The frame has no mention left that way: its card closes before another frame's opens (and
    // takes the keyboard's focus there).
    if (k === 0) await tellFrame(frameId, { type: 'close-card' }).catch(() => undefined);
  }
  return false;
}

/** Forgets a tab's last step (the tab is gone). */
export function forgetSteps(tabId: number): void {
  lastFrame.delete(tabId);
}
