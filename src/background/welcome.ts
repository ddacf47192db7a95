import { WELCOME_PAGE } from '../ui/pages';

// The first-run page (welcome.html): opened once, when Hashiya is installed; never when it is
// updated, when the browser updates, or when the background starts again. The reader opens it
// again from the popup and the options.
//
// `install` alone is not enough for "once": an extension loaded from a folder (Chromium's
// --load-extension, Firefox's temporary add-ons) is installed again at every start of the browser,
// its storage kept. So storage.local also remembers that the page was opened; removing Hashiya
// removes that with the rest, and a new install shows the page again.

/** The storage.local key that says the first-run page was opened. */
export const WELCOMED_KEY = 'welcomed';

/** What `runtime.onInstalled` tells (its `reason`: install, update, chrome_update, shared_module_update…). */
export interface InstalledDetails {
  readonly reason: string;
}

/** The part of the browser the welcome needs (a test double in tests). */
export interface WelcomeDeps {
  readonly local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  openTab(url: string): Promise<unknown>;
  urlOf(path: string): string;
}

/** Opens the welcome page in a new tab on a first install; answers whether it did. */
export async function welcomeOnInstall(details: InstalledDetails, deps: WelcomeDeps): Promise<boolean> {
  if (details.reason !== 'install') return false;
  if ((await deps.local.get(WELCOMED_KEY))[WELCOMED_KEY] === true) return false;
  // Remembered first: should the tab fail to open, the page is not forced on the reader at the next start.
  await deps.local.set({ [WELCOMED_KEY]: true });
  await deps.openTab(deps.urlOf(WELCOME_PAGE));
  return true;
}
