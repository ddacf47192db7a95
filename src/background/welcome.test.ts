import { describe, expect, it } from 'vitest';
import { WELCOME_PAGE } from '../ui/pages';
import { WELCOMED_KEY, welcomeOnInstall, type WelcomeDeps } from './welcome';

/** A browser whose storage.local holds `stored`; `opened` collects the tabs opened. */
function fakeBrowser(stored: Record<string, unknown> = {}) {
  const opened: string[] = [];
  const deps: WelcomeDeps = {
    local: {
      get: (key) => Promise.resolve(key in stored ? { [key]: stored[key] } : {}),
      set: (items) => Promise.resolve(void Object.assign(stored, items)),
    },
    openTab: (url) => Promise.resolve(void opened.push(url)),
    urlOf: (path) => `chrome-extension://id/${path}`,
  };
  return { deps, opened, stored };
}

describe('welcomeOnInstall', () => {
  it('opens the welcome page on a first install, and remembers it', async () => {
    const { deps, opened, stored } = fakeBrowser();
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(true);
    expect(opened).toEqual([`chrome-extension://id/${WELCOME_PAGE}`]);
    expect(stored).toEqual({ [WELCOMED_KEY]: true });
  });

  it('opens nothing on an update of Hashiya or of the browser', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      const { deps, opened } = fakeBrowser();
      expect(await welcomeOnInstall({ reason }, deps)).toBe(false);
      expect(opened).toEqual([]);
    }
  });

  it('opens it once: an install told again (a folder loaded at each start of the browser) opens nothing', async () => {
    const { deps, opened } = fakeBrowser();
    await welcomeOnInstall({ reason: 'install' }, deps);
    expect(await welcomeOnInstall({ reason: 'install' }, deps)).toBe(false);
    expect(opened).toHaveLength(1);
  });
});
