import type { EncodedTables } from '../match/table-encoding';
import { precompiledMatcher, type PageMatcher } from '../match/matcher';
import { resolve } from '../match/resolve';
import { BUNDLED_PACK_ID } from '../settings/settings';

// Whether the engine would mark a name in a frame's text (messages.ts LoadEngineMessage: its
// blocks, as the engine reads them): if not, the frame gets no engine. Decided with the bundled
// pack's matcher, decoded here once for all frames, and the story's rules as the engine applies
// them (match/resolve.ts), the frame's blocks read as one document: a page whose only candidates
// the rules turn down (الشرع among the jurists' words, a needs-evidence name with none) gets no
// engine either. With imported packs in use the answer is yes (the frame's engine compiles them).

/** Answers for the blocks of a frame, under the packs enabled. */
export function frameNames(tables: EncodedTables): (blocks: readonly string[], enabledPacks: readonly string[]) => boolean {
  let matcher: PageMatcher | undefined;
  return (blocks, enabledPacks) => {
    if (enabledPacks.length !== 1 || enabledPacks[0] !== BUNDLED_PACK_ID) return true;
    matcher ??= precompiledMatcher(tables);
    const scans = blocks.map((text) => matcher!.scan(text));
    // Most frames hold no candidate at all: no decision to make.
    if (scans.every((scan) => scan.count === 0)) return false;
    return resolve(scans).some((mentions) => mentions.length > 0);
  };
}
