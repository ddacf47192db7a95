import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// One table of minimum browser versions (build.mjs's BROWSER_TARGETS) feeds esbuild's targets and
// the manifests; the README states it to readers. They must not drift apart.

const root = join(import.meta.dirname, '../..');
type Targets = { chrome: number; firefox: number; firefoxAndroid: number };
const { BROWSER_TARGETS } = (await import(pathToFileURL(join(root, 'build.mjs')).href)) as { BROWSER_TARGETS: Targets };
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

describe('the minimum browser versions', () => {
  it('are stated in the README as in the table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`Minimum versions: \\*\\*Chrome ${BROWSER_TARGETS.chrome}\\*\\*`));
    expect(readme).toMatch(new RegExp(`\\*\\*Firefox ${BROWSER_TARGETS.firefox}\\*\\*`));
    expect(readme).toMatch(new RegExp(`Firefox for Android: ${BROWSER_TARGETS.firefoxAndroid}\\b`));
  });

  it('are the ones the built manifests carry', () => {
    expect(readJson('dist/chrome/manifest.json').minimum_chrome_version).toBe(String(BROWSER_TARGETS.chrome));
    expect(readJson('dist/firefox/manifest.json').browser_specific_settings).toMatchObject({
      gecko: { strict_min_version: `${BROWSER_TARGETS.firefox}.0` },
      gecko_android: { strict_min_version: `${BROWSER_TARGETS.firefoxAndroid}.0` },
    });
  });

  it('are stated nowhere else the build reads', () => {
    const overrides = readFileSync(join(root, 'manifest.overrides.json'), 'utf8');
    expect(overrides).not.toMatch(/minimum_chrome_version|strict_min_version/);
  });
});
