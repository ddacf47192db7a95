import { ext } from '../content/extension-api';
import { settingsFrom, storedFrom, type Settings, type SettingsReport } from './settings';

// Settings live in storage.sync as the differences from the defaults (see settings.ts). Every
// context reads them through here; each change reaches every open tab through storage.onChanged.

/** The reader's settings as stored now (defaults for whatever is missing or invalid). */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsReport()).settings;
}

/** The settings, the stored values that were invalid and fell back to their defaults, and the list entries left out. */
export async function loadSettingsReport(): Promise<SettingsReport> {
  return settingsFrom(await ext.storage.sync.get(null));
}

/** Stores `settings` as their differences from the defaults; keys no longer needed are removed. */
export async function saveSettings(settings: Settings): Promise<void> {
  const wanted = storedFrom(settings);
  const present = Object.keys(await ext.storage.sync.get(null));
  const stale = present.filter((key) => !(key in wanted));
  await ext.storage.sync.set(wanted);
  if (stale.length > 0) await ext.storage.sync.remove(stale);
}

/** Reads, changes and saves the settings in one step; returns the new settings. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/** Calls `listener` with the new settings whenever any of them changes; returns the unsubscriber. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(listener);
  };
  ext.storage.onChanged.addListener(handler);
  return () => ext.storage.onChanged.removeListener(handler);
}
