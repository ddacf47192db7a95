import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, untilFound, type TestBrowser, type TestPage } from './harness/browsers';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { PROJECT_ROOT } from './harness/server';
import { forEachBrowser, selectedBrowsers } from './harness/suite';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { shownAfter, waitForCard } from './card-page';
import { click, inExtension, stored } from './controls-helpers';

// The first-run page (welcome.html): opened by the install itself, once; in the browser's language
// (Arabic right to left); its sample marked live with a card that opens; the legend in the
// reader's mark styles; the shortcuts as the browser binds them; axe-core clean; opened again
// from the popup and the options. And not again when the browser starts again on the same profile,
// nor when the extension is reloaded (an update).

const AXE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const en = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const ar = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/_locales/ar/messages.json'), 'utf8')) as Record<string, { message: string }>;
type Api = typeof chrome;

/** The names each language's sample must have marked (src/_locales: welcomeSample). */
const SAMPLE_NAMES = {
  en: ['Ahmad al-Sharaa', 'Vladimir Putin', 'Kremlin', 'Moscow'],
  ar: ['أحمد الشرع', 'فلاديمير بوتين', 'الكرملين', 'موسكو'],
};
const PUTIN = { en: 'Vladimir Putin', ar: 'فلاديمير بوتين' };

/** The addresses of the open tabs of the first-run page, asked of the browser from an extension page. */
function welcomeTabs(browser: TestBrowser): Promise<string[]> {
  return inExtension(browser, async (prefix) => {
    const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
    return (await api.tabs.query({})).flatMap((t) => (t.url?.startsWith(prefix) ? [t.url] : []));
  }, `${browser.extensionOrigin}/welcome.html`);
}

