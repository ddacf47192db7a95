import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchBrowser, type TestBrowser } from './harness/browsers';
import { selectedBrowsers } from './harness/suite';

// The harness must notice an extension that fails: a copy of the build whose background, content
// script and popup each throw is loaded, and every one of those errors has to be recorded.

const PROBE = 'hashiya-harness-probe';

for (const name of selectedBrowsers()) {
  describe(`harness catches extension errors [${name}]`, () => {
    let browser: TestBrowser;
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hashiya-broken-'));
      await cp(DIST[name], dir, { recursive: true });
      for (const where of ['background', 'content', 'popup']) {
        const file = `${where}.js`;
        const code = await readFile(join(dir, file), 'utf8');
        await writeFile(join(dir, file), `${code}\nsetTimeout(() => { throw new Error('${PROBE}-${where}'); }, 50);\n`);
      }
      browser = await launchBrowser(name, { extensionDir: dir });
    });
    afterAll(async () => {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('records errors thrown by the content script, the popup and the background', async () => {
      const page = await browser.open('/fixtures/plain.html');
      const popup = await browser.openExtensionPage('popup.html');
      const seen = () => ['background', 'content', 'popup'].filter((where) => browser.extensionErrors.some((e) => e.includes(`${PROBE}-${where}`)));
      const deadline = Date.now() + 5000;
      while (seen().length < 3 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 100));
      expect(seen()).toEqual(['background', 'content', 'popup']);
      expect(browser.pageErrors.filter((e) => e.includes(PROBE))).toEqual([]);
      await popup.close();
      await page.close();
    });
  });
}
