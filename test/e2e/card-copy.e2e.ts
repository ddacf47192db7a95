import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/card/card-text';
import { cardDataFor } from '../../src/data/card-data';
import type { Pack } from '../../src/data/pack-schema';
import bundled from '../../src/data/packs/sharaa-moscow-2025.json';
import AR from '../../src/_locales/ar/messages.json';
import EN from '../../src/_locales/en/messages.json';
import type { TestPage } from './harness/browsers';
import { waitForPageRead } from './harness/settle';
import { wrapPlaywrightPage } from './harness/chromium';
import { useChromiumSuite } from './harness/chromium-suite';
import { PROJECT_ROOT } from './harness/server';
import { forEachBrowser, selectedBrowsers } from './harness/suite';
import { extensionPages } from './chromium-probe';
import { chooseFile, click, inExtension } from './controls-helpers';
import { waitForMarked } from './harness/highlights';
import { CARD, type CardRef, clickInCard, middle, rectsOf, revealCard, waitForCard } from './card-page';

// "Copy with citation": the copy is written by the background, never in the page (where a copy
// would be an event the page sees, and where an http:// page gives a content script no
// navigator.clipboard). The test pastes it into a field of the page with the reader's own Ctrl+V,
// reading both flavours from the page's paste event, as any editor would. The page, listening all
// along, sees no copy event: nothing of the copy happens in its document. (The test server is on
// 127.0.0.1, which browsers count as a secure context; the card uses no page clipboard either way.)

const pack = bundled as Pack;
const putin = cardDataFor(pack, 'vladimir-putin')!;
const { article } = putin;
/** The citation as a reader reads it: the card's word for "source", the title, the date. */
const date = formatDate({ value: article.date, precision: 'day' }, 'en');
const citation = `${EN.cardCiteSource.message}: “${article.title.en}”, ${date}.`;

/** Starts counting the copy events the page's own listeners see. */
function watchCopies(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const seen = window as unknown as { copies: number };
    seen.copies = 0;
    for (const target of [window, document]) target.addEventListener('copy', () => seen.copies++, true);
  });
}

/** Clicks the copy button `selector` of the card and waits until it says it copied. */
async function copyFromCard(page: TestPage, selector: string): Promise<string> {
  await clickInCard(page, selector);
  await revealCard(page);
  await page.waitFor(([key, s]) => (window as unknown as Record<string, CardRef>)[key]!.root.querySelector(s)?.getAttribute('data-state') !== 'busy', [CARD, selector] as const).catch(() => {
    throw new Error(`the copy of ${selector} never came back`);
  });
  return page.evaluate(([key, s]) => {
    const { root } = (window as unknown as Record<string, CardRef>)[key]!;
    const button = root.querySelector(s)!;
    return `${button.getAttribute('data-state')}: ${button.nextElementSibling?.textContent ?? ''}`;
  }, [CARD, selector] as const);
}

