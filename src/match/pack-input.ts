// The bundled pack's names, cues and blockers as the matcher's input: every canonical name (both
// languages) and every alias is a name to find.

import type { Pack } from '../data/pack-schema';
import type { MatchInput } from './match-input';

/** Reduces a pack to what the matcher compiles. */
export function packInput(pack: Pack): MatchInput {
  return {
    entities: pack.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name.en,
      names: [{ text: e.name.ar }, { text: e.name.en }, ...e.aliases],
      cues: e.cues,
    })),
    blockers: pack.blockers.map((b) => ({ text: b.text, scope: b.scope, entities: b.entities })),
  };
}
