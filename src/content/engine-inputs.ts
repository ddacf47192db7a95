import { ext, ask } from '../ext';
import type { MatchData } from '../data/match-data';
import type { GetMatchTablesMessage, MatchTables } from '../messages';
import { loadImportedMatchData, MATCH_DATA_KEY } from '../settings/match-store';

// What the engine reads from the background as it starts, asked for by the loader (index.ts): in
// Firefox's top frame at once, while the page is still parsing (its engine runs before
// DOMContentLoaded); elsewhere together with the engine itself, or, by a frame within the page
// that sent its text for the background to look in (index.ts loadEngine), once it is injected. Asked for by the engine once it had
// started, their round trip through the background was one more wait between DOMContentLoaded and
// the first marks, behind the page's own tasks: 150-220 ms on yahoo-2 in Firefox.

/** The engine's inputs, as asked for. */
export interface EngineInputs {
  /**
   * The enabled imported packs' match data, and the words of the bundled pack's matcher (undefined
   * when the background did not give them): taken once, by the engine. Nothing here holds them
   * after that: the matcher's words (35 KB) are let go once the engine has decoded them.
   */
  take(): Promise<readonly [imported: readonly MatchData[], tables: MatchTables | undefined]>;
  /**
   * Whether the imported packs' match data has changed since they were asked for; called once, by
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
  let read: ReturnType<EngineInputs['take']> | null = Promise.all([loadImportedMatchData(), ask({ type: 'get-match-tables' } satisfies GetMatchTablesMessage)]);
  return {
    take() {
      if (!read) throw new Error('Hashiya: the engine inputs were taken already');
      const taken = read;
      read = null;
      return taken;
    },
    changedSince() {
      ext.storage.onChanged.removeListener(watch);
      return changed;
    },
  };
}
