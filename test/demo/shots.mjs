// Screenshots of what a reader sees, taken in Debian's Chromium with the built Hashiya loaded.
// `npm start` (test/demo/start.mjs, into screenshots/) and the store listing
// (scripts/store-assets.mjs, into artifacts/store/) both take theirs with this code, so the
// pictures in the stores are the ones the demo shows.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import CHROMIUM_FLAGS from '../e2e/harness/chromium-flags.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');
/** The build the screenshots show (`npm run build` writes it). */
export const DIST = join(root, 'dist/chrome');

/**
 * Rests the pointer on the first `name` inside <main> (or the body) until its card is open; with
 * `scrollCard`, then moves into the card and scrolls its content by that many pixels (to show what
 * is further down, such as quotes).
 */
export const hoverName = (name, { scrollCard = 0 } = {}) => async (page) => {
  const point = await page.evaluate((needle) => {
    const scope = document.querySelector('main article, main, article') ?? document.body;
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0];
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    }
    return null;
  }, name);
  if (!point) throw new Error(`${name} is not on the page`);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => document.querySelector(':root > :popover-open'));
  await page.waitForTimeout(300); // the card's fade-in
  if (scrollCard) {
    const box = await page.locator(':root > :popover-open').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.wheel(0, scrollCard);
    await page.waitForTimeout(300);
  }
};

/** Waits until the first-run page's sample paragraph is marked (the page marks it live). */
export const sampleMarked = async (page) => {
  await page.waitForFunction(() => {
    const sample = document.getElementById('sample');
    let marks = 0;
    CSS.highlights.forEach((h) => {
      if (h.priority === 0) for (const r of h) if (sample?.contains(r.startContainer)) marks++;
    });
    return marks >= 4;
  });
};

/**
 * What `npm start` shows. A shot is { file, path, prepare, scheme, lang }: the file name, the page
 * (`extension:x.html` is a page of Hashiya; `popup-for:/path` opens /path in a tab and then the
 * popup about that tab, at the popup's size), what to do before the shot, the colour scheme, and
 * the browser's UI language ('en' unless given).
 */
export const SHOTS = [
  { file: 'card-ar-article.png', path: '/demo/ar-article.html', prepare: hoverName('بوتين'), scheme: 'light' },
  { file: 'card-en-article.png', path: '/demo/en-article.html', prepare: hoverName('Putin'), scheme: 'light' },
  { file: 'card-ar-article-dark.png', path: '/demo/ar-article.html', prepare: hoverName('حميميم'), scheme: 'dark' },
  { file: 'card-en-article-dark.png', path: '/demo/en-article.html', prepare: hoverName('Hmeimim'), scheme: 'dark' },
  { file: 'card-quote-en.png', path: '/demo/en-article.html', prepare: hoverName('Lavrov', { scrollCard: 260 }), scheme: 'light' },
  { file: 'card-event-en.png', path: '/demo/en-article.html', prepare: hoverName('Sharaa’s visit to Moscow'), scheme: 'light' },
  { file: 'card-moscow-map.png', path: '/demo/ar-article.html', prepare: hoverName('موسكو'), scheme: 'light' },
  { file: 'demo-ar-article.png', path: '/demo/ar-article.html', scheme: 'light' },
  { file: 'demo-en-article.png', path: '/demo/en-article.html', scheme: 'light' },
  { file: 'demo-ar-article-dark.png', path: '/demo/ar-article.html', scheme: 'dark' },
  { file: 'demo-en-article-dark.png', path: '/demo/en-article.html', scheme: 'dark' },
  { file: 'popup-en.png', path: 'popup-for:/demo/en-article.html', scheme: 'light' },
  { file: 'popup-ar.png', path: 'popup-for:/demo/ar-article.html', scheme: 'light', lang: 'ar' },
  { file: 'popup-ar-dark.png', path: 'popup-for:/demo/ar-article.html', scheme: 'dark', lang: 'ar' },
  { file: 'options-en.png', path: 'extension:options.html', scheme: 'light' },
  { file: 'options-ar.png', path: 'extension:options.html', scheme: 'light', lang: 'ar' },
  { file: 'options-ar-dark.png', path: 'extension:options.html', scheme: 'dark', lang: 'ar' },
  { file: 'welcome-en.png', path: 'extension:welcome.html', prepare: sampleMarked, scheme: 'light' },
  { file: 'welcome-ar.png', path: 'extension:welcome.html', prepare: sampleMarked, scheme: 'light', lang: 'ar' },
];

