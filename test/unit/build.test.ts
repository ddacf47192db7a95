import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// What `npm run build` must produce (npm test builds before the unit tests run): two loadable
// extensions whose manifests differ only where the browsers differ, with a content script small
// enough to inject into every page and frame, and the engine it loads where there is text.

const root = join(import.meta.dirname, '../..');
const { CONTENT_SCRIPT_BUDGET, ENGINE_BUDGET, CARD_BUDGET } = (await import(pathToFileURL(join(root, 'build.mjs')).href)) as {
  CONTENT_SCRIPT_BUDGET: number;
  ENGINE_BUDGET: number;
  CARD_BUDGET: number;
};
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown> & {
  background: Record<string, unknown>;
  content_scripts: Record<string, unknown>[];
};

describe('the build', () => {
  const base = read('manifest.json');
  const chrome = read('dist/chrome/manifest.json');
  const firefox = read('dist/firefox/manifest.json');

  it('gives Chrome a service worker and an honest minimum version', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.minimum_chrome_version).toBe('114'); // popover
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    // Its service worker copies in an offscreen document (src/background/clipboard.ts), built for it alone.
    expect(chrome.permissions).toEqual([...(base.permissions as string[]), 'offscreen']);
    expect(existsSync(join(root, 'dist/chrome/offscreen.html'))).toBe(true);
    expect(existsSync(join(root, 'dist/firefox/offscreen.html'))).toBe(false);
  });

  it('gives Firefox an event page, a gecko id and an honest minimum version', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: expect.stringMatching(/@/) as unknown, strict_min_version: '140.0' } });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.permissions).toEqual(base.permissions);
  });

  it('derives both from manifest.json: everything else is the same', () => {
    for (const manifest of [chrome, firefox]) {
      for (const key of ['manifest_version', 'name', 'default_locale', 'host_permissions', 'action', 'commands', 'options_ui']) {
        expect(manifest[key]).toEqual(base[key]);
      }
      expect(manifest.permissions).toEqual(expect.arrayContaining(base.permissions as string[]));
      expect(manifest.version).toBe(read('package.json').version);
      expect(manifest.content_scripts[0]).toMatchObject(base.content_scripts[0]!);
    }
  });

  it('runs the engine in Firefox top frames before DOMContentLoaded; elsewhere the loader has it injected only where there is text', () => {
    // Firefox's scripting.executeScript reached a top frame 77-192 ms after the ask while the page
    // loaded; its manifest scripts are compiled once for the browser session.
    const [loader, ...rest] = firefox.content_scripts;
    expect(loader).toMatchObject({ js: ['content.js'], run_at: 'document_start', all_frames: true });
    expect(rest).toEqual([{ matches: base.content_scripts[0]!.matches, js: ['engine.js'], run_at: 'document_end' }]);
    // Not in Chromium, which keeps no code cache for content scripts: there every top frame would
    // compile it, one with no text or with Hashiya off included.
    expect(chrome.content_scripts.map((script) => script.js)).toEqual([['content.js']]);
  });

  it('takes the name and description from _locales, in English and Arabic', () => {
    expect(chrome.name).toBe('__MSG_extName__');
    for (const lang of ['en', 'ar']) {
      const messages = JSON.parse(readFileSync(join(root, 'dist/chrome/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBeTruthy();
      expect(messages.extDescription?.message).toBeTruthy();
    }
  });

  it('keeps the content script (the loader) within 14 KB, and the engine it loads within 112 KB (the background sends it its tables)', () => {
    for (const browser of ['chrome', 'firefox']) {
      expect(statSync(join(root, 'dist', browser, 'content.js')).size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
      expect(statSync(join(root, 'dist', browser, 'engine.js')).size).toBeLessThanOrEqual(ENGINE_BUDGET);
    }
    expect([CONTENT_SCRIPT_BUDGET, ENGINE_BUDGET]).toEqual([14 * 1024, 112 * 1024]);
  });

  it('keeps the card, with the map of the whole world, within 92 KB', () => {
    for (const browser of ['chrome', 'firefox']) expect(statSync(join(root, 'dist', browser, 'card.js')).size).toBeLessThanOrEqual(CARD_BUDGET);
    expect(CARD_BUDGET).toBe(92 * 1024);
  });

  it('ships the files every manifest entry names', () => {
    for (const browser of ['chrome', 'firefox']) {
      const dir = join(root, 'dist', browser);
      const named = ['background.js', 'content.js', 'engine.js', 'card.js', 'popup.html', 'popup.js', 'options.html', 'options.js', 'icons/hashiya-16.png', 'icons/hashiya-off-16.png', 'icons/hashiya-128.png'];
      for (const file of named) expect(statSync(join(dir, file)).size, `${browser}/${file}`).toBeGreaterThan(0);
    }
  });
});
