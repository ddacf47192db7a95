// Rasterises the toolbar icons from their SVG sources into the PNGs the manifest names.
// Usage: node scripts/make-icons.mjs   (needs Chromium; CHROMIUM_PATH overrides /usr/bin/chromium)
//
// Chromium does the rasterising because it is already our test browser: no image library to add,
// and the PNGs look exactly like the SVG does in a browser.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import CHROMIUM_FLAGS from '../test/e2e/harness/chromium-flags.json' with { type: 'json' };

const iconsDir = fileURLToPath(new URL('../icons/', import.meta.url));
const sizes = [16, 32, 48, 128];

// At 16 px the full drawing turns to mush, so that size has its own pixel-grid source.
const variants = [
  { name: 'hashiya', source: 'hashiya.svg', small: 'hashiya-small.svg' },
  { name: 'hashiya-off', source: 'hashiya-off.svg', small: 'hashiya-off-small.svg' },
];

// The flags every Chromium of the project starts with (no network beyond 127.0.0.1).
const launchArgs = CHROMIUM_FLAGS;

/** Returns the SVG file as a data: URL, so the page loads nothing from disk or network. */
async function svgDataUrl(file) {
  const svg = await readFile(iconsDir + file);
  return `data:image/svg+xml;base64,${svg.toString('base64')}`;
}

/** Renders one SVG at size×size device pixels on a transparent background and returns PNG bytes. */
async function render(page, url, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img id="icon" src="${url}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  // An <img> decodes asynchronously; a screenshot before decode() resolves would be blank.
  await page.locator('#icon').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: launchArgs,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const variant of variants) {
    for (const size of sizes) {
      const url = await svgDataUrl(size <= 16 ? variant.small : variant.source);
      const png = await render(page, url, size);
      const out = `${iconsDir}${variant.name}-${size}.png`;
      await writeFile(out, png);
      console.log(`wrote icons/${variant.name}-${size}.png (${png.length} bytes)`);
    }
  }
} finally {
  await browser.close();
}
