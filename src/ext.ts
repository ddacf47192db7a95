// The WebExtension API for every context: the content script, the settings and shared UI it shares
// with Hashiya's pages, and messaging typed by Replies (messages.ts). Without webextension-polyfill:
// its 10 KB would be a sixth of the content script's budget, and what is used here needs no polyfill.
// Firefox's `browser` and Chrome's `chrome` (Manifest V3) both return promises from these calls;
// only onMessage differs (see onMessage).

import type { BackgroundMessage, ContentMessage, ReplyTo } from './messages';

/**
 * `browser` where it is the extension API (Firefox; Chrome from 148), else `chrome`.
 * Workaround: Chrome before 148 has no `browser` namespace (https://crbug.com/798169), and there a
 * page's `<html id="browser">` shows through as `globalThis.browser` (named access on window), so
 * the namespace is taken only when it has a runtime with an id.
 * Remove when: BROWSER_TARGETS.chrome >= 148 (then `browser` everywhere, without the check).
 */
export const ext: typeof chrome = new Proxy({} as typeof chrome, {
  // Looked up at its first use, not when the script starts: the first touch of the namespace makes
  // the browser's bindings in this frame, which a frame that never calls the API (an ad frame with
  // no text) should not pay for.
  get: (_target, key) => (namespace ??= extensionNamespace())[key as keyof typeof chrome],
});
let namespace: typeof chrome | undefined;

/** The extension API of `scope`: its `browser` if that is the real namespace, else its `chrome`. */
export function extensionNamespace(scope: object = globalThis): typeof chrome {
  const { browser, chrome: legacy } = scope as { browser?: { runtime?: { id?: unknown } }; chrome: typeof chrome };
  return typeof browser?.runtime?.id === 'string' ? (browser as typeof chrome) : legacy;
}

/**
 * Listens for messages to a content script; a non-undefined promise from `handler` becomes the reply.
 * Workaround: Chrome before 148 ignores a promise returned by an onMessage listener
 * (https://crbug.com/1185241, w3c/webextensions#338), so the reply goes through sendResponse,
 * which both browsers honour.
 * Remove when: BROWSER_TARGETS.chrome >= 148 (then return the promise).
 */
export function onMessage(handler: (message: unknown) => Promise<ReplyTo<ContentMessage>> | undefined): void {
  ext.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
    const reply = handler(message);
    if (!reply) return false;
    void reply.then(sendResponse, () => sendResponse(undefined));
    return true; // the reply comes later
  });
}

/** Sends `message` to the background; the reply has the type Replies gives its request. */
export function ask<M extends BackgroundMessage>(message: M): Promise<ReplyTo<M>> {
  return ext.runtime.sendMessage<M, ReplyTo<M>>(message);
}

/** Sends `message` to the content scripts of tab `tabId` (only frame `frameId`, when given). */
export function tell<M extends ContentMessage>(tabId: number, message: M, frameId?: number): Promise<ReplyTo<M>> {
  return frameId === undefined
    ? ext.tabs.sendMessage<M, ReplyTo<M>>(tabId, message)
    : ext.tabs.sendMessage<M, ReplyTo<M>>(tabId, message, { frameId });
}
