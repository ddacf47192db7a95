import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { FakeArea } from '../../test/fixtures/fake-storage-area';

vi.hoisted(() => {
  (globalThis as { browser?: unknown }).browser = { storage: {} };
});
const { loadPacks, savePacks, touchesPacks } = await import('./packs-store');
const { storedPackFrom } = await import('./backup');

const stored = (name: string) => {
  const result = storedPackFrom(readFileSync(`test/fixtures/packs/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name} refused`);
  return result.pack;
};
const minimal = stored('minimal-valid');
const palmyra = stored('controls-palmyra');

describe('imported packs in storage.local', () => {
  it('are stored one key per pack, and a save writes only the pack that changed', async () => {
    const local = new FakeArea();
    await savePacks({ [minimal.id]: minimal }, local);
    expect([...local.data.keys()]).toEqual(['pack:fixture-minimal']);
    const set = vi.spyOn(local, 'set');
    await savePacks({ [minimal.id]: minimal, [palmyra.id]: palmyra }, local);
    expect(set).toHaveBeenCalledWith({ 'pack:fixture-palmyra': palmyra });
    expect(await loadPacks(local)).toEqual({ [minimal.id]: minimal, [palmyra.id]: palmyra });
    await savePacks({ [palmyra.id]: palmyra }, local);
    expect([...local.data.keys()]).toEqual(['pack:fixture-palmyra']);
  });

  it('read the earlier layout (every pack under "packs") and move it to one key per pack at the next save', async () => {
    const local = new FakeArea();
    await local.set({ packs: { [minimal.id]: minimal, [palmyra.id]: palmyra }, importedMatchData: [] });
    expect(await loadPacks(local)).toEqual({ [minimal.id]: minimal, [palmyra.id]: palmyra });
    await savePacks(await loadPacks(local), local);
    expect(local.snapshot()).toEqual({ 'pack:fixture-minimal': minimal, 'pack:fixture-palmyra': palmyra, importedMatchData: [] });
    expect(touchesPacks({ packs: {} })).toBe(true);
    expect(touchesPacks({ 'pack:x': {} })).toBe(true);
    expect(touchesPacks({ importedMatchData: [] })).toBe(false);
  });

  it('keep what was stored when a write fails', async () => {
    const local = new FakeArea();
    await savePacks({ [minimal.id]: minimal }, local);
    local.failNext = 1;
    await expect(savePacks({ [minimal.id]: minimal, [palmyra.id]: palmyra }, local)).rejects.toThrow('write failed');
    expect(await loadPacks(local)).toEqual({ [minimal.id]: minimal });
    // The set succeeds, the removal of the other pack fails: the new pack is taken back.
    const remove = vi.spyOn(local, 'remove').mockRejectedValueOnce(new Error('write failed'));
    await expect(savePacks({ [palmyra.id]: palmyra }, local)).rejects.toThrow('write failed');
    remove.mockRestore();
    expect(await loadPacks(local)).toEqual({ [minimal.id]: minimal });
  });

  it('look ids up in a Map: a stored pack under "constructor" is not confused with Object.prototype', async () => {
    const local = new FakeArea();
    expect(await loadPacks(local)).toEqual({});
    await local.set({ packs: { constructor: { ...minimal, id: 'constructor' } } });
    expect(Object.keys(await loadPacks(local))).toEqual(['constructor']);
  });
});
