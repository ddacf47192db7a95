import { expect, it } from 'vitest';
import { inExtension } from './controls-helpers';
import { forEachBrowser } from './harness/suite';

// Firefox lets a reader withhold Hashiya's access to websites; then the popup and the options page
// say so plainly and offer the button that asks for it. (Chromium grants host permissions at
// install and cannot take them back: there the notice never shows.) This file has its own browser,
// since access stays withheld until the end.

type Api = typeof chrome;
const ALL_SITES = { origins: ['http://*/*', 'https://*/*'] };

forEachBrowser('access to sites', (browser) => {
  it('says when access to sites is withheld and offers to ask for it', async () => {
    const withheld = await inExtension(
      browser(),
      async (sites) => {
        const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
        return api.permissions.remove(sites).catch(() => false);
      },
      ALL_SITES,
    );
    const notice = async (path: string) => {
      const page = await browser().openExtensionPage(path);
      await page.waitFor(() => document.querySelector('h1') !== null);
      const found = await page.evaluate(() => {
        const alert = document.querySelector('[role="alert"]');
        return alert ? { text: alert.textContent ?? '', button: alert.querySelector('button')?.textContent ?? null } : null;
      });
      await page.close();
      return found;
    };
    if (browser().name === 'firefox') {
      expect(withheld).toBe(true);
      for (const path of ['popup.html', 'options.html']) {
        const found = await notice(path);
        expect(found?.text, path).toMatch(/access/i);
        expect(found?.button, path).toBe('Allow access to websites');
      }
    } else {
      expect(withheld).toBe(false);
      expect(await notice('popup.html')).toBeNull();
    }
  });
});
