import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { parseBackgroundMessage, type BackgroundMessage, type MatchTables, type ReplyTo } from '../messages';
import { cardDataFor } from '../data/card-data';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { saveImportedMatchData } from '../settings/match-store';
import { loadPacks, touchesPacks } from '../settings/packs-store';
import { loadSettings, onSettingsChanged, updateSettings } from '../settings/storage';
import { HIGHLIGHT_KEYS, highlightCss } from '../settings/mark-styles';
import { showBadge } from './badge';
import { writeClipboard } from './clipboard';
import { isOwnPage, reportingFrame } from './senders';
import { enabledCardData, enabledMatchData, enabledPackSet, parsedPack } from './enabled-packs';
import { forgetTab, framesWithMentions, recordFrame, tabState } from './tab-state';
import { forgetSteps, stepMentions } from './step-mentions';
import { welcomeOnInstall } from './welcome';
import { announcementFor } from './announcement';
import BUNDLED_TABLES from 'hashiya:bundled-matcher';
import { frameNames } from './frame-names';

// The full records stay here; pages get one entity's card data on demand.
const pack = bundled as unknown as Pack;

// The background keeps no state of its own in memory: every handler reads storage, so a stopped
// and restarted service worker (Chrome) or event page (Firefox) loses nothing.

async function refreshBadge(tabId: number): Promise<void> {
  const [state, settings, tab] = await Promise.all([
    tabState(tabId),
    loadSettings(),
    browser.tabs.get(tabId).catch(() => undefined),
  ]);
  await showBadge(state, settings, tab?.url);
}

async function refreshAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [refreshBadge(tab.id)])));
}

/** What the `toggle-hashiya` command does: switches Hashiya on or off everywhere; answers the new state. */
async function toggleHashiya(): Promise<boolean> {
  const next = await updateSettings((s) => ({ ...s, enabled: !s.enabled }));
  return next.enabled;
}

/**
 * Opens the reader page in a new tab, next to `from` (the tab whose card asked) when there is one,
 * on the article of pack `packId` (the bundled one when absent or not installed).
 */
async function openReader(from: Tabs.Tab | undefined, packId: string | undefined): Promise<void> {
  const installed = packId !== undefined && packId !== pack.id && parsedPack((await loadPacks())[packId]?.text ?? '') !== null;
  const url = browser.runtime.getURL(installed ? `reader.html?pack=${encodeURIComponent(packId)}` : 'reader.html');
  await browser.tabs.create(from?.id === undefined ? { url } : { url, index: from.index + 1, openerTabId: from.id, windowId: from.windowId });
}

function hostnameOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** What the engine is sent of the bundled pack's matcher (messages.ts MatchTables). */
const engineTables: MatchTables = Object.fromEntries(Object.entries(BUNDLED_TABLES).filter(([key]) => key !== 'groups' && key !== 'expansions')) as MatchTables;

/** Whether the engine would mark a name in a frame's blocks (frame-names.ts). */
const namesMayBeIn = frameNames(BUNDLED_TABLES);

/** The keys of the next-mention command as the browser has them now ('' when it has none). */
const nextShortcut = (): Promise<string> =>
  browser.commands.getAll().then((commands) => commands.find((c) => c.name === 'next-mention')?.shortcut ?? '', () => '');

const fromOwnPage = (sender: Runtime.MessageSender) => isOwnPage(sender, browser.runtime.id, browser.runtime.getURL(''));

function onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<ReplyTo<BackgroundMessage>> | undefined {
  const message = parseBackgroundMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'frame-entities': {
      const frame = reportingFrame(sender, browser.runtime.id);
      if (!frame) return undefined;
      return recordFrame(frame.tabId, frame.frameId, message.document, message.counts).then(() => refreshBadge(frame.tabId));
    }
    case 'get-tab-state':
      // Only Hashiya's own pages may ask; a content script has no business reading other tabs.
      return fromOwnPage(sender) ? tabState(message.tabId) : undefined;
    case 'get-entity':
      // Every enabled pack may hold a story of the entity (pack-links.ts): they are read from
      // storage.local; with none imported, the bundled pack answers alone.
      return Promise.all([loadSettings(), loadPacks()]).then(([settings, packs]) => {
        const set = enabledPackSet(settings, packs, pack);
        return set.packs.length === 1 && set.packs[0] === pack ? cardDataFor(pack, message.id) : enabledCardData(set, message.id);
      });
    case 'toggle-hashiya':
      return fromOwnPage(sender) ? toggleHashiya() : undefined;
    case 'get-next-shortcut':
      return nextShortcut();
    case 'get-announcement':
      return nextShortcut().then((shortcut) => announcementFor(message.count, shortcut));
    case 'step-mentions':
      return fromOwnPage(sender) ? browser.tabs.get(message.tabId).then((tab) => stepInTab(tab, message.direction)) : undefined;
    case 'open-reader':
      return openReader(sender.tab, message.pack);
    case 'copy-text':
      // From a card: Hashiya's content script in a tab's frame, or one of Hashiya's own pages.
      if (!reportingFrame(sender, browser.runtime.id) && !fromOwnPage(sender)) return undefined;
      return writeClipboard(message.plain, message.html);
    case 'get-top-site': {
      // Told from the tab the message comes from: a page cannot fake it.
      if (!reportingFrame(sender, browser.runtime.id)) return undefined;
      return Promise.resolve(hostnameOf(sender.tab?.url));
    }
    case 'style-highlights': {
      const frame = reportingFrame(sender, browser.runtime.id);
      if (!frame || message.names.length !== HIGHLIGHT_KEYS.length) return undefined;
      const css = highlightCss((key) => message.names[HIGHLIGHT_KEYS.indexOf(key)]!);
      return browser.scripting.insertCSS({ target: { tabId: frame.tabId, frameIds: [frame.frameId] }, css }).then(
        () => true,
        () => false, // a frame the extension may not reach: the content script adopts the rules itself
      );
    }
    case 'get-match-tables':
      // For Hashiya's own engine, in a tab's frame (nothing secret: what the build made of the bundled pack).
      return reportingFrame(sender, browser.runtime.id) ? Promise.resolve(engineTables) : undefined;
    case 'load-engine': {
      // Into the frame that asks, and only for Hashiya's own content script. At once, not at
      // document_idle: the top frame asks while its page is still parsing.
      const frame = reportingFrame(sender, browser.runtime.id);
      if (!frame) return undefined;
      const target = { tabId: frame.tabId, frameIds: [frame.frameId] };
      const inject = () =>
        browser.scripting.executeScript({ target, files: ['engine.js'], injectImmediately: true }).then(
          () => true,
          () => false, // the frame is gone, or has navigated to a page Hashiya may not reach
        );
      const { blocks } = message;
      if (blocks === undefined) return inject();
      return loadSettings().then<boolean | 'no-names'>((settings) => (namesMayBeIn(blocks, settings.enabledPacks) ? inject() : 'no-names'));
    }
  }
}

browser.runtime.onMessage.addListener(onMessage);
// Registered at the top level, as every listener here: an install wakes the background to tell it.
browser.runtime.onInstalled.addListener(
  (details) => void welcomeOnInstall(details, { local: browser.storage.local, openTab: (url) => browser.tabs.create({ url }), urlOf: (path) => browser.runtime.getURL(path) }),
);
browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-hashiya') void toggleHashiya();
  if (command === 'next-mention' || command === 'previous-mention') void stepInTab(tab, command === 'next-mention' ? 1 : -1);
});

/** The next/previous-mention shortcuts in `tab` (the active tab when the browser does not say). */
async function stepInTab(tab: Tabs.Tab | undefined, direction: 1 | -1): Promise<boolean> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  return stepMentions(tabId, direction, await framesWithMentions(tabId), (frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }));
}
/** Stores the names of the enabled imported packs, where the content scripts read them. */
async function publishMatchData(): Promise<void> {
  const [settings, packs] = await Promise.all([loadSettings(), loadPacks()]);
  await saveImportedMatchData(enabledMatchData(enabledPackSet(settings, packs, pack)));
}

onSettingsChanged(() => void Promise.all([refreshAllBadges(), publishMatchData()]));
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && touchesPacks(changes)) void publishMatchData();
});
// A tab's counts follow its documents' own reports: a page left (navigated away, or put in the
// back/forward cache) takes its counts back, a page shown again (from that cache, or prerendered)
// tells them again. A tab that starts loading is not forgotten here: Firefox tells of a page
// restored from the cache after the page has told its counts. A tab closed or discarded has no
// page left, and one replaced by another (prerendering, instant pages) is gone.
browser.tabs.onRemoved.addListener((tabId) => {
  forgetSteps(tabId);
  void forgetTab(tabId);
});
browser.tabs.onReplaced.addListener((_added, removed) => void forgetTab(removed));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.discarded === true) void forgetTab(tabId).then(() => refreshBadge(tabId));
  else if (change.status === 'loading') void refreshBadge(tabId);
});

// The per-tab counts are in storage.session, which outlives a stopped and restarted background: a
// background that starts asks no tab anything, it only puts each tab's badge right. (After an update
// or a reload of the extension, storage.session is empty and so are the tabs: their content scripts
// are the old version's, which can no longer reach this background.)
void refreshAllBadges();
void publishMatchData();
