import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness/server';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { waitForMarks } from './harness/highlights';
import { forEachBrowser } from './harness/suite';
import type { TestPage } from './harness/browsers';
import { tabIdOf } from './controls-helpers';

// axe-core on the popup and the options page, in English and in Arabic (right to left), with the
// light and the dark theme: every violation is a failure.

const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PLAIN = '/fixtures/plain.html';

/**
 * axe-core's violations on `page`, as "rule (nodes): first target". Colour contrast must have been
 * checked on some text, or a page axe could not read would pass for a clean one.
 */
async function violations(page: TestPage): Promise<string[]> {
  await page.evaluate((source) => {
    (0, eval)(source); // axe-core, into the page's own world
  }, AXE);
  return page.evaluate(async () => {
    type Rule = { id: string; nodes: { target: unknown[] }[] };
    type Result = { violations: Rule[]; passes: Rule[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, {});
    const contrast = result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0;
    const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
    return contrast > 0 ? found : [...found, 'color-contrast: nothing checked'];
  });
}

for (const locale of ['en', 'ar'] as const) {
  forEachBrowser(
    `axe-core on the popup and the options page (${locale})`,
    (browser) => {
      afterEach(async () => clearStoredSettings(browser()));

      it(`is in ${locale === 'ar' ? 'Arabic, right to left' : 'English, left to right'}`, async () => {
        const options = await browser().openExtensionPage('options.html');
        await options.waitFor(() => document.querySelector('h1') !== null);
        const page = await options.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang, title: document.querySelector('h1')!.textContent ?? '' }));
        expect(page.dir).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(page.lang).toBe(locale);
        expect(/[\u0600-\u06FF]/.test(page.title)).toBe(locale === 'ar');
        await options.close();
      });

      for (const theme of ['light', 'dark'] as const) {
        it(`finds no violations in the ${theme} theme`, async () => {
          // A site switched off, a pack error and a reset notice: the page's rarer parts are checked too.
          await setStoredSettings(browser(), { version: 2, theme, hoverDelay: -5 });
          const tab = await browser().open(PLAIN);
          await waitForMarks(tab, 3);
          const tabId = await tabIdOf(browser(), PLAIN);
          const popup = await browser().openExtensionPage(`popup.html?tab=${tabId}`);
          await popup.waitFor(() => document.querySelectorAll('button.entity').length > 0);
          expect(await popup.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          expect(await violations(popup)).toEqual([]);
          await popup.close();

          const options = await browser().openExtensionPage('options.html');
          await options.waitFor(() => document.getElementById('reset-notice') !== null);
          await options.evaluate(() => {
            const input = document.getElementById('pack-file') as HTMLInputElement;
            const files = new DataTransfer();
            files.items.add(new File(['{"format":'], 'bad.json', { type: 'application/json' }));
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          });
          await options.waitFor(() => document.getElementById('pack-errors') !== null);
          expect(await violations(options)).toEqual([]);
          await options.close();
          await tab.close();
        });
      }
    },
    { locale },
  );
}
