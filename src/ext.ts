// The WebExtension API for every context that shares code with the content script (settings,
// shared UI, the card's controller), without webextension-polyfill: its 10 KB would be a sixth of
// the content script's budget, and what these contexts use needs no polyfill.
// Firefox's `browser` and Chrome's `chrome` (Manifest V3) both return promises from these calls;
// only onMessage differs (Chrome ignores a promise returned by the listener), so replies go
// through sendResponse, which both honour.

/** `browser` where it exists (Firefox, Chrome 144+), else `chrome`. */
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/** Listens for messages; a non-undefined promise from `handler` becomes the reply. */
export function onMessage(handler: (message: unknown) => Promise<unknown> | undefined): void {
  ext.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
    const reply = handler(message);
    if (!reply) return false;
    void reply.then(sendResponse, () => sendResponse(undefined));
    return true; // the reply comes later
  });
}
