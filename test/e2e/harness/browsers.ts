import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server';
import { launchChromium } from './chromium';
import { launchFirefox, seedFirefoxProfile } from './firefox';
import { WELCOME_PAGE } from '../../../src/ui/pages';
import { DIST, type BrowserAdapter, type BrowserName, type BrowserOptions, type Diagnostics, type TestBrowser } from './common';

export * from './common';

// One harness for both real browsers: a test file calls `forEachBrowser` and gets the same
// TestBrowser/TestPage API whether Chromium (playwright-core) or Firefox (puppeteer-core) is behind
// it. Every request that is not for 127.0.0.1 is aborted and recorded; every error that comes from
// the extension (its background, its pages, its content script) is recorded and fails the test.

/**
 * Whether the first-run page will open: in a new profile. (Both browsers install the extension
 * again at every launch, Chromium's --load-extension and Firefox's temporary add-on alike, but in a
 * profile used before Hashiya's storage remembers the page was shown: src/background/welcome.ts.)
 */
async function isNewProfile(profileDir: string): Promise<boolean> {
  return (await readdir(profileDir)).length === 0;
}

/** Waits for the first-run tab Hashiya opens on install, and closes it. */
async function closeWelcomeTab(adapter: BrowserAdapter): Promise<void> {
  const tab = await adapter.waitForTab(`${adapter.extensionOrigin}/${WELCOME_PAGE}`, 15_000);
  await tab.waitFor(() => document.readyState === 'complete' && document.querySelector('h1') !== null, undefined, 15_000);
  await tab.close();
}

/** Launches `name` headless with the built extension loaded and a fresh test server. */
export async function launchBrowser(name: BrowserName, options: BrowserOptions = {}): Promise<TestBrowser> {
  const server = await startServer();
  const diagnostics: Diagnostics = { extensionErrors: [], blockedRequests: [], pageErrors: [] };
  const temporary = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), `hashiya-${name}-`)));
  let adapter: BrowserAdapter;
  try {
    const launch = name === 'chromium' ? launchChromium : launchFirefox;
    const extensionDir = options.withExtension === false ? null : (options.extensionDir ?? DIST[name]);
    const welcomes = extensionDir !== null && existsSync(join(extensionDir, WELCOME_PAGE)) && (await isNewProfile(profileDir));
    if (name === 'firefox' && temporary) await seedFirefoxProfile(profileDir);
    adapter = await launch({ profileDir, extensionDir, locale: options.locale ?? 'en', diagnostics, firefoxPrefs: options.firefoxPrefs, reducedMotion: options.reducedMotion, backForwardCache: options.backForwardCache });
    if (welcomes && !options.keepWelcomeTab) await closeWelcomeTab(adapter);
  } catch (error) {
    await server.close();
    throw error;
  }
  const url = (path: string) => (/^[a-z-]+:/.test(path) ? path : server.origin + path);
  return {
    name,
    server,
    extensionErrors: diagnostics.extensionErrors,
    blockedRequests: diagnostics.blockedRequests,
    pageErrors: diagnostics.pageErrors,
    extensionOrigin: adapter.extensionOrigin,
    url,
    newPage: () => adapter.newPage(),
    openExtensionPage: (path) => adapter.openExtensionPage(path),
    waitForTab: (prefix, timeout) => adapter.waitForTab(prefix, timeout),
    async open(pathOrUrl) {
      const page = await adapter.newPage();
      await page.goto(url(pathOrUrl));
      return page;
    },
    async close() {
      await adapter.close().catch(() => undefined);
      await server.close();
      if (temporary) await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
