#!/usr/bin/env node
// The store listing's assets, for every locale of store/ (English and Arabic): screenshots of
// exactly 1280×800 (the Chrome Web Store's size; addons.mozilla.org takes them too), taken in
// Chromium with the built Hashiya and its interface in that language, by the code that takes
// `npm start`'s (test/demo/shots.mjs), and the listing texts beside them:
//
//   <out>/<locale>/1-card-light.png …   the screenshots, as store/<locale>.json captions them
//   <out>/<locale>/listing.json         store/<locale>.json, its description as one text
//   <out>/<locale>/listing.txt          the same, field by field, to paste into the stores' forms
//   <out>/PRIVACY.md                    the privacy policy (docs/PRIVACY.md)
//
//   node scripts/store-assets.mjs [--out DIR]     (DIR: artifacts/store by default)
//
// Run it after the build, as scripts/package.mjs. The demo pages are served on a free port
// (HASHIYA_PORT chooses one), so it never clashes with `npm start` or another run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** The size the Chrome Web Store asks for (or 640×400); addons.mozilla.org scales what it gets. */
const STORE_VIEWPORT = { width: 1280, height: 800 };

/** Where each locale's demo article is, and the names whose cards the shots open. */
const DEMO = {
  en: { article: '/demo/en-article.html', person: 'Putin', place: 'Hmeimim' },
  ar: { article: '/demo/ar-article.html', person: 'بوتين', place: 'حميميم' },
};

/** The shots of one locale (see shots.mjs): its article with a card open, light and dark, the reader page and the options. */
function storeShots(locale, hoverName) {
  const demo = DEMO[locale];
  if (!demo) throw new Error(`no demo page in ${locale}: add it to DEMO in scripts/store-assets.mjs`);
  return [
    { file: '1-card-light.png', path: demo.article, prepare: hoverName(demo.person), scheme: 'light', lang: locale },
    { file: '2-card-dark.png', path: demo.article, prepare: hoverName(demo.place), scheme: 'dark', lang: locale },
    { file: '3-reader.png', path: 'extension:reader.html', scheme: 'light', lang: locale },
    { file: '4-options.png', path: 'extension:options.html', scheme: 'light', lang: locale },
  ];
}

/** The listing's fields as the stores' forms name them, for listing.txt. */
function listingText(listing) {
  const section = (title, body) => `${title}\n${'-'.repeat(title.length)}\n${body}\n`;
  return [
    section('Name', listing.name),
    section('Summary (the manifest description; addons.mozilla.org: Summary)', listing.summary),
    section('Description', listing.description),
    section('Category', `Chrome Web Store: ${listing.category.chrome}\naddons.mozilla.org: ${listing.category.firefox}`),
    section('Single purpose', listing.singlePurpose),
    ...listing.permissions.map((p) => section(`Permission justification: ${p.names.join(', ')}`, p.justification)),
    section('Remote code', listing.remoteCode),
    section('Data usage', listing.dataUsage),
    section('Privacy policy', 'PRIVACY.md, beside this folder (docs/PRIVACY.md in the repository)'),
    section('Screenshots', listing.screenshots.map((s) => `${s.file}: ${s.caption}`).join('\n')),
  ].join('\n');
}

/** Takes every locale's shots into `out` and writes the listing texts beside them; answers the files written. */
export async function makeStoreAssets({ out, port = 0, log = () => undefined }) {
  const [{ openCamera, hoverName }, { serveDemo }] = await Promise.all([import('../test/demo/shots.mjs'), import('../test/demo/serve.mjs')]);
  const locales = (await readdir(join(root, 'store'))).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();
  const listings = new Map();
  for (const locale of locales) {
    const { $comment: _, ...listing } = JSON.parse(await readFile(join(root, 'store', `${locale}.json`), 'utf8'));
    const shots = storeShots(locale, hoverName);
    const captioned = listing.screenshots.map((s) => s.file).join(' ');
    if (captioned !== shots.map((s) => s.file).join(' ')) {
      throw new Error(`store/${locale}.json captions ${captioned}, but the shots are ${shots.map((s) => s.file).join(' ')}`);
    }
    listings.set(locale, { listing: { ...listing, description: listing.description.join('\n') }, shots });
  }

  const written = [];
  const server = await serveDemo(port);
  const camera = openCamera({ origin: server.origin, viewport: STORE_VIEWPORT });
  try {
    for (const [locale, { listing, shots }] of listings) {
      const dir = join(out, locale);
      // A shot this script no longer takes must not linger there to be uploaded by mistake.
      const taken = new Set(shots.map((shot) => shot.file));
      const before = existsSync(dir) ? await readdir(dir) : [];
      for (const stale of before.filter((file) => /^\d+-[\w-]+\.png$/.test(file) && !taken.has(file))) {
        await rm(join(dir, stale));
        log(`${join(dir, stale)} (removed: no longer a store shot)`);
      }
      for (const shot of shots) {
        written.push(await camera.shoot({ ...shot, file: join(locale, shot.file) }, out));
        log(written.at(-1));
      }
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'listing.json'), `${JSON.stringify(listing, null, 2)}\n`);
      await writeFile(join(dir, 'listing.txt'), listingText(listing));
      written.push(join(dir, 'listing.json'), join(dir, 'listing.txt'));
      log(join(dir, 'listing.json'));
      log(join(dir, 'listing.txt'));
    }
  } finally {
    await camera.close();
    await server.close();
  }
  await copyFile(join(root, 'docs/PRIVACY.md'), join(out, 'PRIVACY.md'));
  written.push(join(out, 'PRIVACY.md'));
  log(join(out, 'PRIVACY.md'));
  return written;
}

/** `--out DIR` (or `--out=DIR`); anything else is a mistake. */
function parseArgs(args) {
  let out = join(root, 'artifacts/store');
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s);
    if (flag !== '--out') throw new Error(`unknown argument ${args[i]} — usage: node scripts/store-assets.mjs [--out DIR]`);
    const value = inline ?? args[++i];
    if (!value) throw new Error('--out needs a folder');
    out = resolve(value);
  }
  return { out };
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`store-assets: ${error.message}`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'dist/chrome/manifest.json'))) {
    console.error('store-assets: dist/chrome is missing — run `npm run build` first');
    process.exit(1);
  }
  try {
    execFileSync('node', ['test/e2e/check-browsers.mjs', 'chromium'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.exit(1); // it has said which packages are missing
  }
  const port = Number(process.env.HASHIYA_PORT ?? 0);
  const shown = (path) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));
  try {
    await makeStoreAssets({ out: options.out, port, log: (path) => console.log(shown(path)) });
  } catch (error) {
    console.error(`store-assets: ${error.message}`);
    process.exit(1);
  }
}
