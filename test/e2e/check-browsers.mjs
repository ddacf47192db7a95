#!/usr/bin/env node
// Makes sure the real browsers the tests and the demo need are here: Debian's chromium and
// firefox-esr (with its Arabic language pack). Run as root, it installs what is missing with
// apt-get; otherwise it says in one line which packages to install and exits non-zero.
//
//   node test/e2e/check-browsers.mjs [chromium] [firefox]   (both by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS = {
  chromium: { path: '/usr/bin/chromium', packages: ['chromium'] },
  firefox: { path: '/usr/bin/firefox-esr', packages: ['firefox-esr', 'firefox-esr-l10n-ar'] },
};
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(NEEDS);
const missingPackages = (name) =>
  NEEDS[name].packages.filter((pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);

const missing = wanted.flatMap((name) => (existsSync(NEEDS[name].path) ? missingPackages(name) : NEEDS[name].packages));
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`hashiya: missing browser packages: ${missing.join(' ')} — install them with: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.error(`hashiya: installing ${missing.join(' ')} with apt-get …`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`hashiya: apt-get could not install ${missing.join(' ')}; install them by hand and run again`);
    process.exit(1);
  }
}
