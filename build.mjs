#!/usr/bin/env node
// Builds Hashiya: two loadable extensions (dist/chrome, dist/firefox) from one source, plus the
// Node command-line tools (dist/cli) and benchmarks (dist/bench).
//
//   node build.mjs            build everything once
//   node build.mjs --watch    rebuild on every change
//   node build.mjs --node     only the command-line tools and benchmarks (quiet; used by
//                             `npm run annotate` / `npm run validate`, whose stdout is a contract)
//
// Output is minified with source maps: readable for a store reviewer, never obfuscated.
import * as esbuild from 'esbuild';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const nodeOnly = args.has('--node');
const BROWSERS = ['chrome', 'firefox'];

/**
 * The oldest browsers Hashiya runs in: esbuild's targets and the manifests' minimum versions are
 * made from this table, and test/unit/browser-targets.test.ts checks that the README states it.
 */
export const BROWSER_TARGETS = {
  // The first with the popover attribute (the card's top layer); its CSS Custom Highlight API came
  // in 105 and match_origin_as_fallback in 99.
  chrome: 114,
  // The first with the CSS Custom Highlight API; popover came in 125, match_origin_as_fallback in 128.
  firefox: 140,
  // Firefox for Android: the first that knows the data_collection_permissions key.
  firefoxAndroid: 142,
};

/** esbuild's target for `browser`'s bundles. */
const esbuildTarget = (browser) => [`${browser}${BROWSER_TARGETS[browser]}`];

/**
 * The content script must stay small: it is compiled at document_start in every page and frame,
 * while the page's parser waits. It is the loader (settings, the frame's site, whether it has text,
 * and the engine's own walk of the text blocks, which a frame sends the background to decide on:
 * 13.3 KB); 14 KB leaves room for what a loader may need, and no more.
 */
export const CONTENT_SCRIPT_BUDGET = 14 * 1024;

/**
 * The engine (engine.js), compiled only in a frame with text to read. 64 KB since it checks where
 * it runs and what it is told (the site of a frame's tab, trusted events only, names made up per
 * page); 65 KB since it compiles its matcher only when a page has text to read; 128 KB since it
 * carries the bundled pack's matcher compiled at build time (src/match/table-encoding.ts, 55 KB of
 * tables and rules as strings): decoding them costs a frame a fifth of compiling them; 136 KB since
 * a name's own context decides its sense (the other sense's words, blockers with a context, the
 * paragraph's and the story's evidence: 7 KB of code and words); 140 KB since the Arabic names of
 * Moscow and Latakia have blockers of their own (the cocktail, the Idaho town, the tobacco), as the
 * English ones had; 144 KB since places, bases and people of the same names elsewhere (Russia,
 * Ohio; Ain al-Asad; Damascus Gate; the Reuters Institute…) have theirs; 144 KB too as a script of
 * its own (until then it was the content script, loader included), with packs of other stories
 * linked to its entities (run-time ids, Wikidata ids); 148 KB since the folding tables are 16-bit
 * words that a frame reads natively (src/match/fold-encoding.ts: 4 KB more than varints, whose
 * decoding through a closure cost a frame as much time as the rest of the folding tables); 112 KB
 * since the background sends the words of the bundled pack's matcher to each frame that starts it
 * (get-match-tables, src/content/engine-inputs.ts), and it carries the rest of its data as functions that return literals
 * (hashiya:engine-data): 35 KB fewer, and nothing of it on the heap of a frame that does not read it.
 */
export const ENGINE_BUDGET = 112 * 1024;

/**
 * The card (card.js), loaded when a reader first asks for a card: Preact, Floating UI, the card and
 * the reader page's shared parts (50 KB), and the place map with the whole world's borders (1:110m,
 * coded as text: 29 KB), so a pack may name a place anywhere, with the event rows, the citations and
 * copy and speech buttons (86 KB in all). 92 KB: room for words, not for another library.
 */
export const CARD_BUDGET = 92 * 1024;

const extensionEntries = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
};
const extensionPages = ['src/popup/popup.html', 'src/options/options.html'];
/** Chrome's alone: the offscreen document its service worker copies in (src/background/clipboard.ts). */
const chromeEntries = { offscreen: 'src/background/offscreen.ts' };
const chromePages = ['src/background/offscreen.html'];

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/**
 * Applies manifest.overrides.json's keys; `key[i]` addresses one element of an array, `key+` adds
 * to the end of an array (a permission one browser alone needs).
 */
