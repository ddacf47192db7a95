import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { readHighlights, waitForMarks, waitForMarked } from './harness/highlights';
import { forEachBrowser } from './harness/suite';
import type { TestPage } from './harness/browsers';
import { chooseFile, inExtension, stored } from './controls-helpers';

// The options page by keyboard alone, reset to defaults behind its confirmation, and the
// export → import round trip of settings and packs.

type Api = typeof chrome;

// How long a refused reset is watched for a write that must not come: a reset that went ahead
// writes storage.sync at once; a refused one leaves no event a test could wait on instead.
const REFUSED_RESET_WATCH_MS = 300;


/** Retries `check` until it passes (storage is written after the page shows a change), up to `timeout` ms. */
async function eventually(check: () => Promise<void>, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

/** Presses Tab until the focused element is `#id` (at most `limit` times). */
async function tabTo(page: TestPage, id: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}


/** Answers the page's next confirm() with `answer` (the browser's own dialog cannot be clicked here). */
function answerConfirm(page: TestPage, answer: boolean): Promise<void> {
  return page.evaluate((a) => {
    window.confirm = () => a;
  }, answer);
}


const PLAIN = '/fixtures/plain.html';

forEachBrowser('options page by keyboard, reset and backup', (browser) => {
  afterEach(async () => {
    await clearStoredSettings(browser());
    await inExtension(browser(), () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.local.clear(), null);
  });

  it('is usable by keyboard: Tab reaches a switch and a list, Space and the arrow keys change them, an open tab follows', async () => {
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 3);
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('category-person') !== null);
    await options.bringToFront();
    await tabTo(options, 'hoverDelay');
    const before = await options.evaluate(() => (document.getElementById('hoverDelay') as HTMLSelectElement).value);
    await options.keyboard.press('ArrowDown');
    await options.waitFor((b) => (document.getElementById('hoverDelay') as HTMLSelectElement).value !== b, before);
    await tabTo(options, 'category-person');
    await options.keyboard.press(' ');
    await options.waitFor(() => !(document.getElementById('category-person') as HTMLInputElement).checked);
    await waitForMarked(page, 'Vladimir Putin', false);
    await waitForMarked(page, 'Moscow', true);
    await eventually(async () => expect((await stored(browser())).sync).toMatchObject({ categories: { person: false }, hoverDelay: 500 }));
    expect(await options.evaluate(() => document.getElementById('status')!.textContent)).toMatch(/\S/);
    await options.close();
    await page.close();
  });

  it('resets to the defaults only once the reader confirms', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'dark', categories: { place: false }, disabledSites: ['*.example.com'] });
    const page = await browser().open(PLAIN);
    await waitForMarks(page, 2);
    expect((await readHighlights(page)).some((m) => m.text === 'Moscow')).toBe(false);
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('reset') !== null);
    await answerConfirm(options, false);
    await options.evaluate(() => document.getElementById('reset')!.click());
    await new Promise((ok) => setTimeout(ok, REFUSED_RESET_WATCH_MS));
    expect((await stored(browser())).sync).toMatchObject({ theme: 'dark', disabledSites: ['*.example.com'] });
    await answerConfirm(options, true);
    await options.evaluate(() => document.getElementById('reset')!.click());
    await options.waitFor(() => (document.getElementById('theme') as HTMLSelectElement).value === 'auto');
    await eventually(async () => expect((await stored(browser())).sync).toEqual({ version: 2 }));
    await waitForMarked(page, 'Moscow', true);
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await options.close();
    await page.close();
  });

  it('exports settings and packs to a file that imports back exactly, after everything was changed', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'light', textSize: 130, marks: { person: { style: 'wavy', colour: 'magenta' } }, disabledSites: ['news.example'] });
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('pack-file') !== null);
    await chooseFile(options, 'pack-file', readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8'));
    await options.waitFor(() => document.getElementById('pack-accept') !== null);
    await options.evaluate(() => document.getElementById('pack-accept')!.click());
    await options.waitFor(() => document.querySelector('[data-pack="fixture-minimal"]') !== null);
    await eventually(async () => expect((await stored(browser())).sync.enabledPacks).toEqual(['sharaa-moscow-2025', 'fixture-minimal']));
    const before = await stored(browser());
    expect(Object.keys(before.local)).toEqual(['pack:fixture-minimal']);
    // The download is a blob: URL on a link the page clicks; read the file from it.
    await options.evaluate(() => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        document.body.dataset.download = `${this.download} ${this.href}`;
      };
    });
    await options.evaluate(() => document.getElementById('export')!.click());
    const file = await options.evaluate(async () => {
      const [name, href] = document.body.dataset.download!.split(' ');
      return { name, text: await (await fetch(href!)).text() };
    });
    expect(file.name).toBe('hashiya-settings.json');
    await answerConfirm(options, true);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-pack="fixture-minimal"] [data-action="remove-pack"]')!.click());
    await options.evaluate(() => document.getElementById('reset')!.click());
    await options.waitFor(() => (document.getElementById('theme') as HTMLSelectElement).value === 'auto' && document.querySelector('[data-pack="fixture-minimal"]') === null);
    await eventually(async () => expect((await stored(browser())).sync).toEqual({ version: 2 }));
    expect((await stored(browser())).local).toEqual({});
    await chooseFile(options, 'import-file', file.text);
    await options.waitFor(() => (document.getElementById('theme') as HTMLSelectElement).value === 'light');
    await eventually(async () => expect(await stored(browser())).toEqual(before));
    expect(await options.evaluate(() => document.querySelector('[data-pack="fixture-minimal"] input:checked') !== null)).toBe(true);
    await options.close();
  });

  it('imports all or nothing: a settings file the browser refuses to sync (over its 8 KB item quota) changes neither settings nor packs', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'dark' });
    const before = await stored(browser());
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('import-file') !== null);
    // 500 sites are allowed by count, but 500 long hosts are some 35 KB: storage.sync refuses the item.
    const sites = Array.from({ length: 500 }, (_, i) => `${'a'.repeat(60)}-${i}.example.com`);
    const backup = { format: 'hashiya-backup', settings: { version: 2, theme: 'light', disabledSites: sites }, packs: [readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8')] };
    await chooseFile(options, 'import-file', JSON.stringify(backup));
    await options.waitFor(() => /Nothing changed/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await options.evaluate(() => (document.getElementById('theme') as HTMLSelectElement).value)).toBe('dark');
    expect(await options.evaluate(() => document.querySelector('[data-pack="fixture-minimal"]') === null)).toBe(true);
    expect(await stored(browser())).toEqual(before);
    await options.close();
  });
});
