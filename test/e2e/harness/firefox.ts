import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PROJECT_ROOT } from './server';
import { CLOSED_SHADOW_ROOTS, EXECUTABLES, makeRecorder, untilFound, type BrowserAdapter, type LaunchOptions, type TestPage } from './common';

// Debian's Firefox ESR through puppeteer-core (WebDriver BiDi). The extension is installed as a
// temporary add-on; its internal UUID is fixed by a preference so that its pages have a known
// moz-extension:// URL, and --remote-allow-system-access lets the driver navigate to them
// (Firefox 153+ refuses otherwise).
// Workaround: in Firefox 153 ESR a navigation to a moz-extension:// page loads it, but the
// driver's promise never settles (https://github.com/puppeteer/puppeteer/issues/14314), so it is
// started without awaiting and the URL is polled instead.
// Remove when: that issue is closed and the Firefox ESR in Debian has the fix (goto() resolves).


export const FIREFOX_UUID = '6b1c3f1e-4a8e-4d55-9a57-3f0c6a1e2b7d';
const overrides = JSON.parse(readFileSync(join(PROJECT_ROOT, 'manifest.overrides.json'), 'utf8')) as {
  firefox: { browser_specific_settings: { gecko: { id: string } } };
};
export const GECKO_ID = overrides.firefox.browser_specific_settings.gecko.id;

function wrapPuppeteerPage(page: Page): TestPage {
  return {
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load' });
        return;
      }
      void page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const here = await page.evaluate(() => location.href + '|' + document.readyState).catch(() => '');
        if (here.startsWith(url) && here.endsWith('|complete')) return;
        if (Date.now() > deadline) throw new Error(`Firefox did not open ${url}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    waitFor: async (fn, arg, timeout = 10_000) => void (await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg)),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewport({ width, height }),
    mouse: {
      move: (x, y) => page.mouse.move(x, y),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      press: (key) => page.keyboard.press(key as never),
      type: (text) => page.keyboard.type(text),
      down: (key) => page.keyboard.down(key as never),
      up: (key) => page.keyboard.up(key as never),
    },
    touch: {
      tap: (x, y) => page.touchscreen.tap(x, y),
    },
    async revealClosedShadowRoots() {
      // WebDriver BiDi serialises shadow roots of every mode when asked (includeShadowTree: 'all');
      // puppeteer has no API for it, so its realm's session is used directly.
      const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
      const { result } = await realm.session.send('script.evaluate', {
        expression: '[...document.documentElement.children]',
        target: realm.target,
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0, maxObjectDepth: 1 },
      });
      const children = (result.result as { value?: { value?: { shadowRoot?: { sharedId: string; value?: { mode?: string } } | null } }[] }).value ?? [];
      const roots = children.flatMap((child) => (child.value?.shadowRoot?.value?.mode === 'closed' ? [{ sharedId: child.value.shadowRoot.sharedId }] : []));
      await realm.session.send('script.callFunction', {
        functionDeclaration: `(...roots) => { window[${JSON.stringify(CLOSED_SHADOW_ROOTS)}] = roots; }`,
        target: realm.target,
        awaitPromise: false,
        arguments: roots,
      });
    },
    close: () => page.close(),
  };
}

/** The part of puppeteer's BiDi realm that `revealClosedShadowRoots` uses. */
interface BidiRealm {
  readonly target: unknown;
  readonly session: { send(method: string, params: object): Promise<{ result: { result: unknown } }> };
}

/**
 * A profile Firefox has started in once, made once per Firefox build and kept in the temporary
 * folder: a new profile's first start takes Firefox about 3.5 s here, a copy of this one's half
 * that, and every test file starts Firefox afresh. Hashiya is not in it (it is installed at each
 * launch, as a temporary add-on, so its storage starts empty).
 */
async function firefoxTemplate(): Promise<string> {
  const { size, mtimeMs } = statSync(EXECUTABLES.firefox);
  const dir = join(tmpdir(), `hashiya-firefox-template-${size}-${Math.round(mtimeMs)}`);
  const ready = (d: string) => existsSync(join(d, '.ready'));
  if (ready(dir)) return dir;
  const fresh = await mkdtemp(join(tmpdir(), 'hashiya-firefox-template-new-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: EXECUTABLES.firefox, headless: true, userDataDir: fresh, args: ['--remote-allow-system-access'] });
  await browser.close();
  await writeFile(join(fresh, '.ready'), '');
  try {
    await rename(fresh, dir);
    return dir;
  } catch {
    // Made meanwhile by another run (or half made by one that stopped): this one serves too.
    if (!ready(dir)) return fresh;
    await rm(fresh, { recursive: true, force: true });
    return dir;
  }
}

/** Fills the empty `profileDir` with a copy of the started-once profile (firefoxTemplate). */
export async function seedFirefoxProfile(profileDir: string): Promise<void> {
  const template = await firefoxTemplate();
  const skip = new Set(['.ready', 'lock', '.parentlock']);
  await cp(template, profileDir, { recursive: true, verbatimSymlinks: true, filter: (source) => !skip.has(basename(source)) });
}

/** Starts Firefox ESR with dist/firefox installed. */
export async function launchFirefox({ profileDir, extensionDir, locale, diagnostics, firefoxPrefs, reducedMotion }: LaunchOptions): Promise<BrowserAdapter> {
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const recorder = makeRecorder(diagnostics, () => extensionOrigin);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': locale === 'ar' ? 'ar' : 'en-US',
      // Every request that is not for 127.0.0.1 goes to a proxy that does not exist.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disableIPv6': true,
      // Errors of the extension's background go to the browser console; copy it to stderr.
      'devtools.console.stdout.chrome': true,
      ...(reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
      ...firefoxPrefs,
    },
  });
  // The background page's errors reach only the browser console, which the preference above
  // copies to the process's output: read it there.
  browser.process()?.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.includes(extensionOrigin) && /error/i.test(line)) recorder.error('extension', `background: ${line}`);
    }
  });
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.includes(extensionOrigin) && /error/i.test(line)) recorder.error('extension', `background: ${line}`);
    }
  });
  if (extensionDir) await browser.installExtension(extensionDir);

  const watchPage = async (page: Page) => {
    const isExtensionPage = () => page.url().startsWith(extensionOrigin);
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      recorder.error(isExtensionPage() ? 'extension' : 'page', text);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url ?? '';
      recorder.error(isExtensionPage() || where.startsWith(extensionOrigin) ? 'extension' : 'page', `${message.text()} (${where})`);
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      // A request may be gone (the page navigated) before it is answered: that is no error.
      const settle = recorder.request(request.url()) ? request.continue() : request.abort();
      settle.catch(() => undefined);
    });
  };

  const newPage = async () => {
    const page = await browser.newPage();
    await watchPage(page);
    return wrapPuppeteerPage(page);
  };
  return {
    extensionOrigin,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    // A tab's address is asked of the page: puppeteer does not follow navigations to moz-extension:
    // pages (the workaround at the top of this file), so page.url() may still say about:blank.
    waitForTab: (prefix, timeout) =>
      untilFound(async () => {
        for (const page of await browser.pages()) {
          const href = await Promise.race([page.evaluate(() => location.href).catch(() => ''), new Promise<string>((ok) => setTimeout(() => ok(''), 1000))]);
          if (href.startsWith(prefix)) return page;
        }
        return undefined;
      }, timeout).then(wrapPuppeteerPage),
    close: () => browser.close(),
  };
}
