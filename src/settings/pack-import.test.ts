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
    expect(packConflicts(packIdsOf(minimal.pack), bundled, [])).toEqual([]);
  });

  it('refuses a pack with the bundled pack id', () => {
    const problems = packConflicts({ id: BUNDLED_PACK_ID, entityIds: ['someone-new'] }, bundled, []);
    expect(problems).toEqual([expect.objectContaining({ path: 'id' })]);
    expect(problems[0]!.message).toMatch(/built into Hashiya/);
  });

  it('refuses a pack that reuses a bundled entity id to attach names to it', () => {
    const taken = bundled.entityIds[0]!;
    const problems = packConflicts({ id: 'my-pack', entityIds: ['mine', taken] }, bundled, []);
    expect(problems).toEqual([{ path: 'entities[1].id', message: expect.stringContaining(`"${taken}" belongs to the pack built into Hashiya`) as string }]);
  });

  it('refuses an entity id of another installed pack, but not of the pack it replaces', () => {
    const other: PackIds = { id: 'other-pack', entityIds: ['zenobia'] };
    expect(packConflicts({ id: 'my-pack', entityIds: ['zenobia'] }, bundled, [other])).toEqual([
      { path: 'entities[0].id', message: expect.stringContaining('installed pack "other-pack"') as string },
    ]);
    expect(packConflicts({ id: 'other-pack', entityIds: ['zenobia'] }, bundled, [other])).toEqual([]);
  });

  it('looks ids up in Maps: "constructor" and "__proto__" are ordinary keys here', () => {
    expect(packConflicts({ id: 'a', entityIds: ['constructor', '__proto__'] }, bundled, [])).toEqual([]);
    const owner: PackIds = { id: 'b', entityIds: ['constructor', '__proto__'] };
    expect(packConflicts({ id: 'a', entityIds: ['__proto__', 'constructor'] }, bundled, [owner]).map((p) => p.path)).toEqual(['entities[0].id', 'entities[1].id']);
  });
});

describe('checkPackFile', () => {
  const file = (text: string) => new Blob([text]);
  const text = readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8');

  it('offers a new pack to install, and one with an installed id as a replacement', async () => {
    expect(await checkPackFile(file(text), bundled, [])).toEqual({ pending: minimal.pack, replaces: false, errors: [] });
    expect(await checkPackFile(file(text), bundled, [minimal.pack])).toEqual({ pending: minimal.pack, replaces: true, errors: [] });
  });

  it('refuses the bundled id and a bundled entity id with a reason, offering nothing to install', async () => {
    const asBundled = await checkPackFile(file(text.replace('"fixture-minimal"', `"${BUNDLED_PACK_ID}"`)), bundled, []);
    expect(asBundled).toMatchObject({ pending: null, errors: [{ path: 'id' }] });
    const stealing = await checkPackFile(file(text.replaceAll('"fixture-putin"', '"vladimir-putin"')), bundled, []);
    expect(stealing).toMatchObject({ pending: null, errors: [{ path: 'entities[1].id' }] });
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
