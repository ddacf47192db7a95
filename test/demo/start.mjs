#!/usr/bin/env node
// `npm start`: builds Hashiya, serves the demo pages on http://127.0.0.1:8787 and opens Chromium
// with Hashiya loaded on them. With no display (headless machines, CI) it saves screenshots of
// what a reader would see into screenshots/ and prints their paths instead.
//
// The screenshots are shots.mjs's SHOTS, taken by the code that also takes the store's
// (scripts/store-assets.mjs); later features add theirs there (an open card, the popup …).
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDemo } from './serve.mjs';

const root = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.HASHIYA_PORT ?? 8787);
const headless = process.env.CI === 'true' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.exit(1); // the command has said what went wrong
  }
}

run('node', ['build.mjs', '--quiet']);
run('node', ['test/e2e/check-browsers.mjs', 'chromium']);
const { openCamera, SHOTS } = await import('./shots.mjs');

let server;
try {
  server = await serveDemo(PORT);
} catch (error) {
  console.error(`hashiya: ${error.message}`);
  process.exit(1);
}

const camera = openCamera({ origin: server.origin, viewport: { width: 1280, height: 900 }, headless });
const { context } = await camera.browser('en');

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo/index.html`);
  console.log(`hashiya: Chromium shows ${server.origin}/demo/index.html with Hashiya loaded — close it or press Ctrl-C to stop`);
  await new Promise((done) => context.on('close', done));
} else {
  const out = join(root, 'screenshots');
  await mkdir(out, { recursive: true });
  for (const shot of SHOTS) {
    await camera.shoot(shot, out);
    console.log(join('screenshots', shot.file));
  }
}
await camera.close();
await server.close();
