import type { TabState } from '../../../src/messages';
import type { TestBrowser } from './browsers';

/**
 * Asks the background, from one of the extension's own pages, what it knows of the tab showing
 * `path` (waiting until at least `minFrames` of its frames have reported: a frame that found
 * nothing reports nothing).
 */
export async function tabStateOf(browser: TestBrowser, path: string, timeout = 10_000, minFrames = 1): Promise<TabState> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    const url = browser.url(path);
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await probe.evaluate(async (target) => {
        // `browser` is the WebExtension namespace in both browsers' extension pages (Chromium has
        // it since 144); fall back to `chrome` for older Chromium.
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        const tab = tabs.find((t) => t.url === target);
        if (tab?.id === undefined) return null;
        return api.runtime.sendMessage<unknown, TabState>({ type: 'get-tab-state', tabId: tab.id });
      }, url);
      if (state && state.frames >= minFrames) return state;
      if (Date.now() > deadline) throw new Error(`no frame of ${path} reported to the background`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  } finally {
    await probe.close();
  }
}

/** Writes `values` into the extension's storage.sync (as the options page would), from its own page. */
export async function setStoredSettings(browser: TestBrowser, values: Record<string, unknown>): Promise<void> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    await probe.evaluate(async (v) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.sync.set(v);
    }, values);
  } finally {
    await probe.close();
  }
}

/** Empties the extension's storage.sync: every setting back to its default. */
export async function clearStoredSettings(browser: TestBrowser): Promise<void> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    await probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.sync.clear();
    });
  } finally {
    await probe.close();
  }
}
