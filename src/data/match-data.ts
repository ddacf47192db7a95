/**
 * The part of a pack the content script needs to find names on a page: ids, types, names with
 * their ambiguity flags, cues and blockers. Everything a card shows (summaries, quotes, dates,
 * offsets, reasons) stays in the pack, which only the card side loads. The content script ships
 * inside a 60 KB budget, so this slice is kept as small as the engine allows.
 */
import type { MatchEntity, MatchInput, MatchName } from '../match/match-input';
import type { Alias, Pack } from './pack-schema';

/** What the engine compiles (its own input type), labelled with the pack it comes from. */
export interface MatchData extends MatchInput {
  readonly packId: string;
}

/** Extracts exactly what the matching engine compiles from a validated pack. */
export function toMatchData(pack: Pack): MatchData {
  return {
    packId: pack.id,
    entities: pack.entities.map((entity) => {
      const names = new Map<string, MatchName>();
      // Canonical names first; an alias with the same text then replaces it, bringing its flags.
      for (const text of [entity.name.ar, entity.name.en]) names.set(text, { text });
      for (const alias of entity.aliases) names.set(alias.text, toMatchName(alias));
      const out: MatchEntity = { id: entity.id, type: entity.type, name: entity.name.en, names: [...names.values()] };
      return entity.cues ? { ...out, cues: entity.cues } : out;
    }),
    blockers: pack.blockers.map(({ text, scope, entities }) => ({ text, scope, entities })),
  };
}

function toMatchName(alias: Alias): MatchName {
  return {
    text: alias.text,
    ...(alias.ambiguity ? { ambiguity: alias.ambiguity } : {}),
    ...(alias.caseSensitive ? { caseSensitive: true as const } : {}),
  };
}
