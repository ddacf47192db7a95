// Packs side by side. Each pack owns its entity ids: at run time (match data, a page's counts, the
// popup, card requests) an imported pack's entity is `PACK/ENTITY`, and the bundled pack's keeps its
// bare id, so no pack can add names to another's records or open another's card. The same real
// entity in several packs (a person in two stories) is linked by a shared identifier (`wikidata`):
// the linked entities are one entity on the page, under the id of the first pack that holds it
// (the bundled pack first, then the imported ones by id), and its card tells each story.

import { cardDataFor, type CardData, type CardLink, type StoryContext } from './card-data';
import { toMatchData, type MatchData } from './match-data';
import type { Pack } from './pack-schema';

/** The enabled packs, in the order that decides which pack's id a linked entity takes. */
export interface PackSet {
  /** The bundled pack's id (its entities keep their bare ids). */
  readonly bundledId: string;
  /** Every enabled pack, the bundled pack first when it is enabled, then the others by id. */
  readonly packs: readonly Pack[];
}

/**
 * The packs of `enabled` in the order that decides the run-time ids: `bundled` first when enabled,
 * then the others (valid packs, read from storage) by id.
 */
export function packSetOf(bundled: Pack, enabled: readonly string[], imported: readonly Pack[]): PackSet {
  const others = imported.filter((p) => p.id !== bundled.id && enabled.includes(p.id)).sort((a, b) => a.id.localeCompare(b.id));
  return { bundledId: bundled.id, packs: [...(enabled.includes(bundled.id) ? [bundled] : []), ...others] };
}

/** The run-time id of entity `entityId` of pack `packId`, before linking. */
export function scopedId(set: Pick<PackSet, 'bundledId'>, packId: string, entityId: string): string {
  return packId === set.bundledId ? entityId : `${packId}/${entityId}`;
}

/** Each entity's run-time id, by its scoped id: linked entities share the first one's. */
export function runtimeIds(set: PackSet): Map<string, string> {
  const first = new Map<string, string>(); // wikidata id → run-time id
  const out = new Map<string, string>();
  for (const pack of set.packs) {
    for (const entity of pack.entities) {
      const own = scopedId(set, pack.id, entity.id);
      const link = entity.wikidata;
      if (link !== undefined && !first.has(link)) first.set(link, own);
      out.set(own, link === undefined ? own : first.get(link)!);
    }
  }
  return out;
}

/**
 * The match data of the enabled imported packs, under run-time ids: an entity linked to one of an
 * earlier pack carries that entity's id, so the matcher merges their names into one entity. (The
 * bundled pack's own match data is compiled into the content script at build time, under its ids.)
 */
export function linkedMatchData(set: PackSet): MatchData[] {
  const ids = runtimeIds(set);
  return set.packs
    .filter((pack) => pack.id !== set.bundledId)
    .map((pack) => {
      const data = toMatchData(pack);
      const id = (entityId: string) => ids.get(scopedId(set, pack.id, entityId)) ?? scopedId(set, pack.id, entityId);
      return {
        ...data,
        entities: data.entities.map((e) => ({ ...e, id: id(e.id) })),
        blockers: data.blockers.map((b) => ({ ...b, entities: b.entities.map(id) })),
      };
    });
}

/**
 * The card data of the entity with run-time id `id`: the record of the first pack that holds it,
 * its links under run-time ids, and the context of every enabled pack that holds it (linked
 * entities included), story by story in pack order. Null when no enabled pack has it.
 */
export function linkedCardData(set: PackSet, id: string): CardData | null {
  const ids = runtimeIds(set);
  const holders: { pack: Pack; entityId: string }[] = [];
  for (const pack of set.packs) {
    for (const entity of pack.entities) if (ids.get(scopedId(set, pack.id, entity.id)) === id) holders.push({ pack, entityId: entity.id });
  }
  const [primary] = holders;
  if (!primary) return null;
  const data = cardDataFor(primary.pack, primary.entityId)!;
  const runtime = (packId: string, entityId: string) => ids.get(scopedId(set, packId, entityId)) ?? scopedId(set, packId, entityId);
  const links: Record<string, CardLink> = {};
  for (const [target, link] of Object.entries(data.links)) {
    const linked = runtime(primary.pack.id, target);
    links[linked] = { ...link, id: linked };
  }
  const ours = (target: string) => runtime(primary.pack.id, target);
  const entity = { ...data.entity, id, relations: data.entity.relations.map((r) => ({ ...r, target: ours(r.target) })) };
  const linkedIds = {
    events: data.events.map(ours),
    dateEvents: data.dateEvents.map((event) => (event === null ? null : ours(event))),
    ...(data.event ? { event: { places: data.event.places.map(ours), participants: data.event.participants.map(ours), tellers: data.event.tellers.map(ours) } } : {}),
  };
  const stories: StoryContext[] = holders.map(({ pack, entityId }) => {
    const story = pack === primary.pack ? data : cardDataFor(pack, entityId)!;
    return { packId: pack.id, entityId, article: story.article, sentences: story.sentences, quotes: story.quotes };
  });
  return holders.length > 1 ? { ...data, ...linkedIds, entity, links, stories } : { ...data, ...linkedIds, entity, links };
}
