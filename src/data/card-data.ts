// What a card shows for one entity, cut from a pack: the record itself, the article sentences
// that mention it (with the English of their paragraph, since the translation is aligned by
// paragraph), the quotes it spoke, and the names of the entities it is linked to. The background
// builds it on demand; the content script never holds the whole pack.
import type { Entity, EntityType, L10n, Pack, Quote } from './pack-schema';

/** One article sentence that mentions the entity. */
export interface CardSentence {
  readonly start: number;
  readonly end: number;
  /** The sentence as the article has it. */
  readonly ar: string;
  /** The English translation of the paragraph the sentence stands in. */
  readonly paragraphEn: string;
}

/** Another entity a relation points at: enough to show and follow the link. */
export interface CardLink {
  readonly id: string;
  readonly type: EntityType;
  readonly name: L10n;
}

export interface CardData {
  readonly packId: string;
  readonly entity: Entity;
  readonly sentences: readonly CardSentence[];
  readonly quotes: readonly Quote[];
  /** Every entity a relation of this one points at, by id. */
  readonly links: Readonly<Record<string, CardLink>>;
  readonly article: { readonly title: L10n; readonly date: string; readonly sources: Pack['article']['sources'] };
}

/** The card data of entity `id` in `pack`, or null when the pack has no such entity. */
export function cardDataFor(pack: Pack, id: string): CardData | null {
  const entity = pack.entities.find((e) => e.id === id);
  if (!entity) return null;
  const { text, paragraphs } = pack.article;
  const sentences = entity.mentions.map(({ start, end }) => ({
    start,
    end,
    ar: text.slice(start, end),
    paragraphEn: paragraphs.find((p) => p.start <= start && start < p.end)?.en ?? '',
  }));
  const links: Record<string, CardLink> = {};
  for (const { target } of entity.relations) {
    const other = pack.entities.find((e) => e.id === target);
    if (other) links[target] = { id: other.id, type: other.type, name: other.name };
  }
  return {
    packId: pack.id,
    entity,
    sentences,
    quotes: pack.quotes.filter((q) => q.speaker === id),
    links,
    article: { title: { ar: pack.article.title.ar, en: pack.article.title.en }, date: pack.article.date, sources: pack.article.sources },
  };
}
