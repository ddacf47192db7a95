import browser, { type Runtime } from 'webextension-polyfill';
import { parseBackgroundMessage, type TabState } from '../messages';
import { cardDataFor } from '../data/card-data';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { forgetTab, recordFrame, tabState } from './tab-state';

// The full records stay here; pages get one entity's card data on demand.
const pack = bundled as unknown as Pack;

// The background keeps no state of its own in memory: every handler reads storage, so a stopped
// and restarted service worker (Chrome) or event page (Firefox) loses nothing.

async function showBadge(state: TabState): Promise<void> {
  const entities = Object.keys(state.counts).length;
  await browser.action.setBadgeText({ tabId: state.tabId, text: entities > 0 ? String(entities) : '' });
}

function onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const message = parseBackgroundMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'frame-entities': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId === undefined) return undefined;
      return recordFrame(tabId, sender.frameId, message.counts).then(showBadge);
    }
    case 'get-tab-state':
      // Only Hashiya's own pages may ask; a content script has no business reading other tabs.
      if (sender.tab && !sender.url?.startsWith(browser.runtime.getURL(''))) return undefined;
      return tabState(message.tabId);
    case 'get-entity':
      return Promise.resolve(cardDataFor(pack, message.id));
  }
}

browser.runtime.onMessage.addListener(onMessage);
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
// A tab that starts loading holds a new document: its frames report again once they have read it.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetTab(tabId);
});
