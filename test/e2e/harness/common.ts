import { join } from 'node:path';
import { PROJECT_ROOT, isLocal, type TestServer } from './server';

// What both browser adapters share: the names, the paths, the page API and the recorder of
// errors and requests.

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

/** Built extension folders, produced by `npm run build`. */
export const DIST = { chromium: join(PROJECT_ROOT, 'dist/chrome'), firefox: join(PROJECT_ROOT, 'dist/firefox') };
export const EXECUTABLES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves once `fn(arg)` is truthy in the page; rejects after `timeout` ms. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Makes this the active tab (a background tab gets no frames and no smooth scrolling). */
  bringToFront(): Promise<void>;
  /** The reader's own input, as the browser delivers it (trusted events, unlike a page script's). */
  readonly mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  readonly keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  /** A finger: a tap gives pointer events of pointerType "touch". */
  readonly touch: { tap(x: number, y: number): Promise<void> };
  /**
   * Puts the closed shadow roots of <html>'s children, which no page script can reach, into the
   * page's main world as `window[CLOSED_SHADOW_ROOTS]` (an array), through the driver's own access
   * (CDP in Chromium, WebDriver BiDi in Firefox), as devtools would: how tests read the card.
   */
  revealClosedShadowRoots(): Promise<void>;
  close(): Promise<void>;
}

/** Where `revealClosedShadowRoots` puts what it finds. */
export const CLOSED_SHADOW_ROOTS = '__testClosedShadowRoots';

export interface BrowserOptions {
  /** UI language: 'en' (default) or 'ar'. */
  readonly locale?: 'en' | 'ar';
  /** Keep the profile here (for restart tests); a fresh temporary one by default. */
  readonly profileDir?: string;
  /** Load this build instead of dist/<browser> (the harness's own tests load a broken copy). */
  readonly extensionDir?: string;
  /** false: the same browser without Hashiya (the baseline of "the page is never changed"). */
  readonly withExtension?: boolean;
  /** Extra Firefox preferences (ignored by Chromium). */
  readonly firefoxPrefs?: Readonly<Record<string, string | number | boolean>>;
  /** true: the browser reports `prefers-reduced-motion: reduce` to every page. */
  readonly reducedMotion?: boolean;
  /**
   * true: Chromium may put pages in the back/forward cache, as a reader's browser does (playwright
   * turns it off by default). Firefox keeps pages there anyway, except those served `no-store`, as
   * the test server serves every file unless asked otherwise (`?cache=`, server.ts).
   */
  readonly backForwardCache?: boolean;
  /**
   * true: leave open the first-run page that Hashiya opens when it is installed (welcome.html; the
   * test of that page looks at it). By default the harness waits for that tab and closes it, so
   * that every test starts with only the tabs it opens itself.
   */
  readonly keepWelcomeTab?: boolean;
}

/** What `launchBrowser` hands to a browser adapter. */
export interface LaunchOptions {
  readonly profileDir: string;
  /** null: launch without the extension. */
  readonly extensionDir: string | null;
  readonly locale: 'en' | 'ar';
  readonly diagnostics: Diagnostics;
  readonly firefoxPrefs?: Readonly<Record<string, string | number | boolean>>;
  readonly reducedMotion?: boolean;
  readonly backForwardCache?: boolean;
}

export interface Diagnostics {
  /** Errors that come from the extension: each one fails the test. */
  readonly extensionErrors: string[];
  /** Every request the browser tried to make beyond 127.0.0.1 (all aborted). */
  readonly blockedRequests: string[];
  /** Errors from the pages themselves (not the extension's): informational. */
  readonly pageErrors: string[];
}

/** What a launched browser adapter provides; the shared parts are added by `launchBrowser`. */
export interface BrowserAdapter {
  readonly extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens a page of the extension (`popup.html`, `options.html` …) in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The tab whose address starts with `prefix`, once there is one (opened by the extension, say). */
  waitForTab(prefix: string, timeout?: number): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestBrowser extends BrowserAdapter, Diagnostics {
  readonly name: BrowserName;
  readonly server: TestServer;
  /** Opens a new tab at a path of the test server (`/fixtures/x.html`) or a full URL. */
  open(pathOrUrl: string): Promise<TestPage>;
  /** The full URL of a path on the test server (a full URL is returned as it is). */
  url(path: string): string;
}

/** The sink both adapters report to. */
export interface Recorder {
  error(source: 'extension' | 'page', text: string): void;
  request(url: string): boolean;
}

export function makeRecorder(diagnostics: Diagnostics, extensionMarker: () => string): Recorder {
  return {
    error(source, text) {
      // A page's own error counts against the extension when it names the extension's code.
      const fromExtension = source === 'extension' || text.includes(extensionMarker());
      (fromExtension ? diagnostics.extensionErrors : diagnostics.pageErrors).push(text);
    },
    request(url) {
      if (isLocal(url)) return true;
      diagnostics.blockedRequests.push(url);
      return false;
    },
  };
}


/** What `find` gives, once it gives something (asked every 100 ms); rejects after `timeout` ms. */
export async function untilFound<T>(find: () => T | undefined | Promise<T | undefined>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not found within ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
