import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeArea, SYNC_QUOTA } from '../../test/fixtures/fake-storage-area';

// storage.ts reaches the browser through `browser`; here it only needs to exist, every call
// below hands its own fake area.
vi.hoisted(() => {
  (globalThis as { browser?: unknown }).browser = { storage: {} };
});
const { applyBackup, loadSettings, saveSettings, updateSettings } = await import('./storage');
const { storedPackFrom } = await import('./backup');
const { loadPacks, savePacks } = await import('./packs-store');
const { DEFAULT_SETTINGS, SETTINGS_VERSION } = await import('./settings');

let sync: FakeArea;
let local: FakeArea;
beforeEach(() => {
  sync = new FakeArea(SYNC_QUOTA);
  local = new FakeArea();
});

const pack = (() => {
  const result = storedPackFrom(readFileSync('test/fixtures/packs/minimal-valid.json', 'utf8'));
  if (!result.ok) throw new Error('fixture pack refused');
  return result.pack;
})();

describe('a settings import (backup)', () => {
  it('writes the packs and the settings', async () => {
    await applyBackup({ ...DEFAULT_SETTINGS, theme: 'dark' }, { [pack.id]: pack }, sync, local);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'dark' });
    expect(Object.keys(await loadPacks(local))).toEqual([pack.id]);
  });

  it('is all or nothing: when the settings cannot be written, the packs are put back and the settings are unchanged', async () => {
    await sync.set({ version: SETTINGS_VERSION, theme: 'light', hoverDelay: 800 });
    await savePacks({}, local);
    sync.failNext = 1;
    const imported = { ...DEFAULT_SETTINGS, theme: 'dark' as const, enabledPacks: [pack.id] };
    await expect(applyBackup(imported, { [pack.id]: pack }, sync, local)).rejects.toThrow('write failed');
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'light', hoverDelay: 800 });
    expect(await loadPacks(local)).toEqual({});
  });

  it('is all or nothing when the settings are over the sync quota', async () => {
    await sync.set({ version: SETTINGS_VERSION, theme: 'light' });
    const sites = Array.from({ length: 500 }, (_, i) => `${'a'.repeat(60)}-${i}.example.com`);
    await expect(applyBackup({ ...DEFAULT_SETTINGS, theme: 'dark', disabledSites: sites }, { [pack.id]: pack }, sync, local)).rejects.toThrow(/QUOTA/);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'light' });
    expect(await loadPacks(local)).toEqual({});
  });
});

describe('saving settings', () => {
  it('keeps the keys of a newer version and does not lower its version stamp', async () => {
    await sync.set({ version: SETTINGS_VERSION + 1, theme: 'light', futureSetting: { on: true } });
    const current = await loadSettings(sync);
    await saveSettings({ ...current, hoverDelay: 800 }, current, sync);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION + 1, theme: 'light', hoverDelay: 800, futureSetting: { on: true } });
    await updateSettings((s) => ({ ...s, theme: 'auto' }), sync);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION + 1, hoverDelay: 800, futureSetting: { on: true } });
  });

  it('serialises two quick changes of one context: neither overwrites the other', async () => {
    await Promise.all([updateSettings((s) => ({ ...s, theme: 'dark' }), sync), updateSettings((s) => ({ ...s, hoverDelay: 800 }), sync)]);
    expect(await loadSettings(sync)).toMatchObject({ theme: 'dark', hoverDelay: 800 });
  });

  it('writes only the keys it changes, so another context\'s change to a different key survives', async () => {
    await sync.set({ version: SETTINGS_VERSION });
    const seenByOptions = await loadSettings(sync);
    // Meanwhile the popup switches Hashiya off.
    await updateSettings((s) => ({ ...s, enabled: false }), sync);
    // The options page, not yet told, changes the theme from what it saw.
    await saveSettings({ ...seenByOptions, theme: 'dark' }, seenByOptions, sync);
    expect(await loadSettings(sync)).toMatchObject({ enabled: false, theme: 'dark' });
  });

  it('rewrites stored values of an older version whole, so they are stored migrated', async () => {
    await sync.set({ disabledSites: ['  News.Example.COM '], hoverDelay: 500 });
    await updateSettings((s) => ({ ...s, theme: 'dark' }), sync);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, disabledSites: ['news.example.com'], hoverDelay: 500, theme: 'dark' });
  });

  it('rejects a failed write and leaves what was stored', async () => {
    await sync.set({ version: SETTINGS_VERSION, theme: 'light' });
    sync.failNext = 1;
    await expect(updateSettings((s) => ({ ...s, theme: 'dark', enabled: false }), sync)).rejects.toThrow('write failed');
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'light' });
    // The queue goes on after a failure.
    await updateSettings((s) => ({ ...s, enabled: false }), sync);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'light', enabled: false });
  });

  it('puts back what it set when the removal that follows fails', async () => {
    await sync.set({ version: SETTINGS_VERSION, theme: 'light', enabled: false });
    const current = await loadSettings(sync);
    const writes = sync.writes;
    // theme back to its default (a removal) and hoverDelay set: set succeeds, remove fails.
    const failing = vi.spyOn(sync, 'remove').mockRejectedValueOnce(new Error('write failed'));
    await expect(saveSettings({ ...current, theme: 'auto', hoverDelay: 800 }, current, sync)).rejects.toThrow('write failed');
    failing.mockRestore();
    expect(sync.writes).toBeGreaterThan(writes);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, theme: 'light', enabled: false });
  });
});

describe('saving all settings (no previous settings given)', () => {
  it('also clears stored values that were invalid, but still keeps a newer version\'s keys', async () => {
    await sync.set({ version: SETTINGS_VERSION, theme: 'light', marks: { person: { style: 'wavy', colour: 'not-a-colour' } }, futureSetting: 1 });
    await saveSettings(DEFAULT_SETTINGS, undefined, sync);
    expect(sync.snapshot()).toEqual({ version: SETTINGS_VERSION, futureSetting: 1 });
  });
});
