import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import type { TestPage } from './harness/browsers';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { PROJECT_ROOT } from './harness/server';
import { settleMarks } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { CARD, arabicPutin, cardParts, clickInCard, revealCard, waitForCard, type CardRef } from './card-page';

// The reader page: the bundled article in Arabic beside its translation, its names marked and
// their cards working as on the web; axe-core clean.

const pack = bundled as Pack;
const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, as "id (number of nodes)". */
async function axeViolations(page: TestPage): Promise<string[]> {
  await page.evaluate((source) => (0, eval)(source), AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** The reader page's look: its colours, its text size, and those of an open card. */
async function look(page: TestPage) {
  await revealCard(page);
  return page.evaluate((key) => {
    const body = getComputedStyle(document.body);
    const card = (window as unknown as Record<string, CardRef>)[key]?.root.querySelector('.card');
    return {
      theme: document.documentElement.dataset.theme ?? 'auto',
      systemDark: matchMedia('(prefers-color-scheme: dark)').matches,
      background: body.backgroundColor,
      color: body.color,
      text: getComputedStyle(document.querySelector('[data-paragraph] p[lang="ar"]')!).fontSize,
      title: getComputedStyle(document.querySelector('h1')!).fontSize,
      card: card ? { dark: card.classList.contains('dark'), size: getComputedStyle(card).fontSize } : null,
    };
  }, CARD);
}

const LIGHT = { background: 'rgb(251, 251, 248)', color: 'rgb(29, 35, 42)' };
const DARK = { background: 'rgb(24, 28, 31)', color: 'rgb(232, 235, 238)' };

forEachBrowser('reader page', (browser) => {
  it('shows the article with its translation, marks its names, opens their cards, and passes axe-core', async () => {
    const page = await browser().openExtensionPage('reader.html');
    await page.setViewport(1200, 800);
    expect(await settleMarks(page)).toBeGreaterThan(50);
    const layout = await page.evaluate(() => ({
      paragraphs: document.querySelectorAll('[data-paragraph]').length,
      arabic: [...document.querySelectorAll('[data-paragraph] p[lang="ar"]')].every((p) => getComputedStyle(p).direction === 'rtl'),
      english: document.querySelectorAll('[data-paragraph] p[lang="en"]').length,
    }));
    expect(layout).toEqual({ paragraphs: pack.article.paragraphs.length, arabic: true, english: pack.article.paragraphs.length });

    const putin = await arabicPutin(page);
    await page.mouse.move(...putin);
    await waitForCard(page, 'vladimir-putin');
    expect((await cardParts(page)).name).toEqual({ text: pack.entities.find((e) => e.id === 'vladimir-putin')!.name.ar, lang: 'ar', dir: 'rtl' });

    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-action="translation"]')!.click());
    expect(await page.evaluate(() => document.querySelectorAll('[data-paragraph] p[lang="en"]').length)).toBe(0);
    await page.close();
  });

  it('follows the theme and the text size of the options, and their changes while it is open', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'dark', textSize: 130 });
    try {
      const page = await browser().openExtensionPage('reader.html');
      await page.setViewport(1200, 800);
      await page.waitFor(() => document.documentElement.dataset.theme === 'dark');
      await settleMarks(page);
      // Dark whatever the system says, 130 %: 17 px × 1.3 for the text, the title 1.6 times that.
      expect(await look(page)).toMatchObject({ ...DARK, text: '22.1px', title: '35.36px', card: null });
      await page.mouse.move(...(await arabicPutin(page)));
      await waitForCard(page, 'vladimir-putin');
      expect((await look(page)).card).toEqual({ dark: true, size: '18.2px' });
      expect(await axeViolations(page)).toEqual([]); // contrast holds in the dark theme too
      await page.keyboard.press('Escape');

      // A change in the options reaches the open page at once.
      await setStoredSettings(browser(), { theme: 'light', textSize: 90 });
      await page.waitFor(() => document.documentElement.dataset.theme === 'light' && getComputedStyle(document.body).fontSize === '15.3px');
      expect(await look(page)).toMatchObject({ ...LIGHT, text: '15.3px' });

      // Back to the defaults: auto follows the system's colour scheme, 100 % is 17 px.
      await clearStoredSettings(browser());
      await page.waitFor(() => document.documentElement.dataset.theme === undefined && getComputedStyle(document.body).fontSize === '17px');
      const auto = await look(page);
      expect(auto).toMatchObject({ theme: 'auto', ...(auto.systemDark ? DARK : LIGHT), text: '17px' });
      await page.close();
    } finally {
      await clearStoredSettings(browser());
    }
  });

  it('gets the card chunk at the address a retry asks for (card.js?attempt=N)', async () => {
    // After a failed import the controller asks for card.js?attempt=N (a failure is remembered
    // per address): the extension must serve the same module there.
    const page = await browser().openExtensionPage('reader.html');
    const exported = await page.evaluate(async () => {
      // import() in a string: the test runner would rewrite it in the function's own source.
      const load = (0, eval)('(url) => import(url)') as (url: string) => Promise<Record<string, unknown>>;
      return typeof (await load(new URL('card.js?attempt=3', location.href).href)).createCardView;
    });
    expect(exported).toBe('function');
    await page.close();
  });

  it('is opened by "read the article" on a card, in a new tab', async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await settleMarks(page);
    await page.evaluate(() => document.getElementById('org')!.scrollIntoView());
    const point = await page.evaluate(() => {
      const text = document.getElementById('org')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('Kremlin'));
      range.setEnd(text, text.data.indexOf('Kremlin') + 7);
      const r = range.getClientRects()[0]!;
      return [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as [number, number];
    });
    await page.mouse.click(...point);
    await waitForCard(page, 'kremlin');
    // "Read the article" is a button: the card holds no address of the extension's for the page to
    // read. The background opens the reader page in a new tab.
    await revealCard(page);
    expect(await page.evaluate((key) => {
      const root = (window as unknown as Record<string, CardRef>)[key]!.root;
      return { links: root.querySelectorAll('a').length, button: root.querySelector('[data-action="reader"]')?.localName, addresses: /(chrome|moz)-extension:/.test(root.innerHTML) };
    }, CARD)).toEqual({ links: 0, button: 'button', addresses: false });
    await clickInCard(page, '[data-action="reader"]');
    const reader = await browser().waitForTab(`${browser().extensionOrigin}/reader.html`);
    await reader.waitFor(() => document.querySelectorAll('[data-paragraph]').length > 0);
    await reader.bringToFront();
    expect(await settleMarks(reader)).toBeGreaterThan(50);
    expect(await reader.evaluate(() => document.querySelectorAll('[data-paragraph]').length)).toBe(pack.article.paragraphs.length);
    await reader.mouse.move(...(await arabicPutin(reader))); // cards work there too
    await waitForCard(reader, 'vladimir-putin');
    await revealCard(reader);
    expect(await reader.evaluate((key) => !!(window as unknown as Record<string, CardRef>)[key]!.root.querySelector('[data-action="reader"]'), CARD)).toBe(false); // no way to the page it is on
    await reader.close();
    await page.close();
  });
});
