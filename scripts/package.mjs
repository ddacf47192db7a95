#!/usr/bin/env node
// Writes store-ready zips of both builds into artifacts/ (or `--out DIR`), named with the version
// (hashiya-chrome-0.1.0.zip, hashiya-firefox-0.1.0.zip). Run after the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function outputFolder(argv) {
  let out = join(root, 'artifacts');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) out = resolve(argv[++i]);
    else if (arg.startsWith('--out=')) out = resolve(arg.slice('--out='.length));
    else fail(`unknown argument ${JSON.stringify(arg)} (usage: node scripts/package.mjs [--out DIR])`);
  }
  return out;
}

/** Where `path` (absolute) is, for messages: relative to the working folder when inside it. */
function shown(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

const out = outputFolder(process.argv.slice(2));
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
