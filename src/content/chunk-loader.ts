// Loading the card's chunk (card.js, imported for the first card, in a page and in the reader
// page): a web-accessible ES module at runtime.getURL's address, which in Chromium is the dynamic
// one (use_dynamic_url).

/**
 * A loader of a chunk whose module exports the function `entry`, that can recover from a failed
 * import(). A load tries twice (Firefox once failed it under heavy load, "error loading
 * dynamically imported module"); when both fail, the next load goes on counting.
 *
 * Workaround: Firefox 153 ESR keeps a failed module fetch in the document's module map, so a
 * second import() of the same address fails again without fetching
 * (https://github.com/whatwg/html/issues/6768; Chromium refetches, as HTML specifies since
 * https://github.com/whatwg/html/pull/10327, tested by web-platform-tests/wpt#55505). So every
 * attempt after the first asks for a new address, `card.js?attempt=N`, which the extension serves
 * as the same file.
 * Remove when: the minimum Firefox passes wpt html/semantics/scripting-1/the-script-element/module
 * dynamic-import "not cached for HTTP error" tests (keep the retry, drop the `attempt` address).
 */
export function chunkLoader<T extends object>(entry: keyof T & string, importChunk: (url: string) => Promise<unknown> = (url) => import(url)): (url: string) => Promise<T> {
  let attempts = 0;
  const attempt = async (url: string) => {
    const n = attempts++;
    const address = new URL(url);
    if (n > 0) address.searchParams.set('attempt', String(n));
    const chunk = (await importChunk(address.href)) as Record<string, unknown> | null;
    if (typeof chunk?.[entry] !== 'function') throw new Error(`${address.href} is not the chunk that exports ${entry}`);
    return chunk as T;
  };
  return async (url) => {
    try {
      return await attempt(url);
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
      return attempt(url);
    }
  };
}
