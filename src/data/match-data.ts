/**
 * The part of a pack the content script needs to find names on a page: ids, types, names with
 * their ambiguity flags, cues and blockers. Everything a card shows (summaries, quotes, dates,
 * offsets, reasons) stays in the pack, which only the card side loads. The content script ships
 * inside a 60 KB budget, so this slice is kept as small as the engine allows.
 */
import type { Alias, Blocker, Entity, EntityType, Pack } from './pack-schema';

/** One name to match: canonical names carry no flags unless an alias of the same text adds them. */
export interface MatchName {
  readonly text: string;
  readonly lang: Alias['lang'];
  readonly ambiguity?: NonNullable<Alias['ambiguity']>;
  readonly caseSensitive?: true;
}

export interface MatchEntity {
  readonly id: string;
  readonly type: EntityType;
  /** English canonical name, for lists and badges on the page side. */
  readonly name: string;
  readonly names: readonly MatchName[];
  readonly cues?: Entity['cues'];
}

export type MatchBlocker = Pick<Blocker, 'text' | 'lang' | 'scope' | 'entities'>;

export interface MatchData {
  readonly packId: string;
  readonly entities: readonly MatchEntity[];
  readonly blockers: readonly MatchBlocker[];
}

const ARABIC = /[\u0600-\u06FF]/;

/** Extracts exactly what the matching engine compiles from a validated pack. */
export function toMatchData(pack: Pack): MatchData {
  return {
    packId: pack.id,
    entities: pack.entities.map((entity) => {
      const names = new Map<string, MatchName>();
      // Canonical names first; an alias with the same text then replaces it, bringing its flags.
      for (const text of [entity.name.ar, entity.name.en]) names.set(text, { text, lang: ARABIC.test(text) ? 'ar' : 'en' });
      for (const alias of entity.aliases) names.set(alias.text, toMatchName(alias));
      const out: MatchEntity = { id: entity.id, type: entity.type, name: entity.name.en, names: [...names.values()] };
      return entity.cues ? { ...out, cues: entity.cues } : out;
    }),
    blockers: pack.blockers.map(({ text, lang, scope, entities }) => ({ text, lang, scope, entities })),
  };
}

function toMatchName(alias: Alias): MatchName {
  return {
    text: alias.text,
    lang: alias.lang,
    ...(alias.ambiguity ? { ambiguity: alias.ambiguity } : {}),
    ...(alias.caseSensitive ? { caseSensitive: true as const } : {}),
  };
}
