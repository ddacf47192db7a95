import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTED, ROOT, listing, readJson } from './store-texts';

// Every permission Hashiya asks for is justified, and nothing else is: the privacy policy
// (docs/PRIVACY.md) and the store listing's justifications (store/<locale>.json) name exactly the
// permissions and host permissions of both built manifests (npm test builds before the unit
// tests), and the policy names every file pages may load. Adding a permission, a host or a
// web-accessible file without saying why fails here.

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

const BROWSERS = ['chrome', 'firefox'] as const;
function built(browser: (typeof BROWSERS)[number]): Manifest {
  const path = `dist/${browser}/manifest.json`;
  if (!existsSync(join(ROOT, path))) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readJson(path) as Manifest;
}
const manifests = BROWSERS.map(built);

/** What each manifest asks for (permissions and host permissions, optional ones included), in both builds. */
const asked = [
  ...new Set(
    manifests.flatMap((m) => [...(m.permissions ?? []), ...(m.optional_permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])]),
  ),
].sort();
/** The files pages may load, in both builds. */
const exposed = [...new Set(manifests.flatMap((m) => (m.web_accessible_resources ?? []).flatMap((entry) => entry.resources)))].sort();

/** The rows of the table under the `## heading` of a Markdown text: each row's cells, header and rule left out. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const section = lines.slice(start + 1);
  const end = section.findIndex((line) => line.startsWith('#'));
  const rows = (end < 0 ? section : section.slice(0, end))
    .filter((line) => line.trim().startsWith('|'))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
  return rows.slice(2); // the header and the |---| rule
}
/** The `code` spans of a Markdown cell. */
const codeIn = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

describe('the permissions, justified', () => {
  const policy = readFileSync(join(ROOT, 'docs/PRIVACY.md'), 'utf8');

  it('are asked for by both builds (the sets below are not empty by accident)', () => {
    expect(asked).toContain('storage');
    expect(exposed).toContain('card.js');
  });

  it('are exactly those the privacy policy justifies, each with a reason', () => {
    const rows = tableUnder(policy, 'Permissions, and why');
    const named = rows.flatMap(([permission = '']) => codeIn(permission));
    expect([...named].sort()).toEqual(asked);
    expect(new Set(named).size, 'each named once').toBe(named.length);
    for (const [permission, why = ''] of rows) expect(why.length, `why ${permission}`).toBeGreaterThan(40);
  });

  it('cover every page the content script runs on', () => {
    for (const manifest of manifests) {
      for (const match of (manifest.content_scripts ?? []).flatMap((script) => script.matches)) expect(asked).toContain(match);
    }
  });

  it('are exactly those the store listing justifies, in every locale', () => {
    for (const locale of LISTED) {
      const named = listing(locale).permissions.flatMap((p) => p.names);
      expect([...named].sort(), locale).toEqual(asked);
      expect(new Set(named).size, `${locale}: each named once`).toBe(named.length);
    }
  });

  it('include every file pages may load, each with a reason in the privacy policy', () => {
    const rows = tableUnder(policy, 'Files pages may load');
    expect(rows.flatMap(([file = '']) => codeIn(file)).sort()).toEqual(exposed);
    for (const [file, why = ''] of rows) expect(why.length, `why ${file}`).toBeGreaterThan(20);
  });
});
