/**
 * The "hashiya-pack" format, version 1: the contract between a dataset (the bundled pack or one a
 * reader imports) and the matching engine and card. Written once here with valibot; the TypeScript
 * types, the validator and the JSON Schema in docs/ all derive from it.
 *
 * Checks that need the whole pack (ids that must exist, offsets inside article.text, quotes equal to
 * their slice of the text, markup in strings) live in validate-pack.ts, not here.
 */
import * as v from 'valibot';

/** The `format` value every pack carries. */
export const PACK_FORMAT = 'hashiya-pack';
/** The only pack version this Hashiya understands. */
export const PACK_VERSION = 1;

/** kebab-case ASCII id: lower-case letters and digits joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_VALUE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'an id is kebab-case: lower-case letters and digits joined by "-"'),
  v.description('Stable kebab-case identifier, e.g. "ahmad-al-sharaa".'),
);

const EntityRefSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'an entity reference is a kebab-case entity id'),
  v.description('The id of an entity of this pack.'),
);

const NonEmptyText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

const OffsetSchema = v.pipe(
  v.number(),
  v.integer('an offset is a whole number'),
  v.minValue(0, 'an offset is not negative'),
  v.description('UTF-16 code-unit offset into article.text.'),
);

/** Localised text: the same content in Arabic and in English. */
export const L10nSchema = v.pipe(
  v.object({
    ar: v.pipe(NonEmptyText, v.description('Arabic text.')),
    en: v.pipe(NonEmptyText, v.description('English text.')),
  }),
  v.description('The same text in Arabic (ar) and English (en).'),
);

const ArticleProvenanceSchema = v.pipe(
  v.object({
    kind: v.literal('article'),
    start: v.pipe(OffsetSchema, v.description('Start of the supporting sentence in article.text.')),
    end: v.pipe(OffsetSchema, v.description('End (exclusive) of the supporting sentence.')),
  }),
  v.description('The fact is stated in the article, in the sentence at [start, end).'),
);

const AddedProvenanceSchema = v.pipe(
  v.object({
    kind: v.literal('added'),
    source: v.pipe(
      NonEmptyText,
      v.description('Where the added fact comes from, e.g. "GeoNames gazetteer", "standard transliteration".'),
    ),
  }),
  v.description('The fact is not in the article; it was added from the named source.'),
);

/** Where a fact comes from: a sentence of the article, or an outside source that is named. */
export const ProvenanceSchema = v.pipe(
  v.variant('kind', [ArticleProvenanceSchema, AddedProvenanceSchema]),
  v.description('Where a fact comes from: a sentence of the article or a named outside source.'),
);

const L10nWithProvenanceSchema = v.object({
  ...L10nSchema.entries,
  provenance: ProvenanceSchema,
});

/** Offsets [start, end) of a stretch of article.text. */
export const SpanSchema = v.pipe(
  v.object({
    start: v.pipe(OffsetSchema, v.description('Start offset in article.text.')),
    end: v.pipe(OffsetSchema, v.description('End offset (exclusive) in article.text.')),
  }),
  v.description('A stretch [start, end) of article.text.'),
);

export const PRECISIONS = ['day', 'month', 'early-month', 'mid-month', 'end-month', 'year'] as const;

/** A date as precise as the article makes it. */
export const DateRefSchema = v.pipe(
  v.object({
    value: v.pipe(
      v.string(),
      v.regex(DATE_VALUE_PATTERN, 'a date value is YYYY-MM-DD, YYYY-MM or YYYY'),
      v.description('YYYY-MM-DD for "day", YYYY-MM for the month precisions, YYYY for "year".'),
    ),
    precision: v.pipe(
      v.picklist(PRECISIONS),
      v.description('How precise the date is: a day, a month, its early/mid/end part, or a year.'),
    ),
  }),
  v.description('A date and how precise it is.'),
);

const EntityDateSchema = v.pipe(
  v.object({
    ...DateRefSchema.entries,
    label: v.pipe(L10nSchema, v.description('What happened on that date, in both languages.')),
    provenance: ProvenanceSchema,
  }),
  v.description('A dated fact about the entity, shown on its timeline.'),
);

export const ALIAS_KINDS = [
  'full',
  'short',
  'official',
  'transliteration',
  'misspelling',
  'handle',
  'acronym',
] as const;

export const AMBIGUITIES = ['needs-evidence', 'unless-blocked'] as const;

/** One more name the entity is found by. */
export const AliasSchema = v.pipe(
  v.object({
    text: v.pipe(
      NonEmptyText,
      v.description('The name as written, without attached proclitics (و ب ل ك ف); the engine folds case, diacritics and letter forms.'),
    ),
    lang: v.pipe(v.picklist(['ar', 'en']), v.description('Script/language of the name.')),
    kind: v.pipe(v.picklist(ALIAS_KINDS), v.description('What sort of name this is.')),
    ambiguity: v.pipe(
      v.optional(v.picklist(AMBIGUITIES)),
      v.description(
        'Absent: always marked. "needs-evidence": the common meaning of the word dominates; marked only next to a cue or when the document also has an unambiguous mention. "unless-blocked": the story sense dominates; marked unless a blocker covers it.',
      ),
    ),
    caseSensitive: v.pipe(
      v.optional(v.boolean()),
      v.description('true for acronyms that clash with ordinary words in other cases (SANA vs Sana).'),
    ),
    provenance: v.pipe(
      v.optional(ProvenanceSchema),
      v.description('Where the name comes from when the article does not use it (e.g. a transliteration).'),
    ),
  }),
  v.description('A further name of the entity.'),
);

