import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import { PROJECT_ROOT } from './harness/server';
import { settleMarks } from './harness/settle';
import { forEachBrowser } from './harness/suite';
import { arabicPutin, cardParts, waitForCard } from './card-page';

// The reader page: the bundled article in Arabic beside its translation, its names marked and
// their cards working as on the web; axe-core clean.

const pack = bundled as Pack;
const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

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

    await page.evaluate((source) => (0, eval)(source), AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-action="translation"]')!.click());
    expect(await page.evaluate(() => document.querySelectorAll('[data-paragraph] p[lang="en"]').length)).toBe(0);
    await page.close();
  });

  it('is opened by the link on a card', async () => {
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
    const href = await page.evaluate(() => {
      const link = document.querySelector(':root > hashiya-card')!.shadowRoot!.querySelector<HTMLAnchorElement>('[data-action="reader"]')!;
      link.removeAttribute('target'); // in this tab, which the test can follow
      link.click();
      return link.href;
    });
    expect(href).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/reader\.html$/);
    await page.waitFor(() => location.pathname === '/reader.html' && document.querySelectorAll('[data-paragraph]').length > 0);
    expect(await settleMarks(page)).toBeGreaterThan(50);
    expect(await page.evaluate(() => document.querySelectorAll('[data-paragraph]').length)).toBe(pack.article.paragraphs.length);
    await page.mouse.move(...(await arabicPutin(page))); // cards work there too
    await waitForCard(page, 'vladimir-putin');
    await page.close();
  });
});
