// What a card shows for one entity, cut from a pack: the record itself, the article sentences
// that mention it (with their English: the translation is aligned by paragraph, and within a
// paragraph by sentence where both sides have as many), the quotes it spoke, and the names of the entities it is linked to. The background
// builds it on demand; the content script never holds the whole pack.
import { foldString, hasNameAsWords } from '../match/fold-table';
import type { Entity, EntityType, L10n, Pack, Quote } from './pack-schema';

/** One article sentence that mentions the entity. */
export interface CardSentence {
  readonly start: number;
  readonly end: number;
  /** The sentence as the article has it. */
  readonly ar: string;
  /**
   * The sentence's English: the translation of the same sentences (or bullet points) where its
   * paragraph is translated sentence by sentence — as many on both sides — else the paragraph's.
   */
  readonly paragraphEn: string;
}

/** Another entity a relation points at: enough to show and follow the link. */
export interface CardLink {
  readonly id: string;
  readonly type: EntityType;
  readonly name: L10n;
  /** Where it is, when it is a place with a point: the card's map frames the entity with it. */
  readonly coordinates?: { readonly lat: number; readonly lon: number };
}

/** A quote of the article on the card: said by the entity, or to it or naming it. */
export interface CardQuote extends Quote {
  /** True when the entity said it; false when it was said to the entity or names it. */
  readonly said: boolean;
  /** The speaker's names (and the outlet's it came through), to show without another request. */
  readonly speakerName: L10n;
  readonly viaName?: L10n;
}

export interface CardData {
  readonly packId: string;
  readonly entity: Entity;
  readonly sentences: readonly CardSentence[];
  /** The quotes it said, then those said to it or naming it, in article order each. */
  readonly quotes: readonly CardQuote[];
  /** Every entity the card links to (relations, events, an event's place and people), by id. */
  readonly links: Readonly<Record<string, CardLink>>;
  /** The events whose own relations name this entity (held there, taken part in, reported), in pack order. */
  readonly events: readonly string[];
  /**
   * For each of `entity.dates`, in their order: the event of that date the entity is linked with
   * (either way), so that the timeline leads to its card; null where there is none.
   */
  readonly dateEvents: readonly (string | null)[];
  /** For an event: where it took place, who took part and who told of it (ids in `links`). */
  readonly event?: EventParts;
  /** The story's article; its outlet and address, where the pack has them, are for citations. */
  readonly article: { readonly title: L10n; readonly date: string; readonly sources: Pack['article']['sources']; readonly language: 'ar' | 'en'; readonly outlet?: L10n; readonly url?: string };
  /**
   * When packs are linked (pack-links.ts): every story that holds the entity, this one first, each
   * with its own article, sentences and quotes.
   */
  readonly stories?: readonly StoryContext[];
}

/** An event's place, participants and those who told of it, each a list of entity ids. */
export interface EventParts {
  readonly places: readonly string[];
  readonly participants: readonly string[];
  readonly tellers: readonly string[];
}

/** Relations of an entity to an event that make it one of the event's participants. */
const TAKES_PART: ReadonlySet<string> = new Set(['participant', 'hosted', 'heads', 'received', 'overthrown-in', 'accompanied', 'met', 'visited']);
/** Relations of an entity to an event that make it one who told of it. */
const TELLS: ReadonlySet<string> = new Set(['reported', 'announced', 'spoke-about', 'quoted-by']);

/** One story's context for an entity: which pack, its article, and what it says of the entity. */
export type StoryContext = Pick<CardData, 'packId' | 'article' | 'sentences' | 'quotes'> & { readonly entityId: string };

