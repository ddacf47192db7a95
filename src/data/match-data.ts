/**
 * The part of a pack the content script needs to find names on a page: ids, types, names with
 * their ambiguity flags, cues and blockers. Everything a card shows (summaries, quotes, dates,
 * offsets, reasons) stays in the pack, which only the card side loads. The content script ships
 * inside a 60 KB budget, so this slice is kept as small as the engine allows.
 */
import type { MatchBlocker, MatchEntity, MatchInput, MatchName } from '../match/match-input';
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
    blockers: pack.blockers.map(({ text, scope, entities, context }) => (context ? { text, scope, entities, context } : { text, scope, entities })),
  };
}

function toMatchName(alias: Alias): MatchName {
  return {
    text: alias.text,
    ...(alias.ambiguity ? { ambiguity: alias.ambiguity } : {}),
    ...(alias.caseSensitive ? { caseSensitive: true as const } : {}),
  };
}

/**
 * Match data in the form the build embeds in the content script: a name without flags is its
 * bare text, and consecutive blockers that block the same way share one record. About 40 % of
 * the JSON, the rest is names.
 */
export interface CompactMatchData {
  readonly packId: string;
  readonly entities: readonly (Omit<MatchEntity, 'names'> & { readonly names: readonly (string | MatchName)[] })[];
  readonly blockers: readonly {
    readonly scope: MatchBlocker['scope'];
    readonly entities: readonly string[];
    readonly texts: readonly string[];
    readonly context?: readonly string[];
  }[];
}

/** The compact form of `data` (at build time). */
export function compactMatchData(data: MatchData): CompactMatchData {
  const blockers: { scope: MatchBlocker['scope']; entities: readonly string[]; texts: string[]; context?: readonly string[] }[] = [];
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => (a ?? []).join('\n') === (b ?? []).join('\n');
  for (const b of data.blockers) {
    const last = blockers.at(-1);
    if (last && last.scope === b.scope && same(last.entities, b.entities) && same(last.context, b.context)) last.texts.push(b.text);
    else blockers.push({ scope: b.scope, entities: b.entities, texts: [b.text], ...(b.context ? { context: b.context } : {}) });
  }
  return {
    packId: data.packId,
    entities: data.entities.map((e) => ({ ...e, names: e.names.map((n) => (Object.keys(n).length === 1 ? n.text : n)) })),
    blockers,
  };
}

/** The match data a compact form stands for, in its original order. */
export function expandMatchData(compact: CompactMatchData): MatchData {
  return {
    packId: compact.packId,
    entities: compact.entities.map((e) => ({ ...e, names: e.names.map((n) => (typeof n === 'string' ? { text: n } : n)) })),
    blockers: compact.blockers.flatMap(({ scope, entities, texts, context }) => texts.map((text) => (context ? { text, scope, entities, context } : { text, scope, entities }))),
  };
}
