import type { EncodedTables } from '../match/table-encoding';
import { precompiledMatcher, type PageMatcher } from '../match/matcher';
import { BUNDLED_PACK_ID } from '../settings/settings';

// Whether a frame's text (messages.ts LoadEngineMessage) may hold a name to mark: if not, the
// frame gets no engine. Looked up with the bundled pack's matcher, decoded here once for all
// frames; with imported packs in use the answer is yes (the frame's engine compiles them).

/** Answers for the text of a frame, under the packs enabled. */
export function frameNames(tables: EncodedTables): (text: string, enabledPacks: readonly string[]) => boolean {
  let matcher: PageMatcher | undefined;
  return (text, enabledPacks) => {
    if (enabledPacks.length !== 1 || enabledPacks[0] !== BUNDLED_PACK_ID) return true;
    matcher ??= precompiledMatcher(tables);
    return matcher.scan(text).count > 0;
  };
}
