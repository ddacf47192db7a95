#!/usr/bin/env node
// `npm start`: builds Hashiya, serves the demo pages on http://127.0.0.1:8787 and opens Chromium
// with Hashiya loaded on them. With no display (headless machines, CI) it saves screenshots of
// what a reader would see into screenshots/ and prints their paths instead.
//
// Each entry of SHOTS is one screenshot; later features add theirs (an open card, the popup …).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDemo } from './serve.mjs';
import CHROMIUM_FLAGS from '../e2e/harness/chromium-flags.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.HASHIYA_PORT ?? 8787);
const headless = process.env.CI === 'true' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

/** Rests the pointer on the first `name` inside <main> (or the body) until its card is open. */
const hoverName = (name) => async (page) => {
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
  await page.waitForFunction(() => document.querySelector(':root > hashiya-card')?.matches(':popover-open'));
  await page.waitForTimeout(300); // the card's fade-in
};

/**
 * What the demo shows: [file name, page path, what to do before the shot, colour scheme, UI language
 * ('en' unless given)]. `extension:x.html` is a page of Hashiya; `popup-for:/path` opens /path in a
 * tab and then the popup about that tab.
 */
const SHOTS = [
  ['card-ar-article.png', '/demo/ar-article.html', hoverName('بوتين'), 'light'],
  ['card-en-article.png', '/demo/en-article.html', hoverName('Putin'), 'light'],
  ['card-ar-article-dark.png', '/demo/ar-article.html', hoverName('حميميم'), 'dark'],
  ['card-en-article-dark.png', '/demo/en-article.html', hoverName('Hmeimim'), 'dark'],
  ['demo-ar-article.png', '/demo/ar-article.html', null, 'light'],
  ['demo-en-article.png', '/demo/en-article.html', null, 'light'],
  ['demo-ar-article-dark.png', '/demo/ar-article.html', null, 'dark'],
  ['demo-en-article-dark.png', '/demo/en-article.html', null, 'dark'],
  ['popup-en.png', 'popup-for:/demo/en-article.html', null, 'light'],
  ['popup-ar.png', 'popup-for:/demo/ar-article.html', null, 'light', 'ar'],
  ['popup-ar-dark.png', 'popup-for:/demo/ar-article.html', null, 'dark', 'ar'],
  ['options-en.png', 'extension:options.html', null, 'light'],
  ['options-ar.png', 'extension:options.html', null, 'light', 'ar'],
  ['options-ar-dark.png', 'extension:options.html', null, 'dark', 'ar'],
];

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.exit(1); // the command has said what went wrong
  }
}

run('node', ['build.mjs', '--quiet']);
run('node', ['test/e2e/check-browsers.mjs', 'chromium']);
const { chromium } = await import('playwright-core');

let server;
try {
  server = await serveDemo(PORT);
} catch (error) {
  console.error(`hashiya: ${error.message}`);
  process.exit(1);
}
const dist = join(root, 'dist/chrome');
const profiles = [];

/** Chromium with Hashiya loaded and its interface in `lang` (--lang), and the extension's origin. */
async function launch(lang) {
  const profile = await mkdtemp(join(tmpdir(), 'hashiya-demo-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    locale: lang === 'ar' ? 'ar' : 'en-US',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      `--lang=${lang}`,
      ...CHROMIUM_FLAGS,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionOrigin: /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())[0] };
}

/** Opens the demo page `path` in a tab and answers the popup's URL about that tab (as the toolbar would). */
async function popupFor({ context, worker, extensionOrigin }, path) {
  const tab = await context.newPage();
  await tab.goto(server.origin + path, { waitUntil: 'load' });
  await tab.waitForTimeout(500); // the page's frames report what they found
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({ url })).find((t) => t.url === url)?.id, server.origin + path);
  return `${extensionOrigin}/popup.html?tab=${id}`;
}

const browsers = { en: await launch('en') };
const { context } = browsers.en;

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo/index.html`);
  console.log(`hashiya: Chromium shows ${server.origin}/demo/index.html with Hashiya loaded — close it or press Ctrl-C to stop`);
  await new Promise((done) => context.on('close', done));
} else {
  const out = join(root, 'screenshots');
  await mkdir(out, { recursive: true });
  for (const [file, path, prepare, scheme, lang = 'en'] of SHOTS) {
    browsers[lang] ??= await launch(lang);
    const ui = browsers[lang];
    const page = await ui.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const url = path.startsWith('popup-for:')
      ? await popupFor(ui, path.slice('popup-for:'.length))
      : path.startsWith('extension:')
        ? `${ui.extensionOrigin}/${path.slice('extension:'.length)}`
        : server.origin + path;
    if (path.startsWith('popup-for:')) await page.setViewportSize({ width: 360, height: 560 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    if (prepare) await prepare(page);
    await page.screenshot({ path: join(out, file) });
    console.log(join('screenshots', file));
    await page.close();
  }
}
for (const ui of Object.values(browsers)) await ui.context.close();
await server.close();
for (const profile of profiles) await rm(profile, { recursive: true, force: true });
