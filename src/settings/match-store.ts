import { ext } from '../ext';
import type { MatchData } from '../data/match-data';

// The names of the enabled imported packs, reduced by toMatchData, under one storage.local key.
// The background writes it whenever the packs or enabledPacks change; the content script reads
// only this key, so it never parses or validates a whole pack (its budget is 60 KB).

export const MATCH_DATA_KEY = 'importedMatchData';

/** The match data of every enabled imported pack ([] when none). */
export async function loadImportedMatchData(): Promise<MatchData[]> {
  const stored = await ext.storage.local.get(MATCH_DATA_KEY);
  const value = stored[MATCH_DATA_KEY];
  return Array.isArray(value) ? (value as MatchData[]) : [];
}

/** Stores `data` as the enabled imported packs' match data, unless it is what is stored already. */
export async function saveImportedMatchData(data: readonly MatchData[]): Promise<void> {
  const now = await loadImportedMatchData();
  if (JSON.stringify(now) !== JSON.stringify(data)) await ext.storage.local.set({ [MATCH_DATA_KEY]: data });
}

/** Calls `listener` with the new match data whenever the background changes it. */
export function onImportedMatchDataChanged(listener: (data: MatchData[]) => void): void {
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && MATCH_DATA_KEY in changes) void loadImportedMatchData().then(listener);
  });
}
