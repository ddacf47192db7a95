import { readFileSync } from 'node:fs';
import { afterEach, it } from 'vitest';
import { clearStoredSettings } from './harness/extension';
import { waitForMarks, waitForMarked } from './harness/highlights';
import { forEachBrowser } from './harness/suite';
import { click, inExtension, tabIdOf } from './controls-helpers';

// Imported packs reach the matcher of an open tab, without reload: enabling a pack marks its
// names, disabling it removes them; the bundled pack can be disabled the same way.

type Api = typeof chrome;
const PAGE = '/fixtures/controls-palmyra.html';


forEachBrowser('imported packs on an open page', (browser) => {
  afterEach(async () => {
    await clearStoredSettings(browser());
    await inExtension(browser(), () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.local.clear(), null);
  });

  it('an imported pack, once enabled, marks its names on an open tab; disabled, they go; the bundled pack can be switched off too', async () => {
    const page = await browser().open(PAGE);
    await waitForMarks(page, 1);
    await waitForMarked(page, 'Vladimir Putin', true);
    await waitForMarked(page, 'Queen Zenobia', false);
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('pack-file') !== null);
    await options.evaluate((text) => {
      const input = document.getElementById('pack-file') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([text], 'palmyra.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, readFileSync('test/fixtures/packs/controls-palmyra.json', 'utf8'));
    await options.waitFor(() => document.getElementById('pack-accept') !== null);
    await click(options, '#pack-accept');
    await waitForMarked(page, 'Queen Zenobia', true);
    await waitForMarked(page, 'Odaenathus', true);
    await waitForMarked(page, 'Vladimir Putin', true);
    // The background answers the imported names' card data: the popup lists them by name.
    const popup = await browser().openExtensionPage(`popup.html?tab=${await tabIdOf(browser(), PAGE)}`);
    await popup.waitFor(() => document.querySelector('button[data-entity="fixture-palmyra/queen-zenobia"]')?.textContent?.includes('Queen Zenobia'));
    await popup.close();

    await click(options, '#pack-fixture-palmyra');
    await waitForMarked(page, 'Queen Zenobia', false);
    await waitForMarked(page, 'Vladimir Putin', true);

    await click(options, '#pack-fixture-palmyra');
    await click(options, '#pack-sharaa-moscow-2025');
    await waitForMarked(page, 'Vladimir Putin', false);
    await waitForMarked(page, 'Queen Zenobia', true);
    await options.close();
    await page.close();
  });
});