export const ENTITY_TYPES = ['person', 'place', 'organisation', 'event'] as const;

export const RELATION_TYPES = [
  'met',
  'accompanied',
  'heads',
  'part-of',
  'located-in',
  'spoke-about',
  'quoted-by',
  'reported',
  'hosted',
  'member-of',
  'visited',
  'overthrown-in',
  'participant',
  'received',
  'congratulated',
  'announced',
  'counterpart-of',
] as const;

const RelationSchema = v.pipe(
  v.object({
    type: v.pipe(v.picklist(RELATION_TYPES), v.description('The kind of link, read "entity TYPE target".')),
    target: EntityRefSchema,
    provenance: ProvenanceSchema,
  }),
  v.description('A typed, directed link from this entity to another.'),
);

const CuesSchema = v.pipe(
  v.object({
    before: v.pipe(v.optional(v.array(NonEmptyText)), v.description('Words that confirm the name when they stand right before it.')),
    after: v.pipe(v.optional(v.array(NonEmptyText)), v.description('Words that confirm the name when they stand right after it.')),
    against: v.pipe(
      v.optional(v.array(NonEmptyText)),
      v.description('Words of the name\'s other senses (زأر for the lion, الفقهاء for the law): one of them at a word start in the mention\'s sentence says the name is not this entity there, unless a cue stands right next to it.'),
    ),
  }),
  v.description('Words that, right next to a needs-evidence alias, confirm that it means this entity.'),
);

const CoordinatesSchema = v.pipe(
  v.object({
    lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90), v.description('Latitude in degrees (WGS 84).')),
    lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180), v.description('Longitude in degrees (WGS 84).')),
    provenance: ProvenanceSchema,
  }),
  v.description('Where a place is, for the card map.'),
);

/** A person, place, organisation or event of the story. */
export const EntitySchema = v.pipe(
  v.object({
    id: IdSchema,
    type: v.pipe(v.picklist(ENTITY_TYPES), v.description('person, place, organisation or event.')),
    name: v.pipe(L10nSchema, v.description('Canonical names; both are also matched.')),
    aliases: v.pipe(v.array(AliasSchema), v.description('Every other name a reader meets.')),
    cues: v.optional(CuesSchema),
    role: v.pipe(v.nullable(L10nWithProvenanceSchema), v.description('Role or title in the story, or null.')),
    summary: v.pipe(
      v.object({
        ...L10nSchema.entries,
        provenance: v.pipe(
          v.array(ProvenanceSchema),
          v.minLength(1, 'a summary names at least one source'),
          v.description('Where each fact of the summary comes from.'),
        ),
      }),
      v.description('Who or what this is, in both languages.'),
    ),
    mentions: v.pipe(v.array(SpanSchema), v.description('The sentences of article.text that mention the entity.')),
    relations: v.pipe(v.array(RelationSchema), v.description('Typed links to other entities of the pack.')),
    dates: v.pipe(v.array(EntityDateSchema), v.description('Dated facts for the card timeline.')),
    coordinates: v.optional(CoordinatesSchema),
    wikidata: v.pipe(
      v.optional(v.pipe(v.string(), v.regex(/^Q[1-9][0-9]{0,11}$/, 'a Wikidata id is Q and a number, e.g. Q44461'))),
      v.description('The Wikidata item of the entity (its id as text, never fetched): entities of several packs with the same one are the same entity, marked once, their card telling each story.'),
    ),
  }),
  v.description('A person, place, organisation or event of the story.'),
);

/** A quotation of the article: the words inside the quotation marks. */
export const QuoteSchema = v.pipe(
  v.object({
    id: IdSchema,
    speaker: v.pipe(EntityRefSchema, v.description('Who said or wrote the words.')),
    audience: v.pipe(v.optional(EntityRefSchema), v.description('Who they were said to.')),
    place: v.pipe(v.optional(EntityRefSchema), v.description('Where they were said.')),
    via: v.pipe(v.optional(EntityRefSchema), v.description('The outlet the article quotes them through.')),
    attribution: v.pipe(
      v.optional(L10nSchema),
      v.description('How the article attributes the words, e.g. "a Syrian government source who asked not to be named, as quoted by AFP"; needed when the speaker is unnamed and `speaker` is the outlet.'),
    ),
    indirect: v.pipe(
      v.optional(v.boolean()),
      v.description('true for reported speech the article gives without quotation marks.'),
    ),
    date: DateRefSchema,
    start: v.pipe(OffsetSchema, v.description('Start of the quoted Arabic words in article.text.')),
    end: v.pipe(OffsetSchema, v.description('End (exclusive) of the quoted Arabic words.')),
    ar: v.pipe(NonEmptyText, v.description('The quoted words, exactly article.text.slice(start, end).')),
    en: v.pipe(NonEmptyText, v.description('English translation.')),
  }),
  v.description('A quotation of the article.'),
);