/** Pastes with Ctrl+V into a field of the page; what its paste event carried, as the page reads it. */
async function paste(page: TestPage): Promise<{ plain: string; html: { quote: string[]; cite: string; link: string[]; text: string } }> {
  await page.evaluate(() => {
    const field = document.createElement('div');
    field.contentEditable = 'true';
    field.id = 'paste-here';
    document.body.prepend(field);
    field.addEventListener('paste', (event) => {
      const got = window as unknown as { pasted?: { plain: string; html: string } };
      got.pasted = { plain: event.clipboardData!.getData('text/plain'), html: event.clipboardData!.getData('text/html') };
      event.preventDefault();
    });
    field.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  await page.waitFor(() => (window as unknown as { pasted?: unknown }).pasted !== undefined).catch(() => {
    throw new Error('Ctrl+V pasted nothing');
  });
  return page.evaluate(() => {
    const { plain, html } = (window as unknown as { pasted: { plain: string; html: string } }).pasted;
    document.getElementById('paste-here')!.remove();
    delete (window as unknown as { pasted?: unknown }).pasted;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return {
      plain,
      html: {
        quote: [...doc.querySelectorAll('blockquote p')].map((p) => p.textContent ?? ''),
        cite: doc.querySelector('cite')?.textContent ?? '',
        link: [...doc.querySelectorAll('a')].map((a) => `${a.getAttribute('href')} ${a.textContent}`),
        text: (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim(),
      },
    };
  });
}

forEachBrowser('copy with citation', (browser) => {
  it("copies the summary, and a quote, with the story's citation, as plain text and rich text, unseen by the page", async () => {
    const page = await browser().open('/fixtures/card-basic.html');
    await waitForPageRead(browser(), page);
    await watchCopies(page);

    const [name] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.click(...middle(name!));
    await waitForCard(page, 'vladimir-putin');
    await clickInCard(page, '[data-action="pin"]'); // the card stays while the reader pastes elsewhere

    expect(await copyFromCard(page, '[data-part="copy-summary"]')).toBe(`copied: ${EN.cardCopied.message}`);
    const summary = await paste(page);
    expect(summary.plain).toBe(`${putin.entity.summary.en}\n\n${citation}`);
    expect(summary.html).toEqual({ quote: [putin.entity.summary.en], cite: article.title.en, link: [], text: `${putin.entity.summary.en}${citation.replace(/[“”]/g, '')}` });

    // A quote: its Arabic words, their English (an English card of an Arabic article), who said it and when.
    const quote = putin.quotes[0]!;
    const part = (precision: string) => (EN as Record<string, { message: string }>)[`cardDate_${precision.replace('-', '_')}`]!.message;
    const by = `— ${(quote.attribution ?? quote.speakerName).en}${quote.viaName && !quote.attribution ? ` · via ${quote.viaName.en}` : ''}, ${formatDate(quote.date, 'en', part)}`;
    expect(await copyFromCard(page, `[data-quote="${quote.id}"] [data-part="copy-quote"]`)).toBe(`copied: ${EN.cardCopied.message}`);
    const copied = await paste(page);
    expect(copied.plain).toBe(`«${quote.ar}»\n“${quote.en}”\n${by}\n${citation}`);
    expect(copied.html.quote).toEqual([quote.ar]);
    expect(copied.html.cite).toBe(article.title.en);
    expect(copied.html.text).toBe(`${quote.ar}“${quote.en}”${by}${citation.replace(/[“”]/g, '')}`.replace(/\s+/g, ' '));

    expect(await page.evaluate(() => (window as unknown as { copies: number }).copies)).toBe(0);
    await page.close();
  });

  describe('from a pack that names its outlet and address', () => {
    const EXAMPLE_FILE = join(PROJECT_ROOT, 'docs/examples/damascus-depots/damascus-depots.json');
    const example = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')) as Pack;
    afterEach(async () => {
      await inExtension(browser(), () => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local.clear(), null);
    });

    it('cites the outlet and links the address, all in the card\'s language (Arabic here)', async () => {
      const options = await browser().openExtensionPage('options.html');
      await options.waitFor(() => document.getElementById('pack-file') !== null);
      await chooseFile(options, 'pack-file', readFileSync(EXAMPLE_FILE, 'utf8'));
      await options.waitFor(() => document.getElementById('pack-accept') !== null);
      await click(options, '#pack-accept');
      await options.waitFor(() => document.querySelector('[data-pack="damascus-depots"]') !== null);
      // The pack's names, ready for pages, are stored by the background after the pack: a page opens once they are there.
      await expect
        .poll(() =>
          options.evaluate(async () => {
            const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
            const { importedMatchData } = await api.storage.local.get('importedMatchData');
            return JSON.stringify(importedMatchData ?? []).includes('damascus-depots');
          }),
        )
        .toBe(true);
      await options.close();

      const observatory = cardDataFor(example, 'syrian-observatory-for-human-rights')!;
      const { title, date: published, outlet, url } = observatory.article;
      expect(outlet && url).toBeTruthy(); // the example names both
      const page = await browser().open('/fixtures/linked-stories.html');
      await waitForMarked(page, 'المرصد السوري لحقوق الإنسان', true);
      await page.mouse.click(...middle((await rectsOf(page, 'observatory', 'المرصد السوري لحقوق الإنسان'))[0]!));
      await waitForCard(page, 'damascus-depots/syrian-observatory-for-human-rights');
      await clickInCard(page, '[data-action="pin"]');
      // The card's own words are the browser's (English); the copy is Arabic through and through.
      expect(await copyFromCard(page, '[data-part="copy-summary"]')).toBe(`copied: ${EN.cardCopied.message}`);
      const arabic = `${AR.cardCiteSource.message}: «${title.ar}»، ${outlet!.ar}، ${formatDate({ value: published, precision: 'day' }, 'ar')}.`;
      const copied = await paste(page);
      expect(copied.plain).toBe(`${observatory.entity.summary.ar}\n\n${arabic} ${url}`);
      expect(copied.html).toMatchObject({ quote: [observatory.entity.summary.ar], cite: title.ar, link: [`${url} ${url}`] });
      await page.close();
    });
  });
});

describe.runIf(selectedBrowsers().includes('chromium'))('copy with citation on a page that is not a secure context [chromium]', () => {
  // The test server's 127.0.0.1 is a secure context; a news site served over plain http:// is
  // not, and there a content script has no navigator.clipboard. Chromium, driven directly, serves
  // the same page as http://news.example/ (answered by the test itself: nothing goes out).
  const suite = useChromiumSuite();

  it('copies there too', async () => {
    const raw = await suite().context.newPage();
    const html = readFileSync(join(PROJECT_ROOT, 'test/e2e/fixtures/card-basic.html'), 'utf8');
    await raw.route('http://news.example/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const page = wrapPlaywrightPage(raw);
    await page.goto('http://news.example/story.html');
    expect(await page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard])).toEqual([false, 'undefined']);
    await waitForPageRead(extensionPages(suite()), page);
    await page.bringToFront();
    await watchCopies(page);
    const [name] = await rectsOf(page, 'person', 'Putin');
    await page.mouse.click(...middle(name!));
    await waitForCard(page, 'vladimir-putin');
    expect(await copyFromCard(page, '[data-part="copy-summary"]')).toBe(`copied: ${EN.cardCopied.message}`);
    expect((await paste(page)).plain).toBe(`${putin.entity.summary.en}\n\n${citation}`);
    expect(await page.evaluate(() => (window as unknown as { copies: number }).copies)).toBe(0);
    await raw.close();
  });
});
