// The WebExtension API for every context: the content script, the settings and shared UI it shares
// with Hashiya's pages, and messaging typed by Replies (messages.ts). Without webextension-polyfill:
// its 10 KB would be a sixth of the content script's budget, and what is used here needs no polyfill.
// Firefox's `browser` and Chrome's `chrome` (Manifest V3) both return promises from these calls;
// only onMessage differs (Chrome ignores a promise returned by the listener), so replies go
// through sendResponse, which both honour.

import type { BackgroundMessage, ContentMessage, ReplyTo } from './messages';

/** `browser` where it exists (Firefox, Chrome 144+), else `chrome`. */
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/** Listens for messages to a content script; a non-undefined promise from `handler` becomes the reply. */
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
