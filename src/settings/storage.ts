import { ext } from '../content/extension-api';
import { settingsFrom, type Settings } from './settings';

/** The reader's settings as stored now (defaults for whatever is missing or invalid). */
export async function loadSettings(): Promise<Settings> {
  return settingsFrom(await ext.storage.sync.get(null)).settings;
}

/** Calls `listener` with the new settings whenever any of them changes; returns the unsubscriber. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (_changes: unknown, area: string) => {
    if (area === 'sync') void loadSettings().then(listener);
  };
  ext.storage.onChanged.addListener(handler);
  return () => ext.storage.onChanged.removeListener(handler);
}
