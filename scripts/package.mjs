#!/usr/bin/env node
// Writes store-ready zips of both builds into artifacts/, named with the version
// (artifacts/hashiya-chrome-0.1.0.zip, artifacts/hashiya-firefox-0.1.0.zip). Run after the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const browser of ['chrome', 'firefox']) {
  if (!existsSync(`dist/${browser}/manifest.json`)) {
    console.error(`package: dist/${browser} is missing — run \`npm run build\` first`);
    process.exit(1);
  }
  const filename = `hashiya-${browser}-${version}.zip`;
  execFileSync('npx', ['web-ext', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`artifacts/${filename}`);
}
