import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runValidate } from './validate';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const BUNDLED = here('../data/packs/sharaa-moscow-2025.json');
const FIXTURES = here('../../test/fixtures/packs/');

async function run(files: string[], read: (file: string) => Promise<Uint8Array> = (file) => readFile(file)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate(files, { readBytes: read, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('validate CLI', () => {
  it('exits 0 and counts entities when every file is valid', async () => {
    const { code, out } = await run([BUNDLED, `${FIXTURES}minimal-valid.json`]);
    expect(code).toBe(0);
    expect(out).toEqual([`${BUNDLED}: valid (29 entities)`, `${FIXTURES}minimal-valid.json: valid (2 entities)`]);
  });

  it('exits 1 and prints every error as FILE: path: message', async () => {
    const file = `${FIXTURES}markup.json`;
    const { code, out } = await run([BUNDLED, file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file}: entities[1].name.en: text may not contain HTML markup (<…>)`);
    expect(out).toContain(`${file}: entities[0].summary.en: text may not contain the control character U+0007`);
  });

  it('prints pack-wide errors without a path', async () => {
    const file = `${FIXTURES}not-json.json`;
    const { code, out } = await run([file]);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^${file}: not JSON \\(line 8`));
  });

  it('exits 2 when a file is missing, a directory or not UTF-8, and still checks the others', async () => {
    const { code, out, err } = await run([`${FIXTURES}nope.json`, FIXTURES, BUNDLED, 'latin1.json'], async (file) =>
      file === 'latin1.json' ? new Uint8Array([0x7b, 0xe9, 0x7d]) : readFile(file),
    );
    expect(code).toBe(2);
    expect(err).toEqual([
      `${FIXTURES}nope.json: cannot read: no such file`,
      `${FIXTURES}: cannot read: is a directory`,
      'latin1.json: cannot read: not UTF-8 text',
    ]);
    expect(out).toEqual([`${BUNDLED}: valid (29 entities)`]);
  });

  it('exits 2 with a usage line when given no file', async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^usage:/);
  });
});
