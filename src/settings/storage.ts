import { ext } from '../ext';
import { SETTINGS_VERSION, storedVersion, type StoredValues } from './migrations';
import { loadPacks, savePacks, type StoredPack } from './packs-store';
import { SETTINGS_KEYS, settingsFrom, storedFrom, type Settings, type SettingsReport } from './settings';

// Settings live in storage.sync as the differences from the defaults (see settings.ts), one key
// per setting. Every context reads them through here; each change reaches every open tab through
// storage.onChanged. Writes are careful in three ways:
// - a save writes only the keys it changes, so two contexts (popup, options) changing different
//   settings do not overwrite each other, and within one context saves run one after another;
// - keys this version does not know (written by a newer version on another device) are kept, and
//   a newer version stamp is never lowered;
// - a failed write (storage.sync allows 8 KB an item, ~100 KB in all) rejects, after putting back
//   what it had written, so the caller can say so and keep showing the settings as stored.

/** The part of a storage area these functions use (storage.sync or storage.local, or a test double). */
export interface Area {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const sync = (): Area => ext.storage.sync;

// Read-modify-write steps of this context, one at a time.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Sets `items` and removes `removals` in `area`; if any of it fails, puts back what these keys
 * held before (as far as storage allows) and rejects with the failure.
 */
export async function writeOrRollBack(area: Area, items: Record<string, unknown>, removals: readonly string[]): Promise<void> {
  const keys = [...Object.keys(items), ...removals];
  if (keys.length === 0) return;
  const before = await area.get(keys);
  try {
    if (Object.keys(items).length > 0) await area.set(items);
    if (removals.length > 0) await area.remove([...removals]);
  } catch (error) {
    const absent = keys.filter((key) => !(key in before));
    await Promise.allSettled([area.set(before), absent.length > 0 ? area.remove(absent) : Promise.resolve()]);
    throw error;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The writes that take storage from `stored` to `settings`. When `previous` (the settings the
 * change was made from) is given, only keys that differ from it are written; stored values of an
 * older version are rewritten whole (they are migrated), and unknown keys are never touched.
 */
export function settingsWrites(stored: StoredValues, settings: Settings, previous?: Settings): { items: StoredValues; removals: string[] } {
  const wanted = storedFrom(settings);
  const version = storedVersion(stored);
  const whole = version < SETTINGS_VERSION || previous === undefined;
  const base: StoredValues = whole ? stored : storedFrom(previous);
  const items: StoredValues = {};
  const removals: string[] = [];
  for (const key of SETTINGS_KEYS) {
    if (key === 'version') continue;
    if (key in wanted) {
      if (!same(wanted[key], base[key]) || (whole && !same(wanted[key], stored[key]))) items[key] = wanted[key];
    } else if (key in stored) removals.push(key);
  }
  // Stamp the version only when it rises: a newer version's stamp stays (its values are kept too).
  if (version < SETTINGS_VERSION || !('version' in stored)) items.version = SETTINGS_VERSION;
  return { items, removals: whole ? removals : removals.filter((key) => key in base) };
}

/** The reader's settings as stored now (defaults for whatever is missing or invalid). */
export async function loadSettings(area: Area = sync()): Promise<Settings> {
  return (await loadSettingsReport(area)).settings;
}

/** The settings, the stored values that were invalid and fell back to their defaults, and the list entries left out. */
export async function loadSettingsReport(area: Area = sync()): Promise<SettingsReport> {
  return settingsFrom(await area.get(null));
}

/**
 * Stores `settings` as their differences from the defaults. `previous`, the settings the change
 * was made from, limits the write to what changed. Rejects (having written nothing) when storage
 * refuses the write.
 */
export function saveSettings(settings: Settings, previous?: Settings, area: Area = sync()): Promise<void> {
  return serial(async () => {
    const { items, removals } = settingsWrites(await area.get(null), settings, previous);
    await writeOrRollBack(area, items, removals);
  });
}

/** Reads, changes and saves the settings in one step (no other change of this context in between); returns the new settings. */
export function updateSettings(change: (settings: Settings) => Settings, area: Area = sync()): Promise<Settings> {
  return serial(async () => {
    const stored = await area.get(null);
    const current = settingsFrom(stored).settings;
    const next = change(current);
    const { items, removals } = settingsWrites(stored, next, current);
    await writeOrRollBack(area, items, removals);
    return next;
  });
}

/**
 * Replaces the settings and the imported packs with a backup's, all or nothing: the packs are
 * written first, then the settings in one step; if the settings cannot be written, the packs
 * are put back as they were and the promise rejects.
 */
export function applyBackup(settings: Settings, packs: Record<string, StoredPack>, area: Area = sync(), local?: Area): Promise<void> {
  return serial(async () => {
    const earlier = await loadPacks(local);
    await savePacks(packs, local);
    try {
      const { items, removals } = settingsWrites(await area.get(null), settings);
      await writeOrRollBack(area, items, removals);
    } catch (error) {
      await savePacks(earlier, local).catch(() => undefined);
      throw error;
    }
  });
}

/** Calls `listener` with the new settings whenever any of them changes; returns the unsubscriber. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(listener);
  };
  ext.storage.onChanged.addListener(handler);
  return () => ext.storage.onChanged.removeListener(handler);
}
