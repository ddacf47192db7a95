import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness/server';
import { selectedBrowsers } from './harness/suite';

// The store's assets as `npm run package` makes them: scripts/store-assets.mjs, run as a command
// into a temporary folder, takes its screenshots in real Chromium (one launch per UI language) and
// copies the listing texts beside them. Every shot must be exactly 1280×800, the dark cards must
// really be dark, and no two shots may be the same picture.

const LOCALES = ['en', 'ar'];
const run = promisify(execFile);

interface Image {
  width: number;
  height: number;
  /** Luminance of every pixel, 0–255, row by row. */
  luma: Uint8Array;
}

/** Decodes an 8-bit, non-interlaced PNG (grey, RGB or RGBA, as Chromium writes them) to its luminance. */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  let at = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = [header[8], header[9], header[10], header[11], header[12]];
  const channels = { 0: 1, 2: 3, 6: 4 }[colour!];
  if (depth !== 8 || interlace !== 0 || channels === undefined) throw new Error(`unexpected PNG: depth ${depth}, colour type ${colour}`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const row = new Uint8Array(stride);
  const previous = new Uint8Array(stride);
  const luma = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter]!;
      row[x] = (line[x]! + predicted) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const i = x * channels;
      luma[y * width + x] = channels === 1 ? row[i]! : Math.round(0.299 * row[i]! + 0.587 * row[i + 1]! + 0.114 * row[i + 2]!);
    }
    previous.set(row);
  }
  return { width, height, luma };
}

/** True when some `size`×`size` square of the image is dark throughout (a dark card's background; text strokes are never that wide). */
function hasDarkSquare({ width, height, luma }: Image, size = 40, darkest = 50): boolean {
  // Counts, for each pixel, how many dark pixels run down from it; a square is dark where `size`
  // neighbouring columns all have runs of at least `size`.
  const run = new Uint16Array(width);
  for (let y = height - 1; y >= 0; y--) {
    let across = 0;
    for (let x = 0; x < width; x++) {
      run[x] = luma[y * width + x]! < darkest ? run[x]! + 1 : 0;
      across = run[x]! >= size ? across + 1 : 0;
      if (across >= size) return true;
    }
  }
  return false;
}

describe.skipIf(!selectedBrowsers().includes('chromium'))('store assets [chromium]', () => {
  let out = '';
  let printed = '';
  const listing = (locale: string) => readFile(join(PROJECT_ROOT, 'store', `${locale}.json`), 'utf8').then((text) => JSON.parse(text) as {
    summary: string;
    description: string[];
    screenshots: { file: string }[];
  });

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'hashiya-store-'));
    const env = { ...process.env };
    delete env.HASHIYA_PORT; // a free port, whatever the caller's demo uses
    ({ stdout: printed } = await run(process.execPath, ['scripts/store-assets.mjs', '--out', out], { cwd: PROJECT_ROOT, env, timeout: 150_000 }));
  }, 180_000);
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('takes every screenshot the listing captions, in English and Arabic, at exactly 1280×800', async () => {
    for (const locale of LOCALES) {
      const files = (await readdir(join(out, locale))).filter((file) => file.endsWith('.png')).sort();
      const captioned = (await listing(locale)).screenshots.map((s) => s.file);
      expect(files, locale).toEqual([...captioned].sort());
      expect(files, locale).toEqual(expect.arrayContaining(['1-card-light.png', '2-card-dark.png']));
      for (const file of files) {
        const png = await readFile(join(out, locale, file));
        expect(png.toString('latin1', 12, 16), `${locale}/${file}`).toBe('IHDR');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${locale}/${file}`).toEqual([1280, 800]);
        expect(printed, 'each file is printed').toContain(join(locale, file));
      }
    }
  });

  it('shows the card dark in the dark shot and light in the light one', async () => {
    for (const locale of LOCALES) {
      const light = decodePng(await readFile(join(out, locale, '1-card-light.png')));
      const dark = decodePng(await readFile(join(out, locale, '2-card-dark.png')));
      expect([light.width, light.height, light.luma.length]).toEqual([1280, 800, 1280 * 800]);
      expect(hasDarkSquare(dark), `${locale}: a dark card`).toBe(true);
      expect(hasDarkSquare(light), `${locale}: nothing dark in the light shot`).toBe(false);
    }
  });

  it('makes no two screenshots the same picture', async () => {
    const hashes = new Map<string, string>();
    for (const locale of LOCALES) {
      for (const file of (await readdir(join(out, locale))).filter((name) => name.endsWith('.png'))) {
        const hash = createHash('sha256').update(await readFile(join(out, locale, file))).digest('hex');
        expect(hashes.get(hash), `${locale}/${file} repeats`).toBeUndefined();
        hashes.set(hash, `${locale}/${file}`);
      }
    }
    expect(hashes.size).toBeGreaterThanOrEqual(LOCALES.length * 2);
  });

  it('copies the listing texts and the privacy policy beside them', async () => {
    for (const locale of LOCALES) {
      const source = await listing(locale);
      const copied = JSON.parse(await readFile(join(out, locale, 'listing.json'), 'utf8')) as { summary: string; description: string };
      expect(copied.summary).toBe(source.summary);
      expect(copied.description).toBe(source.description.join('\n'));
      expect(copied).not.toHaveProperty('$comment');
      const text = await readFile(join(out, locale, 'listing.txt'), 'utf8');
      expect(text).toContain(source.summary);
      expect(text).toContain(source.description.join('\n'));
    }
    expect(await readFile(join(out, 'PRIVACY.md'), 'utf8')).toBe(await readFile(join(PROJECT_ROOT, 'docs/PRIVACY.md'), 'utf8'));
  });
});