/** A phrase that contains a name but means something else. */
export const BlockerSchema = v.pipe(
  v.object({
    text: v.pipe(NonEmptyText, v.description('The phrase, matched like a name.')),
    lang: v.pipe(v.picklist(['ar', 'en']), v.description('Script/language of the phrase.')),
    reason: v.pipe(L10nSchema, v.description('Why the phrase is not the entity.')),
    scope: v.pipe(
      v.picklist(['span', 'document']),
      v.description('"span": the phrase swallows the name inside it. "document": if the phrase occurs anywhere, the ambiguous aliases of the listed entities are not marked in that document.'),
    ),
    entities: v.pipe(
      v.array(EntityRefSchema),
      v.minLength(1, 'a blocker names at least one entity'),
      v.description('The entities whose names the phrase blocks.'),
    ),
    context: v.pipe(
      v.optional(v.pipe(v.array(NonEmptyText), v.minLength(1, 'a context lists at least one word'))),
      v.description('Words one of which must stand (at a word start) in the phrase\'s sentence for it to block: the vaccine\'s words for "سبوتنيك في". Elsewhere the names inside the phrase are read as usual. Absent: the phrase always blocks.'),
    ),
  }),
  v.description('A phrase that contains a name of an entity but means something else.'),
);

const ArticleSchema = v.pipe(
  v.object({
    title: v.pipe(L10nWithProvenanceSchema, v.description('Headline, in both languages.')),
    date: v.pipe(v.string(), v.isoDate('the article date is YYYY-MM-DD'), v.description('Publication date.')),
    language: v.pipe(v.optional(v.picklist(['ar', 'en'])), v.description('The language of article.text; absent: Arabic.')),
    outlet: v.pipe(v.optional(L10nSchema), v.description('The outlet that published the article, in both languages.')),
    url: v.pipe(
      v.optional(v.pipe(v.string(), v.url('the article address is a full URL'), v.regex(/^https?:\/\//, 'the article address starts with https:// or http://'), v.maxLength(2048))),
      v.description('Where the article was published (an address shown as text and cited, never loaded).'),
    ),
    placeLine: v.pipe(v.nullable(L10nSchema), v.description('The dateline place, or null when the article gives none.')),
    sources: v.pipe(
      v.array(
        v.object({
          name: L10nSchema,
          entity: v.pipe(v.optional(EntityRefSchema), v.description('The entity of the source, if any.')),
        }),
      ),
      v.description('The sources the article cites, as it gives them.'),
    ),
    text: v.pipe(v.string(), v.description('The article text verbatim; every offset points into it.')),
    paragraphs: v.pipe(
      v.array(
        v.object({
          ...SpanSchema.entries,
          en: v.pipe(NonEmptyText, v.description('English translation of the paragraph.')),
        }),
      ),
      v.description('Every non-empty paragraph of text, with its English translation.'),
    ),
  }),
  v.description('The source article.'),
);

/** A whole dataset pack. */
export const PackSchema = v.pipe(
  v.object({
    format: v.pipe(v.literal(PACK_FORMAT), v.description('Always "hashiya-pack".')),
    version: v.pipe(v.literal(PACK_VERSION), v.description('Format version: 1.')),
    id: IdSchema,
    title: v.pipe(L10nSchema, v.description('Name of the pack, shown in options.')),
    description: v.pipe(L10nSchema, v.description('What the pack covers.')),
    article: ArticleSchema,
    entities: v.pipe(v.array(EntitySchema), v.description('The people, places, organisations and events of the story.')),
    quotes: v.pipe(v.array(QuoteSchema), v.description('Every quotation of the article.')),
    blockers: v.pipe(v.array(BlockerSchema), v.description('Phrases that contain a name but mean something else.')),
  }),
  v.description('A Hashiya dataset pack: one news story, its entities, quotes and blockers.'),
);

export type Pack = v.InferOutput<typeof PackSchema>;
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityType = Entity['type'];
export type Alias = v.InferOutput<typeof AliasSchema>;
export type AliasKind = Alias['kind'];
export type Ambiguity = NonNullable<Alias['ambiguity']>;
export type Blocker = v.InferOutput<typeof BlockerSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type L10n = v.InferOutput<typeof L10nSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type DateRef = v.InferOutput<typeof DateRefSchema>;
export type Precision = DateRef['precision'];
export type Span = v.InferOutput<typeof SpanSchema>;
export type Relation = Entity['relations'][number];
export type RelationType = Relation['type'];
export type EntityDate = Entity['dates'][number];
export type Article = Pack['article'];