/** The card data of entity `id` in `pack`, or null when the pack has no such entity. */
export function cardDataFor(pack: Pack, id: string): CardData | null {
  const entity = pack.entities.find((e) => e.id === id);
  if (!entity) return null;
  const { text, paragraphs } = pack.article;
  const sentences = entity.mentions.map(({ start, end }) => {
    const paragraph = paragraphs.find((p) => p.start <= start && start < p.end);
    return { start, end, ar: text.slice(start, end), paragraphEn: paragraph ? translationOf(text, paragraph, start, end) : '' };
  });
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  const links: Record<string, CardLink> = {};
  /** `ids` that name an entity of the pack, each once, with their links recorded. */
  const linked = (ids: Iterable<string>): string[] =>
    [...new Set(ids)].filter((target) => {
      const other = byId.get(target);
      if (other) links[target] = { id: other.id, type: other.type, name: other.name, ...(other.coordinates ? { coordinates: { lat: other.coordinates.lat, lon: other.coordinates.lon } } : {}) };
      return other !== undefined && target !== entity.id;
    });
  linked(entity.relations.map((r) => r.target));
  const events = linked(pack.entities.filter((e) => e.type === 'event' && e.relations.some((r) => r.target === entity.id)).map((e) => e.id));
  const eventsWith = new Set([...events, ...entity.relations.map((r) => r.target).filter((id) => byId.get(id)?.type === 'event')]);
  eventsWith.delete(entity.id);
  const dateEvents = entity.dates.map((d) => [...eventsWith].find((id) => byId.get(id)!.dates.some((other) => other.value === d.value)) ?? null);
  return {
    packId: pack.id,
    entity,
    sentences,
    quotes: quotesOf(pack, entity),
    links,
    events,
    dateEvents,
    ...(entity.type === 'event' ? { event: eventParts(pack, entity, linked) } : {}),
    article: {
      title: { ar: pack.article.title.ar, en: pack.article.title.en },
      date: pack.article.date,
      sources: pack.article.sources,
      language: pack.article.language ?? 'ar',
      ...(pack.article.outlet ? { outlet: { ar: pack.article.outlet.ar, en: pack.article.outlet.en } } : {}),
      ...(pack.article.url ? { url: pack.article.url } : {}),
    },
  };
}

/** An event's places (its own relations to places) and the entities that took part in it or told of it. */
function eventParts(pack: Pack, event: Entity, linked: (ids: Iterable<string>) => string[]): EventParts {
  const places = event.relations.filter((r) => pack.entities.some((e) => e.id === r.target && e.type === 'place')).map((r) => r.target);
  const by = (kinds: ReadonlySet<string>) =>
    pack.entities.filter((e) => e.relations.some((r) => r.target === event.id && kinds.has(r.type))).map((e) => e.id);
  return { places: linked(places), participants: linked(by(TAKES_PART)), tellers: linked(by(TELLS)) };
}

/**
 * The quotes of `entity`: those it said, then those said to it (audience) or whose words name it
 * (one of its Arabic names, folded as the engine folds, as a whole word).
 */
function quotesOf(pack: Pack, entity: Entity): CardQuote[] {
  const names = [entity.name.ar, ...entity.aliases.filter((a) => a.lang === 'ar').map((a) => a.text)];
  const nameOf = (id: string | undefined) => pack.entities.find((e) => e.id === id)?.name;
  const namesIn = (words: string) => {
    const folded = foldString(words);
    return names.some((name) => hasNameAsWords(folded, name));
  };
  const card = (q: Quote, said: boolean): CardQuote => {
    const via = nameOf(q.via);
    return { ...q, said, speakerName: nameOf(q.speaker) ?? { ar: q.speaker, en: q.speaker }, ...(via ? { viaName: via } : {}) };
  };
  const said = pack.quotes.filter((q) => q.speaker === entity.id);
  const about = pack.quotes.filter((q) => q.speaker !== entity.id && (q.audience === entity.id || namesIn(q.ar)));
  return [...said.map((q) => card(q, true)), ...about.map((q) => card(q, false))];
}

/** Where a sentence (or a bullet point: " - ") ends and the next begins. */
const SENTENCE_BREAK = /(?<=[.!?؟])\s+(?=\S)|\s+(?=- )/gu;

/** The [start, end) of each sentence of `text`, blank ones left out. */
function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  spans.push([start, text.length]);
  return spans.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/**
 * The English of article[start, end) in `paragraph`: the English sentences at the same places as
 * the Arabic ones it overlaps when both sides have as many sentences, else the whole paragraph's.
 */
function translationOf(article: string, paragraph: Pack['article']['paragraphs'][number], start: number, end: number): string {
  const ar = sentenceSpans(article.slice(paragraph.start, paragraph.end));
  const en = sentenceSpans(paragraph.en);
  if (ar.length !== en.length || ar.length < 2) return paragraph.en;
  const from = start - paragraph.start;
  const to = end - paragraph.start;
  const picked = en.filter((_, k) => ar[k]![0] < to && from < ar[k]![1]);
  return picked.length > 0 ? picked.map(([a, b]) => paragraph.en.slice(a, b)).join(' ') : paragraph.en;
}
