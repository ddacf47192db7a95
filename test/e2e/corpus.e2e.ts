import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './harness/browsers';
import { readHighlights } from './harness/highlights';
import { CORPUS_DIR } from './harness/server';
import { settleMarks } from './harness/settle';
import { selectedBrowsers } from './harness/suite';

// Every real page of the corpus, loaded once without Hashiya and once with it (served with
// `script-src 'none'`, so the pages' own scripts cannot change the DOM between the two loads):
// the serialised body must be identical, Hashiya must add no request beyond 127.0.0.1 and no
// error, and the story's names must be marked where the page shows them — never in scripts.

const PAGES = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort();

/** Names each page must show marked (as the page spells them), and names it must not. */
const EXPECTED: Record<string, { marked?: string[]; unmarked?: string[] }> = {
  'cnn-arabic-syria.html': { marked: ['الأسد', 'دمشق', 'سوريا'] },
  'cnn-main.html': { marked: ['Putin'] },
  'yahoo-2.html': { marked: ['Moscow'] },
  'tpm-syria.html': { marked: ['Syria'] },
  // Assad appears on this page only inside a script (JSON-LD): nothing may be marked there.
  'schema-org-context-object.html': { unmarked: ['Assad'] },
};

for (const name of selectedBrowsers()) {
  describe(`corpus pages [${name}]`, () => {
    let plain: TestBrowser;
    let hashiya: TestBrowser;
    beforeAll(async () => {
      [plain, hashiya] = await Promise.all([launchBrowser(name, { withExtension: false }), launchBrowser(name)]);
    });
    afterAll(async () => {
      await Promise.all([plain?.close(), hashiya?.close()]);
    });

    for (const file of PAGES) {
      it(`${file}: page unchanged, no request, no error, names marked`, async () => {
        const path = `/corpus/${file}`;
        const state = async () => {
          await document.fonts.ready;
          return {
            body: document.body.outerHTML,
            focus: document.activeElement?.tagName ?? null,
            selection: String(getSelection()?.rangeCount ?? 0) + ':' + String(getSelection()),
            layout: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, scrollX, scrollY].join(','),
          };
        };
        // Both loads are read at the same point: fonts loaded and, as settleMarks waits for the
        // marks, a second of quiet. Read at once, a page still laying out (Firefox on a busy
        // machine) differed by a few pixels from itself, with or without Hashiya. The two browsers
        // load side by side, so that the page costs one wait, not two.
        const load = async (browser: TestBrowser) => {
          const page = await browser.open(path);
          try {
            await settleMarks(page);
            return { seen: await page.evaluate(state), marks: browser === hashiya ? await readHighlights(page) : [] };
          } finally {
            await page.close();
          }
        };
        const [{ seen: baseline }, { seen: after, marks }] = await Promise.all([load(plain), load(hashiya)]);
        // Taken before any assertion: a page that fails leaves nothing behind for the next one.
        const blockedWithout = new Set(plain.blockedRequests.splice(0));
        const requestsWith = hashiya.blockedRequests.splice(0);
        const errors = hashiya.extensionErrors.splice(0);

        expect(after.body === baseline.body, 'document.body is serialised the same with and without Hashiya').toBe(true);
        expect({ ...after, body: '' }, 'focus, selection and layout are left alone').toEqual({ ...baseline, body: '' });
        // Which of a page's own resources load (lazy images, favicons) varies from load to load, so
        // a request counts against Hashiya only when the plain load did not make it and the
        // page's HTML does not name it either.
        const html = (await readFile(join(CORPUS_DIR, file), 'utf8')).replaceAll('&amp;', '&');
        const named = (url: string) => html.includes(url.replace(/^https?:/, '')) || /\/favicon[^/]*$/.test(new URL(url).pathname);
        const blockedWith = requestsWith.filter((url) => !blockedWithout.has(url) && !named(url));
        expect(blockedWith, 'requests only Hashiya made').toEqual([]);
        expect(errors).toEqual([]);
        const texts = marks.map((m) => m.text);
        for (const wanted of EXPECTED[file]?.marked ?? []) expect(texts.some((t) => t.includes(wanted)), `${wanted} is marked`).toBe(true);
        for (const unwanted of EXPECTED[file]?.unmarked ?? []) expect(texts.filter((t) => t.includes(unwanted))).toEqual([]);
      });
    }
  });
}
