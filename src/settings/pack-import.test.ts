import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundledPack from '../data/packs/sharaa-moscow-2025.json';
import { storedPackFrom } from './backup';
import { MAX_PACK_BYTES } from '../data/validate-pack';
import { checkPackFile, packConflicts, packIdsOf, type PackIds } from './pack-import';
import { BUNDLED_PACK_ID } from './settings';

const bundled: PackIds = { id: BUNDLED_PACK_ID, entityIds: bundledPack.entities.map((e) => e.id) };
const minimal = storedPackFrom(readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8'));
if (!minimal.ok) throw new Error('fixture pack refused');

describe('packConflicts', () => {
  it('accepts a pack whose ids are its own', () => {
    expect(packConflicts(packIdsOf(minimal.pack), bundled)).toEqual([]);
  });

  it('refuses a pack with the bundled pack id', () => {
    const problems = packConflicts({ id: BUNDLED_PACK_ID, entityIds: ['someone-new'] }, bundled);
    expect(problems).toEqual([expect.objectContaining({ path: 'id' })]);
    expect(problems[0]!.message).toMatch(/built into Hashiya/);
  });

  it('accepts entity ids of the bundled pack and of installed packs: every pack\'s are its own at run time', () => {
    expect(packConflicts({ id: 'my-pack', entityIds: ['mine', bundled.entityIds[0]!] }, bundled)).toEqual([]);
    expect(packConflicts({ id: 'my-pack', entityIds: ['constructor', '__proto__'] }, bundled)).toEqual([]);
  });
});

describe('checkPackFile', () => {
  const file = (text: string) => new Blob([text]);
  const text = readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8');

  it('offers a new pack to install, and one with an installed id as a replacement', async () => {
    expect(await checkPackFile(file(text), bundled, [])).toEqual({ pending: minimal.pack, replaces: false, errors: [] });
    expect(await checkPackFile(file(text), bundled, [minimal.pack])).toEqual({ pending: minimal.pack, replaces: true, errors: [] });
  });

  it('refuses the bundled id with a reason, offering nothing to install; takes a bundled entity id, which is its own', async () => {
    const asBundled = await checkPackFile(file(text.replace('"fixture-minimal"', `"${BUNDLED_PACK_ID}"`)), bundled, []);
    expect(asBundled).toMatchObject({ pending: null, errors: [{ path: 'id' }] });
    const sameId = await checkPackFile(file(text.replaceAll('"fixture-putin"', '"vladimir-putin"')), bundled, []);
    expect(sameId).toMatchObject({ pending: { id: 'fixture-minimal' }, errors: [] });
  });

  it('refuses a file over the size limit without reading it, and a deeply nested one with a clear message', async () => {
    const huge = { size: MAX_PACK_BYTES + 1, text: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await checkPackFile(huge, bundled, [])).toEqual({ pending: null, replaces: false, errors: [{ path: '', message: 'the file is larger than the 5 MB limit' }] });
    const deep = `{"format":"hashiya-pack","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await checkPackFile(file(deep), bundled, [])).toMatchObject({ pending: null, errors: [{ message: 'the pack is nested deeper than 32 levels' }] });
  });

  it('turns a file that cannot be read into a refusal, never an exception', async () => {
    const unreadable = { size: 10, text: () => Promise.reject(new Error('permission lost')) } as unknown as Blob;
    expect(await checkPackFile(unreadable, bundled, [])).toMatchObject({ pending: null, errors: [{ message: expect.stringContaining('permission lost') as string }] });
  });
});
