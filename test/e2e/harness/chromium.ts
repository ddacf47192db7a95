import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import CHROMIUM_FLAGS from './chromium-flags.json';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CLOSED_SHADOW_ROOTS, EXECUTABLES, makeRecorder, untilFound, type BrowserAdapter, type LaunchOptions, type TestPage } from './common';

// Debian's Chromium through playwright-core: a persistent context is the only way to load an
// unpacked extension, and headless mode (the new one) runs extensions.


export function wrapPlaywrightPage(page: Page): TestPage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 10_000) => void (await page.waitForFunction(fn as never, arg, { timeout })),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    mouse: {
      move: (x, y) => page.mouse.move(x, y),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      down: (key) => page.keyboard.down(key),
      up: (key) => page.keyboard.up(key),
    },
    touch: {
      // Through CDP: playwright's touchscreen needs a context made with hasTouch, which would
      // change every other test's pages.
      async tap(x, y) {
        const session = await page.context().newCDPSession(page);
        try {
          await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
          await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        } finally {
          await session.detach();
        }
      },
    },
    async revealClosedShadowRoots() {
      const session = await page.context().newCDPSession(page);
      try {
        const { root } = await session.send('DOM.getDocument', { depth: 3, pierce: true });
        const html = root.children?.find((node) => node.nodeName === 'HTML');
        const shadows = (html?.children ?? []).flatMap((child) => child.shadowRoots ?? []).filter((shadow) => shadow.shadowRootType === 'closed');
        const { result } = await session.send('Runtime.evaluate', { expression: `window[${JSON.stringify(CLOSED_SHADOW_ROOTS)}] = []` });
        for (const shadow of shadows) {
          const { object } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
          await session.send('Runtime.callFunctionOn', {
            objectId: result.objectId!,
            functionDeclaration: 'function (root) { this.push(root); }',
            arguments: [{ objectId: object.objectId! }],
          });
        }
      } finally {
        await session.detach();
      }
    },
    close: () => page.close(),
  };
}

/** Starts Chromium with dist/chrome loaded. */
export async function launchChromium({ profileDir, extensionDir, locale, diagnostics, reducedMotion, backForwardCache }: LaunchOptions): Promise<BrowserAdapter> {
  let extensionOrigin = 'chrome-extension://';
  const recorder = makeRecorder(diagnostics, () => extensionOrigin);
  const logFile = join(profileDir, 'chromium.log');
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: EXECUTABLES.chromium,
    headless: true,
    locale: locale === 'ar' ? 'ar' : 'en-US',
    viewport: { width: 1280, height: 800 },
    ...(reducedMotion ? { reducedMotion: 'reduce' as const } : {}),
    ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--lang=${locale}`,
      // No background networking, and nothing but the test server resolves: even a request the
      // routes below miss cannot leave.
      ...CHROMIUM_FLAGS,
      // An uncaught error in the service worker reaches no playwright event; Chromium's log of
      // console messages does carry it, so the log goes to a file that is read as it grows.
      '--enable-logging',
      `--log-file=${logFile}`,
      '--v=0',
    ],
  });
  await context.route('**/*', (route) => (recorder.request(route.request().url()) ? route.continue() : route.abort()));
  context.on('request', (request) => void recorder.request(request.url()));
  context.on('weberror', (error) => recorder.error('page', `${error.error().message}\n${error.error().stack ?? ''}`));

  const watchPage = (page: Page) => {
    const isExtensionPage = () => page.url().startsWith(extensionOrigin);
    page.on('pageerror', (error) => recorder.error(isExtensionPage() ? 'extension' : 'page', `${error.message}\n${error.stack ?? ''}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      const fromExtension = isExtensionPage() || where.startsWith(extensionOrigin);
      recorder.error(fromExtension ? 'extension' : 'page', `${message.text()} (${where})`);
    });
  };
  context.on('page', watchPage);
  context.pages().forEach(watchPage);

  const worker = extensionDir ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))) : null;
  // Node's URL gives `null` as the origin of a chrome-extension: URL, hence the pattern.
  if (worker) extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())?.[0] ?? 'chrome-extension://';
  const watchWorker = (w: NonNullable<typeof worker>) => {
    w.on('console', (message) => {
      if (message.type() === 'error') recorder.error('extension', `background: ${message.text()}`);
    });
  };
  if (worker) watchWorker(worker);
  context.on('serviceworker', watchWorker);

  const stopTailing = tailLog(logFile, (line) => {
    if (line.includes(`source: ${extensionOrigin}/background.js`) && /CONSOLE.*(Uncaught|Error)/.test(line)) {
      recorder.error('extension', `background: ${line}`);
    }
  });

  const newPage = async () => wrapPlaywrightPage(await context.newPage());
  return {
    extensionOrigin,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    waitForTab: (prefix, timeout) => untilFound(() => context.pages().find((page) => page.url().startsWith(prefix)), timeout).then(wrapPlaywrightPage),
    async close() {
      await context.close();
      stopTailing();
    },
  };
}

/**
 * Closes the first-run tab that Hashiya opens when it is installed in a new profile (welcome.html),
 * once it is there (it is waited for, up to `timeout` ms): for the benchmarks, which launch their
 * own Chromium and measure with the browser's own tab alone.
 */
export async function closeWelcomeTab(context: BrowserContext, timeout = 15_000): Promise<void> {
  const page = await untilFound(() => context.pages().find((p) => /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/.test(p.url())), timeout);
  // Closed once loaded: closed while it loads, the next page of Hashiya may get no messages.
  await page.waitForFunction(() => document.readyState === 'complete' && document.querySelector('h1') !== null, undefined, { timeout });
  await page.close();
}

/** Calls `onLine` for every line appended to `file` (checked every 100 ms); returns the stopper. */
function tailLog(file: string, onLine: (line: string) => void): () => void {
  let offset = 0;
  let partial = '';
  const read = () => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size <= offset) return;
    const fd = openSync(file, 'r');
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    closeSync(fd);
    offset = size;
    const lines = (partial + buffer.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  const timer = setInterval(read, 100);
  return () => {
    read();
    clearInterval(timer);
  };
}
