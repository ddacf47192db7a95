import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every browser workaround in the code says, in its comment, which browser and version it is for,
// where the bug is tracked, and when it can go:
//
//   Workaround: <browser> <version> … (https://bug link) …
//   Remove when: <condition>
//
// A condition written as `BROWSER_TARGETS.<browser> >= N` is checked here: once the minimum
// version in build.mjs reaches N, this test fails until the workaround is removed.

const root = join(import.meta.dirname, '../..');
type Targets = Record<string, number>;
const { BROWSER_TARGETS } = (await import(pathToFileURL(join(root, 'build.mjs')).href)) as { BROWSER_TARGETS: Targets };

const SOURCES = ['src', 'scripts', 'test/e2e/harness', 'build.mjs'];
const CODE = /\.(ts|tsx|mjs|js)$/;

function files(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => files(join(path, name)));
}

interface Workaround {
  readonly where: string;
  readonly text: string;
}

/** Each "Workaround:" comment with what follows it, up to its "Remove when:" line (or 12 lines). */
function workarounds(): Workaround[] {
  const found: Workaround[] = [];
  for (const file of SOURCES.flatMap(files).filter((f) => CODE.test(f) && !f.endsWith('workarounds.test.ts'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/^\s*(\/\/|\*|\/\*\*)\s*Workaround:/.test(line)) return;
      const end = lines.findIndex((l, j) => j >= i && /Remove when:/.test(l));
      const block = lines.slice(i, end >= i && end - i < 12 ? end + 1 : i + 12);
      found.push({ where: `${relative(root, file)}:${i + 1}`, text: block.map((l) => l.replace(/^\s*(\/\/|\/\*\*|\*\/?)\s?/, '')).join(' ') });
    });
  }
  return found;
}

const all = workarounds();

describe('browser workarounds', () => {
  it('are found (the scan reads the code)', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((w) => [w.where, w.text]))('%s names the browser, its version, the bug and when it goes', (_where, text) => {
    const [claim = '', removal = ''] = text.split('Remove when:');
    expect(claim).toMatch(/\b(Chrome|Chromium|Firefox)\b[^.]*?\b\d{2,3}\b/);
    expect(claim).toMatch(/https:\/\/\S+/);
    expect(removal.trim().length).toBeGreaterThan(10);
  });

  it.each(all.map((w) => [w.where, w.text]))('%s is still needed by the minimum versions', (_where, text) => {
    for (const [, browser = '', version = ''] of text.matchAll(/BROWSER_TARGETS\.(\w+) >= (\d+)/g)) {
      expect(BROWSER_TARGETS[browser], `BROWSER_TARGETS.${browser}`).toBeDefined();
      expect(BROWSER_TARGETS[browser], `the minimum ${browser} is now ${version} or later: remove this workaround`).toBeLessThan(Number(version));
    }
  });
});
