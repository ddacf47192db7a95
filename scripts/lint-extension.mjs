#!/usr/bin/env node
// `web-ext lint` on dist/firefox (the checks addons.mozilla.org runs on an upload), quiet when
// all is well. It fails on any error, and on any warning or notice that is not one of the known
// warnings below, each of which says why it is there; it prints one line for the known ones.
// Without this, every `npm run lint` printed a table of six explained warnings, and a seventh,
// new one would have passed unseen.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist/firefox');

/** Warnings web-ext lint gives for code we ship on purpose: [code, file, message, why]. */
export const KNOWN_WARNINGS = [
  ...['popup.js', 'options.js', 'card.js', 'reader.js', 'welcome.js'].map((file) => [
    'UNSAFE_VAR_ASSIGNMENT',
    file,
    'Unsafe assignment to innerHTML',
    "Preact's renderer, which supports dangerouslySetInnerHTML; Hashiya never uses it, and renders every string from a page or a pack as text",
  ]),
  ...['engine.js', 'reader.js', 'welcome.js'].map((file) => [
    'UNSAFE_VAR_ASSIGNMENT',
    file,
    'Unsafe call to import for argument 0',
    "the dynamic import() of the card's own chunk, card.js, from the extension's own files (runtime.getURL('card.js') in the engine the content script loads, the file beside it in the reader and first-run pages); nothing remote is imported",
  ]),
];

/**
 * Splits web-ext lint's JSON report into what fails the lint and the known warnings seen. Each
 * known warning covers one occurrence: a second unsafe assignment in the same file is a problem.
 */
export function judge(report) {
  const unused = [...KNOWN_WARNINGS];
  const known = [];
  const unknown = [];
  for (const w of report.warnings) {
    const at = unused.findIndex(([code, file, message]) => w.code === code && w.file === file && w.message === message);
    if (at < 0) unknown.push(w);
    else known.push(w), unused.splice(at, 1);
  }
  return { problems: [...report.errors, ...report.notices, ...unknown], known };
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error('lint-extension: dist/firefox is missing — run `npm run build` first');
    process.exit(1);
  }
  let output;
  try {
    output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dist, '--self-hosted', '--no-config-discovery', '--output=json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    output = error.stdout; // web-ext exits non-zero when it finds errors; the report says which
  }
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    console.error(`lint-extension: web-ext lint gave no report:\n${output}`);
    process.exit(1);
  }
  const { problems, known } = judge(report);
  for (const p of problems) {
    console.error(`web-ext lint: ${p._type ?? 'problem'} ${p.code} in ${p.file ?? '(package)'}${p.line ? `:${p.line}` : ''}: ${p.message}${p.description ? `\n  ${String(p.description).replace(/\s+/g, ' ')}` : ''}`);
  }
  if (problems.length > 0) {
    console.error(`web-ext lint: ${problems.length} problem(s) above; a warning we ship on purpose goes into KNOWN_WARNINGS in scripts/lint-extension.mjs, with why`);
    process.exit(1);
  }
  console.log(`web-ext lint: no errors; ${known.length} known warnings (scripts/lint-extension.mjs says why each is there)`);
}
