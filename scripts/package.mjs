#!/usr/bin/env node
// Writes what the stores take into artifacts/ (or `--out DIR`), named with the version. Run after
// the build (`npm run package` does both):
//
//   hashiya-chrome-0.1.0.zip    dist/chrome, for the Chrome Web Store
//   hashiya-firefox-0.1.0.zip   dist/firefox, for addons.mozilla.org
//   hashiya-source-0.1.0.zip    the source addons.mozilla.org's reviewers rebuild the Firefox zip
//                               from: the tracked files as they are on disk, and BUILD.md
//   store/                      with --store (npm run package): the listing texts, screenshots
//                               and privacy policy of scripts/store-assets.mjs
//
// The source archive is the same bytes for the same files (sorted, dated at the commit). Outside a
// git checkout (say, in an unpacked source archive) it is left out, with a note on stderr.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const NOTE = 'BUILD.md';

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function options(argv) {
  let out = join(root, 'artifacts');
  let store = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) out = resolve(argv[++i]);
    else if (arg.startsWith('--out=')) out = resolve(arg.slice('--out='.length));
    else if (arg === '--store') store = true;
    else fail(`unknown argument ${JSON.stringify(arg)} (usage: node scripts/package.mjs [--store] [--out DIR])`);
  }
  return { out, store };
}

/** Where `path` (absolute) is, for messages: relative to the working folder when inside it. */
function shown(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** The commit and tracked files of the checkout at the root, or null when the root is not one. */
function checkout() {
  try {
    if (realpathSync(git('rev-parse', '--show-toplevel').trim()) !== realpathSync(root)) return null;
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      time: new Date(Number(git('show', '-s', '--format=%ct', 'HEAD').trim()) * 1000),
      tracked: [...new Set(git('ls-files', '-z').split('\0').filter(Boolean))],
      // Staged or not, and deleted: whatever makes the files on disk differ from the commit.
      changed: git('diff', '--name-only', '-z', 'HEAD', '--').split('\0').filter(Boolean),
    };
  } catch {
    return null;
  }
}

function buildNote({ version, commit, changed }) {
  const made = changed.length === 0
    ? `It was made from commit ${commit}, with no uncommitted changes.`
    : `It was made from commit ${commit}, with uncommitted changes to ${changed.length} tracked file(s), included as they were on disk:\n\n${changed.map((path) => `- ${path}`).join('\n')}`;
  return `# Building Hashiya ${version} from this source

This archive holds the source of Hashiya ${version}: every file tracked in its git repository,
as it was when the Firefox add-on hashiya-firefox-${version}.zip was built from it (no
dependencies, no build output). ${made}

## Rebuilding the Firefox add-on

On Linux (Debian) with Node 20 and npm 11 (this archive was made with Node ${process.version}),
in the folder this archive was unpacked into:

\`\`\`sh
npm ci          # the exact dependency versions of package-lock.json, from the npm registry
npm run build   # esbuild, through build.mjs
\`\`\`

The Firefox add-on is then in \`dist/firefox/\`: the same files, byte for byte, as those of
hashiya-firefox-${version}.zip (\`dist/chrome/\` holds the Chrome build). Nothing else is needed
(no browser, no network after \`npm ci\`). The code is minified, with source maps, never
obfuscated; \`npm run package\` writes both store zips into \`artifacts/\`.
`;
}

function writeSourceArchive(out, version) {
  const repo = checkout();
  if (!repo) {
    console.error('package: not a git checkout, so no source archive (it is made from the tracked files)');
    return null;
  }
  if (repo.tracked.includes(NOTE)) fail(`${NOTE} is tracked, but the source archive writes its own`);
  if (repo.changed.length > 0) {
    console.error(
      `package: the source archive holds uncommitted changes to ${repo.changed.length} tracked file(s) ` +
        `(${repo.changed.join(', ')}); ${NOTE} in it says so — commit them for an archive that matches a commit`,
    );
  }
  const entries = [{ name: NOTE, data: Buffer.from(buildNote({ version, ...repo })) }];
  for (const name of repo.tracked) {
    const path = join(root, name);
    if (!existsSync(path)) continue; // deleted: listed as changed
    const stats = lstatSync(path);
    if (!stats.isFile()) fail(`${name} is tracked but is not a regular file; the source archive takes files only`);
    entries.push({ name, data: readFileSync(path), executable: (stats.mode & 0o111) !== 0 });
  }
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const path = join(out, `hashiya-source-${version}.zip`);
  writeFileSync(path, zip(entries, repo.time));
  return path;
}

const { out, store } = options(process.argv.slice(2));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(out, { recursive: true });
for (const browser of ['chrome', 'firefox']) {
  if (!existsSync(join(root, 'dist', browser, 'manifest.json'))) fail(`dist/${browser} is missing — run \`npm run build\` first`);
  const filename = `hashiya-${browser}-${version}.zip`;
  execFileSync('npx', ['web-ext', 'build', '--source-dir', join(root, 'dist', browser), '--artifacts-dir', out, '--filename', filename, '--overwrite-dest'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(shown(join(out, filename)));
}
const source = writeSourceArchive(out, version);
if (source) console.log(shown(source));
// The store listing last: it takes screenshots in Chromium, and says itself what it wrote.
if (store) {
  try {
    execFileSync(process.execPath, [join(root, 'scripts/store-assets.mjs'), '--out', join(out, 'store')], { cwd: root, stdio: 'inherit' });
  } catch {
    process.exit(1); // store-assets has said what went wrong
  }
}
