import { describe, expect, it } from 'vitest';
import { inExtension } from './controls-helpers';
import { launchBrowser } from './harness/browsers';
import { tabStateOf } from './harness/extension';
import { waitForMarks } from './harness/highlights';
import { selectedBrowsers } from './harness/suite';

// Firefox's event page stops when idle (after 30 s by default; 1.5 s here): a stopped and woken
// background must rebuild the per-tab counts by asking the tabs, since it keeps nothing in memory.
// (Chromium's service worker is stopped from chrome://serviceworker-internals in controls.e2e.ts.)

const PLAIN = '/fixtures/plain.html';
/** Long enough for the event page to be stopped after its 1.5 s idle timeout. */
const EVENT_PAGE_STOPS_MS = 5000;

describe.runIf(selectedBrowsers().includes('firefox'))('a suspended event page [firefox]', () => {
  it('rebuilds the per-tab counts from the tabs when it wakes', async () => {
    const browser = await launchBrowser('firefox', { firefoxPrefs: { 'extensions.background.idle.timeout': 1500 } });
    try {
      const page = await browser.open(PLAIN);
      await waitForMarks(page, 3);
      const before = await tabStateOf(browser, PLAIN);
      // Forget what is stored; only a restarted background asking the tabs can bring it back.
      await inExtension(browser, () => (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.clear(), null);
      // The event page's stop cannot be seen from outside without waking it: give it the idle
      // timeout above and room for a loaded machine.
      await new Promise((ok) => setTimeout(ok, EVENT_PAGE_STOPS_MS));
      const after = await tabStateOf(browser, PLAIN);
      expect(after.counts).toEqual(before.counts);
      expect(browser.extensionErrors).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
