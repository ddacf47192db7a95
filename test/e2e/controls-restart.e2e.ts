import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserName, type TestBrowser } from './harness/browsers';
import { readHighlights, waitForMarks } from './harness/highlights';
import { selectedBrowsers } from './harness/suite';
import { inExtension, stored } from './controls-helpers';

// Settings survive a browser restart: the same profile, the browser closed and started again.
// Firefox installs the temporary add-on again on each launch; with the same gecko id (and the
// harness's fixed UUID) it finds its storage.sync and storage.local where it left them.

type Api = typeof chrome;
const SETTINGS = { version: 2, categories: { person: false }, theme: 'dark', disabledSites: ['*.example.com'] };


async function withBrowser<R>(name: BrowserName, profileDir: string, body: (browser: TestBrowser) => Promise<R>): Promise<R> {
  const browser = await launchBrowser(name, { profileDir });
  try {
    const result = await body(browser);
    expect(browser.extensionErrors, 'errors from the extension').toEqual([]);
    return result;
  } finally {
    await browser.close();
  }
}

for (const name of selectedBrowsers()) {
  describe(`settings across a browser restart [${name}]`, () => {
    it('the settings and the imported packs are there after the browser is closed and started again, and apply to a page', async () => {
      const profileDir = await mkdtemp(join(tmpdir(), `hashiya-restart-${name}-`));
      try {
        const packText = readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8');
        const before = await withBrowser(name, profileDir, async (browser) => {
          await inExtension(
            browser,
            async ([settings, text]) => {
              const api = (globalThis as unknown as { browser?: Api }).browser ?? chrome;
              await api.storage.sync.set(settings);
              await api.storage.local.set({ packs: { 'fixture-minimal': { id: 'fixture-minimal', title: { ar: 'ح', en: 'Test pack' }, entities: 2, bytes: text.length, text } } });
            },
            [SETTINGS, packText] as const,
          );
          return stored(browser);
        });
        expect(before.sync).toEqual(SETTINGS);
        await withBrowser(name, profileDir, async (browser) => {
          expect(await stored(browser)).toEqual(before);
          const page = await browser.open('/fixtures/plain.html');
          await waitForMarks(page, 1);
          const marked = (await readHighlights(page)).map((m) => m.text);
          expect(marked).toContain('Moscow');
          expect(marked).not.toContain('Vladimir Putin'); // people stay switched off
          await page.close();
        });
      } finally {
        await rm(profileDir, { recursive: true, force: true });
      }
    });
  });
}