export function mergeManifest(base, overrides) {
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    const indexed = /^(.+)\[(\d+)\]$/.exec(key);
    const added = /^(.+)\+$/.exec(key);
    if (added) {
      if (!Array.isArray(out[added[1]]) || !Array.isArray(value)) fail(`manifest.overrides.json adds to ${added[1]}, which is not a list in both`);
      out[added[1]] = [...out[added[1]], ...value];
    } else if (indexed) {
      const list = out[indexed[1]];
      const item = list?.[Number(indexed[2])];
      if (!item) fail(`manifest.overrides.json names ${key}, which manifest.json does not have`);
      Object.assign(item, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The module at `path` (from the root), bundled for Node and imported: the one way the build runs
 * the project's own TypeScript (highlight rules, folding tables, match data, map outlines).
 */
async function evaluate(path) {
  // The fold tables computed, as the unit tests have them (vitest.config.ts).
  const foldData = {
    name: 'fold-data-source',
    setup(build) {
      build.onResolve({ filter: /^hashiya:fold-data$/ }, () => ({ path: join(root, 'src/match/fold-data.ts') }));
    },
  };
  const out = await esbuild.build({ entryPoints: [join(root, path)], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [foldData] });
  return import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
}

async function readJson(path) {
  try {
    return JSON.parse(await readFile(join(root, path), 'utf8'));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

/** `manifest` with `browser`'s minimum versions from BROWSER_TARGETS. */
function withMinimumVersion(browser, manifest) {
  const out = structuredClone(manifest);
  if (browser === 'chrome') out.minimum_chrome_version = String(BROWSER_TARGETS.chrome);
  if (browser === 'firefox') {
    const settings = out.browser_specific_settings;
    if (!settings?.gecko || !settings.gecko_android) fail('manifest.overrides.json gives Firefox no browser_specific_settings.gecko and gecko_android');
    settings.gecko.strict_min_version = `${BROWSER_TARGETS.firefox}.0`;
    settings.gecko_android.strict_min_version = `${BROWSER_TARGETS.firefoxAndroid}.0`;
  }
  return out;
}

async function writeManifest(browser) {
  const base = await readJson('manifest.json');
  const overrides = await readJson('manifest.overrides.json');
  const version = (await readJson('package.json')).version;
  const manifest = withMinimumVersion(browser, mergeManifest({ ...base, version }, overrides[browser]));
  await writeFile(join(root, 'dist', browser, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function copyStatic(browser) {
  const out = join(root, 'dist', browser);
  await mkdir(join(out, 'icons'), { recursive: true });
  for (const file of await readdir(join(root, 'icons'))) {
    if (file.endsWith('.png')) await cp(join(root, 'icons', file), join(out, 'icons', file));
  }
  await cp(join(root, 'src/_locales'), join(out, '_locales'), { recursive: true });
  for (const page of [...extensionPages, ...(browser === 'chrome' ? chromePages : [])]) {
    await cp(join(root, page), join(out, page.split('/').pop()));
  }
}

/** Keeps one browser's manifest, icons, locales and pages in step while watching. */
function staticFiles(browser) {
  return {
    name: 'hashiya-static',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        if (watch) console.log(`build: dist/${browser} rebuilt at ${new Date().toLocaleTimeString()}`);
        await copyStatic(browser);
        await writeManifest(browser);
      });
    },
  };
}

/**
 * `import matchData from 'hashiya:match-data'`: the bundled pack reduced by toMatchData at build
 * time, so the content script ships names and ambiguity data only, never the whole pack.
 */
const BUNDLED_PACK = 'src/data/packs/sharaa-moscow-2025.json';
const matchDataModule = buildTimeModule(
  'match-data',
  async () => {
    const { compactMatchData, toMatchData } = await evaluate('src/data/match-data.ts');
    return compactMatchData(toMatchData(await readJson(BUNDLED_PACK)));
  },
  [BUNDLED_PACK, 'src/data/match-data.ts'],
  // Embedded compact (names without flags as bare strings, blockers grouped): a third smaller.
  (json) => `import { expandMatchData } from './src/data/match-data.ts'; export default expandMatchData(${json});`,
);

/** The bundled pack's matcher compiled here (src/match/table-encoding.ts; the same every time). */
async function encodeBundled() {
  const { toMatchData } = await evaluate('src/data/match-data.ts');
  const { encodeMatcher } = await evaluate('src/match/matcher.ts');
  return encodeMatcher(toMatchData(await readJson(BUNDLED_PACK)));
}
const MATCHER_INPUTS = [BUNDLED_PACK, 'src/data/match-data.ts', 'src/match/compile.ts', 'src/match/table-encoding.ts', 'src/match/fold-rules.ts', 'src/match/fold-encoding.ts', 'src/match/words.ts'];

/**
 * `import BUNDLED_TABLES from 'hashiya:bundled-matcher'`: the bundled pack's matcher. The
 * background holds it and sends it to each engine that starts (get-match-tables), but for its
 * rules and ligatures (the engine's own, hashiya:engine-data): a frame decodes tables, never
 * compiles them.
 */
const bundledMatcherModule = buildTimeModule('bundled-matcher', encodeBundled, MATCHER_INPUTS);

/**
 * `hashiya:engine-data`: what the engine reads of the bundled pack only when it needs it, each a
 * function that returns a literal: `rulesJson` and `ligatureWords` (its matcher's rules and
 * ligatures, read at a frame's first candidate and first ligature), `foldData` (the folding tables,
 * at the first candidate) and `matchJson` (its match data, to compile it with imported packs). V8
 * makes a literal's string when it compiles the function that holds it: once for all the frames of
 * a process, and never where no frame needs it. As plain literals of the module they were on the
 * heap of every page that reads (a module's top level is compiled at once), and sent in messages
 * they were a copy in every frame.
 */
const engineDataModule = buildTimeModule(
  'engine-data',
  async () => {
    const { groups, expansions } = await encodeBundled();
    const { compactMatchData, toMatchData } = await evaluate('src/data/match-data.ts');
    return {
      rulesJson: groups,
      ligatureWords: expansions,
      foldData: (await evaluate('src/match/fold-data.ts')).default,
      matchJson: JSON.stringify(compactMatchData(toMatchData(await readJson(BUNDLED_PACK)))),
    };
  },
  [...MATCHER_INPUTS, 'src/match/fold-data.ts'],
  (json) =>
    Object.entries(JSON.parse(json))
      .map(([name, text]) => `export const ${name} = () => ${JSON.stringify(text)};`)
      .join('\n'),
);

/**
 * `import FOLD_DATA from 'hashiya:fold-data'`: the folding tables computed from their rules
 * (src/match/fold-rules.ts) and encoded, so no page computes them again (~10 ms a frame).
 */
const foldDataModule = buildTimeModule('fold-data', async () => (await evaluate('src/match/fold-data.ts')).default, [
  'src/match/fold-data.ts',
  'src/match/fold-rules.ts',
  'src/match/fold-encoding.ts',
  'src/match/words.ts',
]);

/**
 * `hashiya:fold-data` in the engine: nothing. The engine gives the folding tables as a function of
 * hashiya:engine-data (src/match/fold-table.ts useFoldData), so that their 10 KB of base64 are not a
 * literal of its module's top level, on the heap of every frame that reads.
 */
const noFoldDataModule = {
  name: 'hashiya-no-fold-data',
  setup(build) {
    build.onResolve({ filter: /^hashiya:fold-data$/ }, () => ({ path: 'fold-data', namespace: 'hashiya-no-fold-data' }));
    build.onLoad({ filter: /.*/, namespace: 'hashiya-no-fold-data' }, () => ({ contents: "export default '';", loader: 'js' }));
  },
};

/**
 * `import WORLD from 'hashiya:world-map'`: the world's outlines for the place map, from
 * world-atlas's 1:110m borders (and the small countries only its 1:50m ones have), coded by
 * src/card/world-outline.ts.
 */
const worldMapModule = buildTimeModule(
  'world-map',
  async () =>
    (await evaluate('src/card/world-outline.ts')).worldOutline(
      await readJson('node_modules/world-atlas/countries-110m.json'),
      await readJson('node_modules/world-atlas/countries-50m.json'),
    ),
  ['src/card/world-outline.ts', 'src/card/map-code.ts'],
);

/**
 * `import WORDS from 'hashiya:card-words'`: the card's own words (the `card…` messages of
 * src/_locales) in English and in Arabic, so that a card follows the card language the reader chose
 * whatever the browser's language (chrome.i18n gives the browser's only).
 */
const cardWordsModule = buildTimeModule(
  'card-words',
  async () => {
    const words = {};
    for (const lang of ['en', 'ar']) {
      const messages = await readJson(`src/_locales/${lang}/messages.json`);
      words[lang] = Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => key.startsWith('card'))
          .map(([key, { message, placeholders }]) => {
            if (placeholders) fail(`${key}: the card's words have no placeholders (card-words does not fill them)`);
            return [key, message];
          }),
      );
    }
    return words;
  },
  ['src/_locales/en/messages.json', 'src/_locales/ar/messages.json'],
);

/**
 * A module `hashiya:NAME` whose value `compute` makes in Node at build time (from the `inputs`),
 * embedded as JSON, or as the module `wrap` makes of that JSON.
 */
function buildTimeModule(name, compute, inputs, wrap) {
  return {
    name: `hashiya-${name}`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^hashiya:${name}$`) }, () => ({ path: name, namespace: `hashiya-${name}` }));
      build.onLoad({ filter: /.*/, namespace: `hashiya-${name}` }, async () => {
        const json = JSON.stringify(await compute());
        const watchFiles = inputs.map((path) => join(root, path));
        if (wrap) return { contents: wrap(json), loader: 'ts', resolveDir: root, watchFiles };
        return { contents: json, loader: 'json', watchFiles };
      });
    },
  };
}

const common = {
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * dist/<browser>/engine.js: the engine (src/content/engine.ts: matcher, annotator, card controller;
 * the tables it decodes come from the background), a classic script that the background injects (scripting.executeScript, in the
 * content script's world) into a frame whose loader asks for it: one where Hashiya is on and there
 * is text to read. Every other frame compiles the loader alone. Embedded in the content script,
 * the engine was compiled (pre-parsed) with it at document_start in every page and frame, while
 * the page's parser waited: 15-19 ms of a page load in a trace. As a classic script it is compiled
 * once for the frames of a process (an ES module imported per frame was compiled in each: +13 ms a
 * frame with text). It leaves its exports in `hashiyaEngine`, a global of the content script's
 * world that no page can see.
 *
 * Firefox's top frame runs it from the manifest as well (manifest.overrides.json, document_end:
 * before DOMContentLoaded, so the loader finds it there). Asked of the background after
 * DOMContentLoaded, its scripting.executeScript reached the frame 77-192 ms later on
 * cnn-arabic-syria (the round trip through the background, behind the page's own tasks), where a
 * naive highlighter run at document_end marks the page within 10 ms. Firefox compiles a manifest's
 * scripts once for the browser session, so a top frame pays only the engine's evaluation (a few
 * ms), with text or without. Frames within the page still load it only when they have text.
 *
 * Not so in Chromium's top frame: there a manifest's document_end script runs in a task of its
 * own after DOMContentLoaded, behind the browser's first layout of the page. Tried (Chromium 156,
 * the loader waiting for it): on the stress page it came 370-710 ms after DOMContentLoaded, no
 * sooner than the background's injection (first marks 620-1 070 ms after it, against 640-760),
 * and every page compiled it, a blank one too (+0.11 MB of heap there).
 */
function engineOptions(browser) {
  return {
    ...common,
    entryPoints: { engine: 'src/content/engine.ts' },
    outdir: join(root, 'dist', browser),
    format: 'iife',
    globalName: 'hashiyaEngine',
    target: esbuildTarget(browser),
    define: { ...common.define, __BROWSER__: JSON.stringify(browser) },
    plugins: [engineDataModule, noFoldDataModule],
  };
}

function extensionOptions(browser) {
  return {
    ...common,
    entryPoints: browser === 'chrome' ? { ...extensionEntries, ...chromeEntries } : extensionEntries,
    outdir: join(root, 'dist', browser),
    format: 'iife',
    target: esbuildTarget(browser),
    define: { ...common.define, __BROWSER__: JSON.stringify(browser) },
    plugins: [matchDataModule, bundledMatcherModule, foldDataModule, staticFiles(browser)],
  };
}

/**
 * dist/<browser>/card.js: the hover card (Preact, Floating UI, the place map), an ES module the
 * content script imports on first use, so pages pay for it only when a card opens.
 * `hashiya:world-map` is the world's outlines for the map, coded at build time. The pages that
 * show live cards are built here too: the reader page (reader.html, reader.js) and the first-run
 * page (welcome.html, welcome.js, welcome.css).
 */
function cardOptions(browser) {
  // Those pages (extension pages, ES modules like the card) and their HTML.
  const cardPages = {
    name: 'hashiya-card-pages',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        for (const page of ['src/reader/reader.html', 'src/welcome/welcome.html']) await cp(join(root, page), join(root, 'dist', browser, page.split('/').pop()));
      });
    },
  };
  return {
    ...common,
    entryPoints: { card: 'src/card/index.tsx', reader: 'src/reader/index.tsx', welcome: 'src/welcome/index.tsx' },
    outdir: join(root, 'dist', browser),
    format: 'esm',
    target: esbuildTarget(browser),
    define: { ...common.define, __BROWSER__: JSON.stringify(browser) },
    plugins: [worldMapModule, cardWordsModule, matchDataModule, foldDataModule, cardPages],
  };
}

async function nodeOptions() {
  const entryPoints = {};
  for (const [dir, suffix, out] of [
    ['src/cli', '.ts', 'cli'],
    ['test/bench', '-bench.ts', 'bench'],
  ]) {
    if (!existsSync(join(root, dir))) continue;
    for (const file of await readdir(join(root, dir))) {
      if (file.endsWith(suffix) && !file.endsWith('.test.ts')) {
        entryPoints[`${out}/${file.slice(0, -3)}`] = join(dir, file);
      }
    }
  }
  return {
    ...common,
    minify: false,
    sourcemap: 'inline',
    entryPoints,
    outdir: join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    // Dependencies (playwright-core, valibot …) load from node_modules; our own code is bundled.
    packages: 'external',
    format: 'esm',
    target: ['node20'],
    define: { ...common.define, __BROWSER__: '"node"' },
    plugins: [foldDataModule],
  };
}

/** The code the browser benchmark injects into pages (dist/bench/page-entry.js). */
const benchPageOptions = {
  ...common,
  minify: false,
  entryPoints: { 'bench/page-entry': 'test/bench/page-entry.ts' },
  outdir: join(root, 'dist'),
  format: 'iife',
  target: esbuildTarget('chrome'),
  define: { ...common.define, __BROWSER__: '"chrome"' },
  plugins: [matchDataModule, foldDataModule],
};

async function reportSizes() {
  for (const browser of BROWSERS) {
    for (const [file, budget] of [
      ['content.js', CONTENT_SCRIPT_BUDGET],
      ['engine.js', ENGINE_BUDGET],
      ['card.js', CARD_BUDGET],
    ]) {
      const { size } = await stat(join(root, 'dist', browser, file));
      const line = `dist/${browser}/${file}: ${(size / 1024).toFixed(1)} KB (budget ${budget / 1024} KB)`;
      if (size > budget) fail(`${line} — over budget`);
      // What every page with text loads must not reach for Intl: its first use in the content
      // script's world loads the locale's data, 40-70 ms in one task (announcer.ts groupDigits).
      const intl = file !== 'card.js' && /\bIntl\.|\.toLocale(?:Date|Time)?String\(|\.localeCompare\(/.exec(await readFile(join(root, 'dist', browser, file), 'utf8'));
      if (intl) fail(`dist/${browser}/${file} uses ${intl[0]}: every page would pay for the locale's data (build.mjs reportSizes)`);
      if (!args.has('--quiet')) console.log(line);
    }
  }
}

async function main() {
  if (!existsSync(join(root, 'node_modules', 'esbuild'))) fail('dependencies are missing: run `npm ci` first');
  const node = await nodeOptions();
  if (nodeOnly) {
    await esbuild.build({ ...node, logLevel: 'error' }).catch(() => fail('the command-line tools did not build (errors above)'));
    return;
  }
  if (!watch) await rm(join(root, 'dist'), { recursive: true, force: true });
  const configs = [...BROWSERS.map(extensionOptions), ...BROWSERS.map(engineOptions), ...BROWSERS.map(cardOptions), node, benchPageOptions];
  if (watch) {
    for (const config of configs) await (await esbuild.context(config)).watch();
    console.log('build: watching src/, manifest.json, icons/ — rebuilds on every change (Ctrl-C to stop)');
    return;
  }
  try {
    await Promise.all(configs.map((config) => esbuild.build(config)));
  } catch (error) {
    fail(`the extension did not build: ${error.message.split('\n')[0]}`);
  }
  await reportSizes();
}

// Run as a script (not when a test imports the table above).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
