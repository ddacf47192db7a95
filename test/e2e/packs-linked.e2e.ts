import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Pack } from '../../src/data/pack-schema';
import bundledJson from '../../src/data/packs/sharaa-moscow-2025.json';
import { clearStoredSettings } from './harness/extension';
import { waitForMarked } from './harness/highlights';
import { settleMarks } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, clickInCard, middle, rectsOf, revealCard, waitForCard, type CardRef } from './card-page';
import { chooseFile, click, inExtension, tabIdOf } from './controls-helpers';

// Packs side by side: the worked example of docs/make-a-pack.md (damascus-depots, built by
// `npm run pack`) imported beside the bundled pack. Both hold Bashar al-Assad and Damascus, linked
// by their Wikidata ids: one entity on the page and in the popup, whose card tells both stories;
// each pack's own entities keep ids of their own; the reader page opens either article.

type Api = typeof chrome;
const PAGE = '/fixtures/linked-stories.html';
const EXAMPLE_FILE = 'docs/examples/damascus-depots/damascus-depots.json';
const example = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')) as Pack;
const bundled = bundledJson as unknown as Pack;

forEachBrowser('two packs side by side', (browser) => {
  afterEach(async () => {
    await clearStoredSettings(browser());
    await inExtension(browser(), () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.local.clear(), null);
  });

  it('mark a linked entity once, tell both stories on its card, count it once, and open each article', async () => {
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('pack-file') !== null);
    await chooseFile(options, 'pack-file', readFileSync(EXAMPLE_FILE, 'utf8'));
    await options.waitFor(() => document.getElementById('pack-accept') !== null);
    await click(options, '#pack-accept');
    // The options list the pack with its story, date, language, entities and size.
    await options.waitFor(() => document.querySelector('[data-pack="damascus-depots"] [data-part="pack-details"]') !== null);
    const details = await options.evaluate(() => document.querySelector('[data-pack="damascus-depots"] [data-part="pack-details"]')!.textContent);
    expect(details).toContain(example.article.date);
    expect(details).toContain(`${example.entities.length}`);
    // Export saves the pack as it was imported.
    const exported = await options.evaluate(() => {
      const saved = new Promise<{ name: string; text: string }>((ok) => {
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          void fetch(this.href).then((r) => r.text()).then((text) => ok({ name: this.download, text }));
        };
      });
      (document.querySelector('[data-pack="damascus-depots"] [data-action="export-pack"]') as HTMLButtonElement).click();
      return saved;
    });
    expect(exported.name).toBe('damascus-depots.json');
    expect(JSON.parse(exported.text)).toEqual(example);
    await options.close();

    const page = await browser().open(PAGE);
    await waitForMarked(page, 'المرصد السوري لحقوق الإنسان', true); // the imported pack's own name
    await waitForMarked(page, 'بشار الأسد', true);
    await waitForMarked(page, 'فلاديمير بوتين', true); // the bundled pack's own

    // The popup lists Bashar al-Assad once, under the bundled pack's id; the observatory under its pack's.
    const popup = await browser().openExtensionPage(`popup.html?tab=${await tabIdOf(browser(), PAGE)}`);
    await popup.waitFor(() => document.querySelector('button[data-entity="damascus-depots/syrian-observatory-for-human-rights"]') !== null);
    const listed = await popup.evaluate(() => [...document.querySelectorAll('button[data-entity]')].map((b) => b.getAttribute('data-entity')));
    expect(listed.filter((id) => id?.endsWith('bashar-al-assad'))).toEqual(['bashar-al-assad']);
    expect(listed.filter((id) => id?.endsWith('damascus'))).toEqual(['damascus']);
    await popup.close();

    // The card tells each story, the bundled one first, each with its sentences and its article.
    await page.mouse.click(...middle((await rectsOf(page, 'observatory', 'بشار الأسد'))[0]!));
    await waitForCard(page, 'bashar-al-assad');
    await revealCard(page);
    const stories = await page.evaluate((key) => {
      const root = (window as unknown as Record<string, CardRef>)[key]!.root;
      return [...root.querySelectorAll('[data-story]')].map((s) => ({
        pack: s.getAttribute('data-story'),
        sentences: s.querySelectorAll('[data-part="sentence"]').length,
        reader: s.querySelector('[data-action="reader"]')?.getAttribute('data-pack'),
      }));
    }, CARD);
    expect(stories.map((s) => [s.pack, s.reader])).toEqual([
      ['sharaa-moscow-2025', 'sharaa-moscow-2025'],
      ['damascus-depots', 'damascus-depots'],
    ]);
    expect(stories.every((s) => s.sentences > 0)).toBe(true);

    // Its "read the article" opens that story's article in the reader page, which lists both.
    await clickInCard(page, '[data-story="damascus-depots"] [data-action="reader"]');
    const reader = await browser().waitForTab(`${browser().extensionOrigin}/reader.html?pack=damascus-depots`);
    await reader.waitFor(() => document.querySelectorAll('[data-paragraph]').length > 0);
    await reader.bringToFront();
    expect(await reader.evaluate(() => document.querySelectorAll('[data-paragraph]').length)).toBe(example.article.paragraphs.length);
    expect(await reader.evaluate(() => [...document.querySelectorAll('nav [data-pack]')].map((a) => [a.getAttribute('data-pack'), a.getAttribute('aria-current')]))).toEqual([
      ['sharaa-moscow-2025', null],
      ['damascus-depots', 'page'],
    ]);
    expect(await settleMarks(reader)).toBeGreaterThanOrEqual(example.entities.length - 1); // its names marked there too
    // The list leads back to the bundled story's article.
    await reader.evaluate(() => (document.querySelector('nav [data-pack="sharaa-moscow-2025"]') as HTMLAnchorElement).click());
    await reader.waitFor(() => document.querySelector('nav [aria-current="page"]')?.getAttribute('data-pack') === 'sharaa-moscow-2025');
    await reader.waitFor((n) => document.querySelectorAll('[data-paragraph]').length === n, bundled.article.paragraphs.length);
    await reader.close();
    await page.close();
  });
});
