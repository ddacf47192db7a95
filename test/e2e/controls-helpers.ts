import type { TestBrowser, TestPage } from './harness/browsers';

// Small helpers of the controls tests: they run in one of Hashiya's own pages, where `browser`
// (or `chrome`) is the WebExtension API.

type Api = typeof chrome;

/** Runs `fn` with the extension API in a short-lived extension page of `browser`. */
export async function inExtension<R, A>(browser: TestBrowser, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    return await probe.evaluate(fn, arg);
  } finally {
    await probe.close();
  }
}

/** The id of the tab showing `path`. */
export function tabIdOf(browser: TestBrowser, path: string): Promise<number> {
  return inExtension(
    browser,
    async (url) => {
      const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
      return tab.id;
    },
    browser.url(path),
  );
}

/** The badge text of tab `tabId`. */
export function badgeOf(browser: TestBrowser, tabId: number): Promise<string> {
  return inExtension(
    browser,
    (id) => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/** Waits until the badge of `tabId` reads `text`. */
export async function waitForBadge(browser: TestBrowser, tabId: number, text: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await badgeOf(browser, tabId);
    if (last === text) return;
    await new Promise((ok) => setTimeout(ok, 150));
  }
  throw new Error(`badge of tab ${tabId} reads "${last}", not "${text}"`);
}


/** Waits until `page` has exactly `n` marks (0: none left). */
export function waitForMarkCount(page: TestPage, n: number): Promise<void> {
  return page.waitFor(
    (want) => {
      let count = 0;
      CSS.highlights.forEach((h) => {
        if (h.priority === 0) count += h.size;
      });
      return count === want;
    },
    n,
  );
}

/** Clicks the element matching `selector` in `page`. */
export function click(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error(`nothing matches ${s}`);
    el.click();
  }, selector);
}

/** storage.sync (the settings) and the packs in storage.local, as one of Hashiya's pages reads them. */
export function stored(browser: TestBrowser): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return inExtension(
    browser,
    async () => {
      const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
      // storage.local also holds match data the background derives from these, on its own time:
      // only the packs are read (one key each, `pack:<id>`, or all under `packs` as before).
      const local = Object.entries(await api.storage.local.get(null)).filter(([key]) => key === 'packs' || key.startsWith('pack:'));
      return { sync: await api.storage.sync.get(null), local: Object.fromEntries(local) };
    },
    null,
  );
}

/** Hands `text` to the file input `#id` as a file the reader chose. */
export function chooseFile(page: TestPage, id: string, text: string): Promise<void> {
  return page.evaluate(([i, t]) => {
    const input = document.getElementById(i!) as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([t!], 'file.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, [id, text]);
}
