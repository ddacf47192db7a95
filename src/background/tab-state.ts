import browser from 'webextension-polyfill';
import type { TabState } from '../messages';

// Per-tab entity counts live in storage.session, never only in memory: Chrome stops an idle
// service worker (and Firefox an idle event page) at any time, and a restarted background must
// still know what each tab holds.

/** Frame id → the document that reported last in that frame, and what it holds. */
type FrameCounts = Record<string, { readonly document: string; readonly counts: Record<string, number> }>;

// Frames report at the same moment; each report is a read-modify-write of the tab's entry, so
// they are applied one after another or one frame's report would overwrite another's.
let writes: Promise<unknown> = Promise.resolve();
function inTurn<T>(update: () => Promise<T>): Promise<T> {
  const next = writes.then(update, update);
  writes = next.catch(() => undefined);
  return next;
}
const key = (tabId: number) => `tab:${tabId}`;

async function readFrames(tabId: number): Promise<FrameCounts> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as FrameCounts | undefined) ?? {};
}

/**
 * Records what one document of a tab's frame reported (nothing: the frame is forgotten) and returns
 * the tab's new state.
 */
export function recordFrame(tabId: number, frameId: number, document: string, counts: Readonly<Record<string, number>>): Promise<TabState> {
  return inTurn(async () => {
    const frames = await readFrames(tabId);
    // A frame that holds nothing (any more: it found nothing after all, or went away) is no frame
    // of the tab's count. Only the document that reported may take its counts back: the page that
    // a frame left says so (pagehide) in a message that can arrive after the new page's report.
    if (Object.keys(counts).length > 0) frames[frameId] = { document, counts: { ...counts } };
    else if (frames[frameId]?.document === document) delete frames[frameId];
    else return summarise(tabId, frames);
    await browser.storage.session.set({ [key(tabId)]: frames });
    return summarise(tabId, frames);
  });
}

/** Forgets a tab (closed, discarded, or replaced by another). */
export function forgetTab(tabId: number): Promise<void> {
  return inTurn(() => browser.storage.session.remove(key(tabId)));
}

/** The ids of the tab's frames that hold any mention. */
export async function framesWithMentions(tabId: number): Promise<number[]> {
  return Object.keys(await readFrames(tabId)).map(Number);
}

/** The tab's entities, counted once each across all its frames. */
export async function tabState(tabId: number): Promise<TabState> {
  return summarise(tabId, await readFrames(tabId));
}

function summarise(tabId: number, frames: FrameCounts): TabState {
  // Counted in a Map: an entity id such as `constructor` is no key of a plain object's prototype here.
  const counts = new Map<string, number>();
  for (const frame of Object.values(frames)) {
    for (const [id, n] of Object.entries(frame.counts)) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { tabId, frames: Object.keys(frames).length, counts: Object.fromEntries(counts) };
}