/** axe-core's violations on `page`; colour contrast must have been checked on some text. */
async function violations(page: TestPage): Promise<string[]> {
  await page.evaluate((source) => void (0, eval)(source), AXE);
  return page.evaluate(async () => {
    type Rule = { id: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, {});
    const contrast = result.passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0;
    const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes[0]?.target)}`);
    return contrast > 0 ? found : [...found, 'color-contrast: nothing checked'];
  });
}

/** The marked texts inside the sample paragraph (CSS Custom Highlight API ranges), in order. */
function sampleMarks(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const sample = document.getElementById('sample')!;
    const out: { text: string; at: number }[] = [];
    CSS.highlights.forEach((highlight) => {
      if (highlight.priority !== 0) return;
      for (const r of highlight) {
        if (!sample.contains(r.startContainer)) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ text: range.toString(), at: r.startOffset });
      }
    });
    return out.sort((a, b) => a.at - b.at).map((m) => m.text);
  });
}

/** The middle of the first `text` in the sample paragraph. */
function pointAt(page: TestPage, text: string): Promise<[number, number]> {
  return page.evaluate((needle) => {
    const node = document.getElementById('sample')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(needle));
    range.setEnd(node, node.data.indexOf(needle) + needle.length);
    const r = range.getClientRects()[0]!;
    return [(r.left + r.right) / 2, (r.top + r.bottom) / 2] as [number, number];
  }, text);
}

for (const locale of ['en', 'ar'] as const) {
  const words = locale === 'ar' ? ar : en;
  forEachBrowser(
    `the first-run page (${locale})`,
    (browser) => {
      let page: TestPage;

      it('opens by itself on install, in exactly one tab, in the browser\'s language', async () => {
        page = await browser().waitForTab(`${browser().extensionOrigin}/welcome.html`);
        await page.waitFor(() => document.querySelector('h1') !== null);
        expect(await welcomeTabs(browser())).toEqual([`${browser().extensionOrigin}/welcome.html`]);
        expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction, h1: document.querySelector('h1')!.textContent, title: document.title })))
          .toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr', direction: locale === 'ar' ? 'rtl' : 'ltr', h1: words.welcomeTitle!.message, title: words.welcomeTitle!.message });
        expect(await page.evaluate(() => document.querySelectorAll('header .intro').length)).toBe(3);
        expect(await page.evaluate(() => document.getElementById('privacy')!.textContent)).toBe(words.welcomePrivacy!.message);
      });

      it('marks the names of its sample paragraph, and a name opens its card on hover', async () => {
        await page.bringToFront();
        await page.setViewport(1100, 800);
        await page.waitFor((n) => {
          const sample = document.getElementById('sample');
          let count = 0;
          CSS.highlights.forEach((h) => {
            if (h.priority === 0) for (const r of h) if (sample?.contains(r.startContainer)) count++;
          });
          return count >= n;
        }, SAMPLE_NAMES[locale].length);
        expect(await sampleMarks(page)).toEqual(expect.arrayContaining(SAMPLE_NAMES[locale]));
        await page.mouse.move(...(await pointAt(page, PUTIN[locale])));
        await waitForCard(page, 'vladimir-putin');
        await page.keyboard.press('Escape');
        await waitForCard(page, null);
      });

      // What does not depend on the language is tested once, in English.
      if (locale === 'en') {
        it('offers the choice of how cards open, and its sample answers at once: on click only, no card on hover', async () => {
          await page.bringToFront();
          await click(page, '#welcome-open-mode-click');
          await expect.poll(async () => (await stored(browser())).sync.openMode).toBe('click');
          const putin = await pointAt(page, PUTIN[locale]);
          await page.mouse.move(putin[0], putin[1] - 30);
          await page.mouse.move(...putin);
          expect(await shownAfter(page, DEFAULT_SETTINGS.hoverDelay * 2)).toBe(false);
          await page.mouse.click(...putin);
          await waitForCard(page, 'vladimir-putin');
          await page.keyboard.press('Escape');
          await waitForCard(page, null);
          await click(page, '#welcome-open-mode-hover');
          await expect.poll(async () => (await stored(browser())).sync.openMode).toBeUndefined(); // the default again: not stored
        });
      }

      it('shows the shortcuts the browser has bound (commands.getAll), and how to change them', async () => {
        await page.waitFor(() => document.querySelectorAll('[data-command]').length > 0);
        const bound = await page.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
          return (await api.commands.getAll()).map((c) => [c.name, c.shortcut ?? '']);
        });
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll('[data-command]')].map((row) => [row.getAttribute('data-command'), row.querySelector('kbd')?.textContent ?? '']),
        );
        expect(shown).toEqual(bound);
        // The manifest's own commands are there, each with the words of its locale.
        expect(shown.map(([name]) => name)).toEqual(expect.arrayContaining(['toggle-hashiya', 'next-mention', 'previous-mention']));
        const toggle = await page.evaluate(() => document.querySelector('[data-command="toggle-hashiya"] td:last-child')!.textContent);
        expect(toggle).toBe(words.commandToggle!.message);
        const how = browser().name === 'firefox' ? 'welcomeShortcutsHowFirefox' : 'welcomeShortcutsHowChrome';
        expect(await page.evaluate(() => document.getElementById('shortcuts-how')!.textContent)).toBe(words[how]!.message);
        expect(await page.evaluate(() => document.getElementById('change-shortcuts') !== null)).toBe(true);
        if (browser().name === 'chromium') {
          // Chrome lets an extension page open its shortcuts page in a tab (a link to it does nothing).
          await click(page, '#change-shortcuts');
          await (await browser().waitForTab('chrome://extensions/shortcuts')).close();
        }
      });

      it('draws its legend in the reader\'s mark styles, and follows a change made in the options', async () => {
        const legend = () => page.evaluate(() => {
          const item = document.querySelector('[data-legend="person"]')!;
          const sample = item.querySelector('[data-sample="person"]')!;
          const drawnIn = [...(CSS.highlights as unknown as Map<string, Highlight>).entries()].flatMap(([name, h]) => ([...h].some((r) => sample.contains(r.startContainer)) ? [name] : []));
          return { words: item.querySelector('[data-part="legend-style"]')!.textContent, drawnIn };
        });
        const style = (s: string, c: string) => `${words[s]!.message}${locale === 'ar' ? '، ' : ', '}${words[c]!.message}`;
        expect(await legend()).toEqual({ words: style('optionsStyleDotted', 'optionsColourTeal'), drawnIn: ['dotted-teal'] });
        await setStoredSettings(browser(), { version: 2, marks: { person: { style: 'wavy', colour: 'orange' } } });
        try {
          const wanted = style('optionsStyleWavy', 'optionsColourOrange');
          await page.waitFor((w) => document.querySelector('[data-legend="person"] [data-part="legend-style"]')!.textContent === w && CSS.highlights.has('wavy-orange'), wanted);
          expect(await legend()).toEqual({ words: wanted, drawnIn: ['wavy-orange'] });
        } finally {
          await clearStoredSettings(browser());
        }
      });

      for (const theme of ['light', 'dark'] as const) {
        it(`has no axe-core violations in the ${theme} theme`, async () => {
          await setStoredSettings(browser(), { version: 2, theme });
          try {
            await page.waitFor((want) => document.documentElement.dataset.theme === want, theme);
            expect(await violations(page)).toEqual([]);
          } finally {
            await clearStoredSettings(browser());
          }
        });
      }

      if (locale === 'en') {
        it('is opened again by the popup and by the options, and opens the options', async () => {
          const popup = await browser().openExtensionPage('popup.html');
          await popup.waitFor(() => document.getElementById('open-welcome') !== null);
          expect(await popup.evaluate(() => document.getElementById('open-welcome')!.textContent)).toBe(words.popupWelcome!.message);
          await click(popup, '#open-welcome');
          const tabs = (n: number) => untilFound(async () => ((await welcomeTabs(browser())).length === n ? true : undefined));
          await tabs(2);

          const options = await browser().openExtensionPage('options.html');
          await options.waitFor(() => document.getElementById('open-welcome') !== null);
          await click(options, '#open-welcome');
          await tabs(3);
          await options.close();

          await click(page, '#open-options');
          const opened = await browser().waitForTab(`${browser().extensionOrigin}/options.html`);
          await opened.waitFor(() => document.querySelector('h1') !== null);
          await opened.close();
        });
      }
    },
    { locale, keepWelcomeTab: true },
  );
}

for (const name of selectedBrowsers()) {
  describe(`the first-run page, once [${name}]`, () => {
    it('is not opened again when the browser starts again on the same profile', async () => {
      const profileDir = await mkdtemp(join(tmpdir(), `hashiya-welcome-${name}-`));
      try {
        const first = await launchBrowser(name, { profileDir, keepWelcomeTab: true });
        try {
          await first.waitForTab(`${first.extensionOrigin}/welcome.html`);
          expect(await welcomeTabs(first)).toHaveLength(1);
        } finally {
          await first.close();
        }
        // Both browsers install an extension loaded from a folder again at each start (reason
        // `install`): Hashiya's storage remembers the page was shown.
        const again = await launchBrowser(name, { profileDir, keepWelcomeTab: true });
        try {
          const stored = await inExtension(again, async () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.local.get('welcomed'), null);
          expect(stored).toEqual({ welcomed: true });
          // The background has answered (it runs, its start-up events told): no tab opened by then,
          // and none in the second after.
          await inExtension(again, async () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).runtime.sendMessage({ type: 'get-next-shortcut' }), null);
          await new Promise((ok) => setTimeout(ok, 1000));
          expect(await welcomeTabs(again)).toEqual([]);
          expect(again.extensionErrors).toEqual([]);
        } finally {
          await again.close();
        }
      } finally {
        await rm(profileDir, { recursive: true, force: true });
      }
    });

    // Firefox only: headless Chromium does not bring an extension loaded with --load-extension back
    // from runtime.reload() (its pages are refused, ERR_BLOCKED_BY_CLIENT, from then on). There the
    // update path rests on src/background/welcome.test.ts (reason `update` opens nothing).
    it.skipIf(name === 'chromium')('is not opened by a reload of the extension (an update), even with the memory of it gone', async () => {
      const browser = await launchBrowser(name);
      try {
        // storage.session is emptied by a reload: its mark tells the reloaded extension from the old one.
        // The stored memory of the welcome is removed, so only the install reason can keep the page shut.
        const reload = await browser.openExtensionPage('popup.html');
        void reload.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
          await api.storage.session.set({ beforeReload: true });
          await api.storage.local.remove('welcomed');
          api.runtime.reload();
        }).catch(() => undefined); // the page goes with the extension
        const after = await untilFound(async () => {
          const page = await browser.openExtensionPage('popup.html').catch(() => undefined);
          if (!page) return undefined;
          const state = await page.evaluate(async () => {
            const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
            return { session: await api.storage.session.get('beforeReload'), local: await api.storage.local.get('welcomed') };
          }).catch(() => undefined);
          await page.close().catch(() => undefined);
          return state && Object.keys(state.session).length === 0 ? state : undefined;
        }, 20_000);
        // Reloaded; the background answers (its start-up events told): no welcome remembered, no tab
        // opened by then, nor in the second after.
        await inExtension(browser, async () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).runtime.sendMessage({ type: 'get-next-shortcut' }), null);
        await new Promise((ok) => setTimeout(ok, 1000));
        expect(after.local).toEqual({});
        expect(await welcomeTabs(browser)).toEqual([]);
        expect(await inExtension(browser, async () => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.local.get('welcomed'), null)).toEqual({});
      } finally {
        await browser.close();
      }
    });
  });
}
