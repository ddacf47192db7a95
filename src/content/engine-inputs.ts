import { ext, ask } from '../ext';
import type { MatchData } from '../data/match-data';
import type { GetMatchTablesMessage, MatchTables } from '../messages';
import { loadImportedMatchData, MATCH_DATA_KEY } from '../settings/match-store';

// What the engine reads from the background as it starts, asked for by the loader (index.ts): in
// the top frame as soon as it knows Hashiya is on there, while the page is still parsing; in a
// frame within the page together with the engine itself. Asked for by the engine once it had
// started, their round trip through the background was one more wait between DOMContentLoaded and
// the first marks, behind the page's own tasks: 150-220 ms on yahoo-2 in Firefox.

/** The engine's inputs, as asked for. */
export interface EngineInputs {
  /**
   * The enabled imported packs' match data, and the words of the bundled pack's matcher (undefined
   * when the background did not give them).
   */
  readonly read: Promise<readonly [imported: readonly MatchData[], tables: MatchTables | undefined]>;
  /**
   * Whether the imported packs' match data has changed since `read` asked for it; called once, by
   * the engine, once it follows the changes itself (it stops the watch).
   */
  changedSince(): boolean;
}

/** Asks for the engine's inputs, and watches for a change of the imported packs until the engine does. */
export function askEngineInputs(): EngineInputs {
  let changed = false;
  const watch = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && MATCH_DATA_KEY in changes) changed = true;
  };
  ext.storage.onChanged.addListener(watch);
  return {
    read: Promise.all([loadImportedMatchData(), ask({ type: 'get-match-tables' } satisfies GetMatchTablesMessage)]),
    changedSince() {
      ext.storage.onChanged.removeListener(watch);
      return changed;
    },
  };
}
