// Chrome's offscreen document (offscreen.html): where the service worker's copies are written
// (clipboard.ts). It listens for the background alone: a content script's messages reach every
// extension document too, and a page must not be able to fill the clipboard through one.
import { ext } from '../ext';
import { copyInDocument } from './clipboard';
import { isOwnPage } from './senders';

ext.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: boolean) => void) => {
  const { type, plain, html } = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  if (type !== 'offscreen-copy' || typeof plain !== 'string' || typeof html !== 'string') return false;
  if (sender.tab || !isOwnPage(sender, ext.runtime.id, ext.runtime.getURL(''))) return false;
  sendResponse(copyInDocument(document, plain, html));
  return false;
});
