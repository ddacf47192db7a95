// Who may ask the background what. Only Hashiya itself can reach runtime.onMessage (other
// extensions and pages would need onMessageExternal, which Hashiya does not listen to), but its
// content scripts run inside pages that may be hostile: a request that reads other tabs or changes
// settings is answered only for Hashiya's own pages, and a frame's report only from a tab's frame.

/** What the background needs to know of a message's sender. */
export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number };
  readonly frameId?: number;
}

/** True when `sender` is one of Hashiya's own pages (popup, options, reader), by its address. */
export function isOwnPage(sender: Sender, extensionId: string, extensionUrl: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionUrl);
}

/** The tab and frame a content script's report comes from, or null when it comes from no tab's frame. */
export function reportingFrame(sender: Sender, extensionId: string): { tabId: number; frameId: number } | null {
  const tabId = sender.tab?.id;
  if (sender.id !== extensionId || tabId === undefined || tabId < 0 || sender.frameId === undefined) return null;
  return { tabId, frameId: sender.frameId };
}
