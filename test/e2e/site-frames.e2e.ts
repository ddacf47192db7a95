import { expect, it } from 'vitest';
import type { TabState } from '../../src/messages';
import { clearStoredSettings, setStoredSettings, tabStateOf } from './harness/extension';
import { forEachBrowser } from './harness/suite';

// A site the reader switches off is off in every frame of its tabs: its about:blank, srcdoc and
// blob: frames (no host of their own) and another site's frame in it; and a frame of a
// switched-off site is off in any page. Counted by what each frame tells the background.

const PAGE = '/fixtures/site-frames.html';
/** Each frame's entities: the page's own, about:blank's, srcdoc's, blob:'s, and localhost's. */
const ALL = { 'vladimir-putin': 1, kremlin: 1, 'sergei-lavrov': 1, latakia: 1, 'asaad-al-shaibani': 1, moscow: 1 };
const OTHER_SITE = { 'asaad-al-shaibani': 1, moscow: 1 };

forEachBrowser('a site switched off', (browser) => {
  /** Waits until the tab's counts are `want` (what every frame reported last). */
  async function countsBecome(want: Record<string, number>): Promise<TabState> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await tabStateOf(browser(), PAGE, 10_000, 0);
      if (JSON.stringify(Object.entries(state.counts).sort()) === JSON.stringify(Object.entries(want).sort())) return state;
      if (Date.now() > deadline) throw new Error(`counts ${JSON.stringify(state.counts)}, not ${JSON.stringify(want)}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  it('is off in all its frames, blank, srcdoc, blob and of other sites, and on again in all', async () => {
    const page = await browser().open(PAGE);
    await countsBecome(ALL);
    await setStoredSettings(browser(), { version: 2, disabledSites: ['127.0.0.1'] });
    try {
      await countsBecome({});
      await clearStoredSettings(browser());
      await countsBecome(ALL);
      // The other site switched off: its frame is off here too, the rest stays on.
      await setStoredSettings(browser(), { version: 2, disabledSites: ['localhost'] });
      const without = Object.fromEntries(Object.entries(ALL).filter(([id]) => !(id in OTHER_SITE)));
      await countsBecome(without);
    } finally {
      await clearStoredSettings(browser());
    }
    // Loaded while switched off: nothing is read anywhere.
    await setStoredSettings(browser(), { version: 2, disabledSites: ['127.0.0.1'] });
    try {
      await page.goto(browser().url(PAGE));
      await new Promise((ok) => setTimeout(ok, 1500)); // what must not happen: no frame reports a name
      expect(await tabStateOf(browser(), PAGE, 10_000, 0)).toMatchObject({ frames: 0, counts: {} });
    } finally {
      await clearStoredSettings(browser());
    }
    await page.close();
  });
});