/** The popup's size in the toolbar (its shots are taken at it, whatever the viewport). */
const POPUP_VIEWPORT = { width: 360, height: 560 };

/** Chromium with Hashiya loaded and its interface in `lang` (--lang), and the extension's origin. */
async function launch(lang, { headless, viewport }) {
  const profile = await mkdtemp(join(tmpdir(), 'hashiya-demo-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless,
      locale: lang === 'ar' ? 'ar' : 'en-US',
      viewport,
      args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, `--lang=${lang}`, ...CHROMIUM_FLAGS],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())[0];
    await closeWelcomeTab(context, extensionOrigin);
    return { context, worker, profile, extensionOrigin };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Closes the first-run tab Hashiya opens on install (it is waited for, up to 15 s): each shot
 * opens its own tab, the first-run page's too. It is closed once loaded: closed while it loads,
 * Chromium's next page of Hashiya may get no messages (i18n.getMessage answers '').
 */
async function closeWelcomeTab(context, extensionOrigin) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tab = context.pages().find((page) => page.url().startsWith(`${extensionOrigin}/welcome.html`));
    if (tab) {
      await tab.waitForFunction(() => document.readyState === 'complete' && document.querySelector('h1') !== null, undefined, { timeout: 15_000 });
      return tab.close();
    }
    if (Date.now() > deadline) throw new Error('Hashiya opened no first-run page');
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Opens the demo page `path` in a tab and answers the popup's URL about that tab (as the toolbar would). */
async function popupFor({ context, worker, extensionOrigin }, origin, path) {
  const tab = await context.newPage();
  await tab.goto(origin + path, { waitUntil: 'load' });
  await tab.waitForTimeout(500); // the page's frames report what they found
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).find((t) => t.url === url)?.id, origin + path);
  return `${extensionOrigin}/popup.html?tab=${id}`;
}

/**
 * A camera on the demo pages served at `origin`: one Chromium per UI language, launched when a
 * shot first needs it, every page at `viewport` ({ width, height } in CSS pixels, one device pixel
 * each, so a shot is exactly that many pixels). `close()` closes them and removes their profiles.
 */
export function openCamera({ origin, viewport, headless = true }) {
  const browsers = new Map();
  /** The browser whose interface is in `lang`: { context, worker, extensionOrigin }. */
  const browser = (lang) => {
    if (!browsers.has(lang)) browsers.set(lang, launch(lang, { headless, viewport }));
    return browsers.get(lang);
  };

  /** Takes `shot` into out/<shot.file> (making its folder); answers that path. */
  async function shoot({ file, path, prepare, scheme, lang = 'en' }, out) {
    const ui = await browser(lang);
    const page = await ui.context.newPage();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      const url = path.startsWith('popup-for:')
        ? await popupFor(ui, origin, path.slice('popup-for:'.length))
        : path.startsWith('extension:')
          ? `${ui.extensionOrigin}/${path.slice('extension:'.length)}`
          : origin + path;
      if (path.startsWith('popup-for:')) await page.setViewportSize(POPUP_VIEWPORT);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      if (prepare) await prepare(page);
      const target = join(out, file);
      await mkdir(dirname(target), { recursive: true });
      await page.screenshot({ path: target });
      return target;
    } finally {
      await page.close();
    }
  }

  async function close() {
    for (const launched of await Promise.allSettled(browsers.values())) {
      if (launched.status !== 'fulfilled') continue;
      await launched.value.context.close();
      await rm(launched.value.profile, { recursive: true, force: true });
    }
  }

  return { browser, shoot, close };
}
