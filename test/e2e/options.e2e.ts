import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { clearStoredSettings, setStoredSettings } from './harness/extension';
import { highlightNames, readHighlights, waitForMarks } from './harness/highlights';
import { forEachBrowser } from './harness/suite';
import { chooseFile, inExtension } from './controls-helpers';
import type { TestPage } from './harness/browsers';

// The options page: changes reach an open tab without reload; bad stored values and bad pack
// files are refused with a message and lose nothing.

/** Picks `value` in the <select> `#id` as a reader would (a change event). */
function choose(page: TestPage, id: string, value: string): Promise<void> {
  return page.evaluate(([i, v]) => {
    const select = document.getElementById(i!) as HTMLSelectElement;
    select.value = v!;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [id, value]);
}


const packFile = (name: string) => readFileSync(`test/fixtures/packs/${name}.json`, 'utf8');

forEachBrowser('options page', (browser) => {
  afterEach(async () => clearStoredSettings(browser()));

  it('changes apply to an open tab at once: a category off removes its marks, a style renames the highlight', async () => {
    const page = await browser().open('/fixtures/plain.html');
    await waitForMarks(page, 3);
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('style-person') !== null);
    await choose(options, 'style-person', 'wavy');
    const wavy = (await highlightNames(browser(), page))['wavy-teal']!;
    await page.waitFor((name) => CSS.highlights.has(name), wavy);
    await options.evaluate(() => document.getElementById('category-person')!.click());
    await page.waitFor((name) => !CSS.highlights.has(name) || CSS.highlights.get(name)!.size === 0, wavy);
    expect((await readHighlights(page)).some((m) => m.text === 'Moscow')).toBe(true);
    expect(await options.evaluate(() => document.getElementById('status')!.textContent)).not.toBe('');
    await options.close();
    await page.close();
  });

  it('shows each category as pages will draw it, on a light page and a dark one, as its style changes', async () => {
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.querySelectorAll('[data-sample="person"]').length === 2);
    /** The highlight keys that draw category `c`'s samples, and the rule of each. */
    const drawn = (c: string) =>
      options.evaluate((category) => {
        const samples = [...document.querySelectorAll(`[data-sample="${category}"]`)];
        const keys: string[] = [];
        CSS.highlights.forEach((highlight, key) => {
          const covered = samples.filter((el) => [...highlight].some((r) => r.startContainer === el && r.endOffset === el.childNodes.length));
          if (covered.length > 0) keys.push(`${key}×${covered.length}`);
        });
        const rules = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
        const backgrounds = samples.map((el) => getComputedStyle(el.parentElement!).backgroundColor);
        return { keys, rules: keys.map((k) => rules.find((r) => r.includes(`::highlight(${k.split('×')[0]!})`)) ?? ''), backgrounds };
      }, c);
    const before = await drawn('person');
    const placeBefore = await drawn('place');
    expect(placeBefore.keys).toHaveLength(1);
    expect(before.keys).toEqual(['dotted-teal×2']); // the default: both samples, one highlight
    expect(before.backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(22, 32, 38)']);
    await choose(options, 'style-person', 'wavy');
    await options.waitFor(() => CSS.highlights.has('wavy-teal')); // redrawn at once, as the reader watches
    await choose(options, 'colour-person', 'magenta');
    await expect.poll(async () => (await drawn('person')).keys).toEqual(['wavy-magenta×2']);
    const after = await drawn('person');
    expect(after.rules[0]).toMatch(/wavy/);
    expect(after.rules[0]).toMatch(/rgb\(201, 71, 155\)|#c9479b/i);
    expect((await drawn('place')).keys).toEqual(placeBefore.keys); // the other categories as they were
    // A category switched off: its samples are not marked.
    await options.evaluate(() => document.getElementById('category-person')!.click());
    await options.waitFor(() => !CSS.highlights.has('wavy-magenta'));
    expect((await drawn('person')).keys).toEqual([]);
    await options.close();
  });

  it('says which stored values were invalid and reset, and keeps the others', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'neon', hoverDelay: 800, categories: { place: 'no' } });
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('reset-notice') !== null);
    expect(await options.evaluate(() => document.getElementById('reset-notice')!.textContent)).toMatch(/theme.*categories\.place|categories\.place.*theme/s);
    expect(await options.evaluate(() => (document.getElementById('hoverDelay') as HTMLSelectElement).value)).toBe('800');
    await options.close();
  });

  it('drops only the invalid entries of the stored site list, names them, and keeps the hosts the browser accepts', async () => {
    await setStoredSettings(browser(), { version: 2, disabledSites: ['a.example', '[::1]', 'bad host', 'my_host.lan'] });
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('dropped-notice') !== null);
    expect(await options.evaluate(() => document.getElementById('dropped-notice')!.textContent)).toMatch(/disabledSites.*bad host/s);
    expect(await options.evaluate(() => [...document.querySelectorAll('.sites li bdi')].map((b) => b.textContent))).toEqual(['a.example', '[::1]', 'my_host.lan']);
    expect(await options.evaluate(() => document.getElementById('reset-notice') !== null)).toBe(false);
    await options.close();
  });

  it('imports a good pack after showing it; refuses broken ones with their errors, rendered as text, losing nothing', async () => {
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('pack-file') !== null);
    await chooseFile(options, 'pack-file', packFile('minimal-valid'));
    await options.waitFor(() => document.getElementById('pack-preview') !== null);
    expect(await options.evaluate(() => document.getElementById('pack-preview')!.textContent)).toMatch(/Test pack/);
    await options.evaluate(() => document.getElementById('pack-accept')!.click());
    await options.waitFor(() => document.querySelector('[data-pack="fixture-minimal"]') !== null);
    const big = JSON.stringify({ pad: 'x'.repeat(10 * 1024 * 1024) });
    let previous = '';
    for (const bad of [packFile('not-json'), packFile('wrong-schema'), packFile('future-version'), packFile('duplicate-ids'), packFile('markup'), big]) {
      await chooseFile(options, 'pack-file', bad);
      // Each file is refused for its own reasons: wait for the new list.
      await options.waitFor((prev) => (document.querySelectorAll('#pack-errors li').length > 0 ? document.getElementById('pack-errors')!.textContent !== prev : false), previous);
      previous = await options.evaluate(() => document.getElementById('pack-errors')!.textContent ?? '');
    }
    expect(await options.evaluate(() => document.querySelectorAll('script:not([src]), img').length)).toBe(0);
    expect(await options.evaluate(() => document.querySelector('[data-pack="fixture-minimal"]') !== null)).toBe(true);
    await options.close();
  });

  it('asks before replacing an installed pack, refuses the built-in pack id, takes a built-in entity id as its own, and clears the preview when a file is refused', async () => {
    // Start with no imported pack (an earlier test may have left one).
    await inExtension(browser(), () => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local.clear(), null);
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('pack-file') !== null);
    await chooseFile(options, 'pack-file', packFile('minimal-valid'));
    await options.waitFor(() => document.getElementById('pack-accept') !== null);
    expect(await options.evaluate(() => document.getElementById('pack-replace') !== null)).toBe(false);
    await options.evaluate(() => document.getElementById('pack-accept')!.click());
    await options.waitFor(() => document.querySelector('[data-pack="fixture-minimal"]') !== null && document.getElementById('pack-accept') === null);
    // The same id again: a replacement, asked for.
    await chooseFile(options, 'pack-file', packFile('minimal-valid'));
    await options.waitFor(() => document.getElementById('pack-replace') !== null);
    // A deeply nested file: refused with a message, and the preview above can no longer be accepted.
    await chooseFile(options, 'pack-file', `{"format":"hashiya-pack","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    await options.waitFor(() => /nested deeper/.test(document.getElementById('pack-errors')?.textContent ?? ''));
    expect(await options.evaluate(() => document.getElementById('pack-accept') === null)).toBe(true);
    // A pack with a built-in entity id: its own at run time (other-pack/vladimir-putin), offered; one
    // with the built-in pack id: refused.
    const sameIds = packFile('minimal-valid').replace('"fixture-minimal"', '"other-pack"').replaceAll('"fixture-putin"', '"vladimir-putin"');
    await chooseFile(options, 'pack-file', sameIds);
    await options.waitFor(() => document.getElementById('pack-accept') !== null && document.getElementById('pack-errors') === null);
    await chooseFile(options, 'pack-file', packFile('minimal-valid').replace('"fixture-minimal"', '"sharaa-moscow-2025"'));
    await options.waitFor(() => /built into Hashiya/.test(document.getElementById('pack-errors')?.textContent ?? ''));
    expect(await options.evaluate(() => [...document.querySelectorAll('.packs [data-pack]')].map((li) => li.getAttribute('data-pack')))).toEqual([
      'sharaa-moscow-2025',
      'fixture-minimal',
    ]);
    await options.close();
  });

  it('refuses a bad settings file and changes nothing', async () => {
    await setStoredSettings(browser(), { version: 2, theme: 'dark' });
    const options = await browser().openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('import-file') !== null);
    await chooseFile(options, 'import-file', '{"format":"hashiya-backup","settings":{"theme":"neon"},"packs":[]}');
    await options.waitFor(() => /theme/.test(document.getElementById('status')!.textContent ?? ''));
    expect(await options.evaluate(() => (document.getElementById('theme') as HTMLSelectElement).value)).toBe('dark');
    await options.close();
  });
});
