import { Fragment } from 'preact';
import type { CardData, CardSentence } from '../data/card-data';
import type { Provenance } from '../data/pack-schema';
import type { CardLanguage } from './card-api';
import { formatDate, langAttrs, languagesOf, markNames, namesOf } from './card-text';
import type { WorldOutline } from './map-code';
import type { MapPlace } from './map-frame';
import { PlaceMap } from './PlaceMap';
import type { Clip } from './citation';
import { QuoteCopy, SummaryCopy, type CiteWords } from './CopyButton';
import { SpeakButton } from './SpeakButton';

// The card itself, pure: everything it shows comes from its props, rendered as text only (pack
// strings are untrusted). The container (index.tsx) places it and keeps the Back history.

export interface EntityCardProps {
  readonly data: CardData;
  readonly language: CardLanguage;
  readonly matched: string;
  /** The world's outlines for the place map (bundled at build time). */
  readonly world: WorldOutline;
  readonly pinned: boolean;
  readonly canGoBack: boolean;
  /** Opens the reader page; null where the card is on it already. */
  /** Opens the article of a pack (the card's story's) in the reader page. */
  readonly onReader: ((pack: string) => void) | null;
  readonly t: (key: string, substitutions?: string | string[]) => string;
  /** The language of the words `t` gives (the card language chosen, else the browser's). */
  readonly wordsLang?: 'ar' | 'en';
  readonly onRelated: (id: string) => void;
  readonly onBack: () => void;
  readonly onPin: () => void;
  readonly onClose: () => void;
  /** Puts a copy with its citation on the clipboard; true when written. */
  readonly onCopy: (clip: Clip) => Promise<boolean>;
  /** The citation's word ("Source") in each language, so that a copy is in one language; absent: `t`'s. */
  readonly citeWords?: CiteWords;
}

/** A mark on a fact that the article does not state: where it was added from. */
function Added({ provenance, t }: { provenance: readonly Provenance[]; t: EntityCardProps['t'] }) {
  const sources = provenance.flatMap((p) => (p.kind === 'added' ? [p.source] : []));
  if (sources.length === 0) return null;
  const text = t('cardAddedFrom', sources.join('; '));
  return (
    <span class="prov" title={text} data-provenance="added">
      <span aria-hidden="true">+</span>
      <span class="sr">{text}</span>
    </span>
  );
}

/** `text` with the entity's names in <mark>. */
function marked(text: string, names: readonly string[]) {
  return markNames(text, names).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text));
}

/** Sentences grouped by the paragraph they stand in (the translation is aligned by paragraph). */
function byParagraph(sentences: readonly CardSentence[]): CardSentence[][] {
  const groups: CardSentence[][] = [];
  for (const s of sentences) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.paragraphEn === s.paragraphEn) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

const mapPlace = ({ lon, lat }: { lon: number; lat: number }, names: readonly string[]): MapPlace => ({ lon, lat, names });

/** The places an entity is linked to that have a point, for its map's frame. */
function relatedPlaces(data: CardData): MapPlace[] {
  const ids = new Set(data.entity.relations.map((r) => r.target));
  return [...ids].flatMap((id) => {
    const link = Object.hasOwn(data.links, id) ? data.links[id] : undefined;
    return link?.coordinates ? [mapPlace(link.coordinates, [link.name.en])] : [];
  });
}

/** The hover card's content for one entity. */
export function EntityCard({ data, language, matched, world, pinned, canGoBack, onReader, t, onRelated, onBack, onPin, onClose, onCopy, citeWords, wordsLang = 'en' }: EntityCardProps) {
  const { entity } = data;
  const langs = languagesOf(language);
  const lead = langs[0]!;
  const other = lead === 'ar' ? 'en' : 'ar';
  const names = { ar: namesOf(entity, 'ar'), en: namesOf(entity, 'en') };
  const typeName = t(`cardType_${entity.type}`);
  // Each date with the event it leads to, earliest first.
  const dates = entity.dates.map((date, i) => ({ date, event: data.dateEvents[i] ?? null })).sort((a, b) => (a.date.value < b.date.value ? -1 : 1));
  const event = data.event;
  // An event's place and people are shown as its own facts; related names are the rest.
  const inEvent = new Set(event ? [...event.places, ...event.participants, ...event.tellers] : []);
  const related = [...new Set([...entity.relations.map((r) => r.target), ...data.events])].filter((id) => !inEvent.has(id));
  /** A button to the card of `id`, when the card has a record of it. */
  const linkTo = (id: string) => {
    const link = Object.hasOwn(data.links, id) ? data.links[id] : undefined; // not Object.prototype's `constructor`
    return link ? (
      <button type="button" key={id} data-related={id} data-type={link.type} onClick={() => onRelated(id)} {...langAttrs(lead)}>
        {link.name[lead]}
      </button>
    ) : null;
  };
  // Each story that holds the entity (linked packs), or the one article.
  const stories = data.stories ?? [{ packId: data.packId, entityId: entity.id, article: data.article, sentences: data.sentences, quotes: data.quotes }];
  const part = (precision: string) => t(`cardDate_${precision.replace('-', '_')}`);
  return (
    <>
      <header>
        <div class="names">
          <p class="name" {...langAttrs(lead)} data-part="name">
            {entity.name[lead]}<SpeakButton lang={lead} text={entity.name[lead]} t={t} wordsLang={wordsLang} />
          </p>
          <p class="other" {...langAttrs(other)} data-part="other-name">
            {entity.name[other]}<SpeakButton lang={other} text={entity.name[other]} t={t} wordsLang={wordsLang} />
          </p>
          <p class="kind" data-part="kind">
            {typeName}
            {entity.role &&
              langs.map((l) => (
                <span key={l} {...langAttrs(l)} data-part="role">
                  {' · '}
                  {entity.role![l]}
                </span>
              ))}
            {entity.role && <Added provenance={[entity.role.provenance]} t={t} />}
          </p>
        </div>
        <div class="tools">
          {canGoBack && (
            <button type="button" onClick={onBack} data-action="back">
              {t('cardBack')}
            </button>
          )}
          <SummaryCopy data={data} language={language} t={t} onCopy={onCopy} citeWords={citeWords} />
          <button type="button" aria-pressed={pinned} onClick={onPin} data-action="pin" title={t('cardPin')}>
            <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
              <path d="M4 1h4v1l-1 1v3l2 2H7v3l-1 1-1-1V8H3l2-2V3L4 2z" fill="currentColor" />
            </svg>
            <span class="sr">{t('cardPin')}</span>
          </button>
          <button type="button" onClick={onClose} data-action="close" title={t('cardClose')}>
            <span aria-hidden="true">×</span>
            <span class="sr">{t('cardClose')}</span>
          </button>
        </div>
      </header>
      {langs.map((l) => (
        <p key={l} {...langAttrs(l)} data-part="summary">
          {entity.summary[l]}
          <Added provenance={entity.summary.provenance} t={t} />
        </p>
      ))}
      {event && (
        <dl class="event" data-part="event">
          {dates[0] && (
            <>
              <dt>{t('cardEventWhen')}</dt>
              <dd data-part="event-date">
                <span class="date">{formatDate(dates[0].date, lead, part)}</span>
              </dd>
            </>
          )}
          {(
            [
              ['cardEventWhere', event.places, 'event-places'],
              ['cardEventWho', event.participants, 'event-participants'],
              ['cardEventTold', event.tellers, 'event-tellers'],
            ] as const
          ).map(([word, ids, name]) =>
            ids.length === 0 ? null : (
              <Fragment key={word}>
                <dt>{t(word)}</dt>
                <dd class="related" data-part={name}>
                  {ids.map(linkTo)}
                </dd>
              </Fragment>
            ),
          )}
        </dl>
      )}
      {entity.coordinates && (
        <section aria-label={t('cardMap')}>
          <PlaceMap world={world} place={mapPlace(entity.coordinates, [entity.name.en, ...entity.aliases.filter((a) => a.lang === 'en').map((a) => a.text)])} related={relatedPlaces(data)} label={entity.name[lead]} title={t('cardMapOf', entity.name[lead])} />
        </section>
      )}
      {stories.map((story) =>
        story.sentences.length === 0 ? null : (
          <section key={story.packId} data-story={story.packId}>
            <h2>{stories.length > 1 ? t('cardInStory', story.article.title[lead]) : t('cardInArticle')}</h2>
            <ul class="sentences">
              {byParagraph(story.sentences).map((group) => (
                <li key={group[0]!.start} data-part="sentence">
                  {group.map((s) => (
                    <p key={s.start} {...langAttrs(story.article.language)} data-part="sentence-ar">
                      {marked(s.ar, names[story.article.language])}
                    </p>
                  ))}
                  {group[0]!.paragraphEn && story.article.language !== 'en' && (
                    <p class="translation" {...langAttrs('en')}>
                      {marked(group[0]!.paragraphEn, names.en)}
                    </p>
                  )}
                  <p class="date">{formatDate({ value: story.article.date, precision: 'day' }, lead)}</p>
                </li>
              ))}
            </ul>
            {story.quotes.length > 0 && (
              <>
                <h3>{t('cardQuotes')}</h3>
                <ul class="quotes">
                  {story.quotes.map((q) => (
                    <li key={q.id} data-part="quote" data-quote={q.id} data-said={q.said ? 'by' : 'to-or-of'}>
                      <blockquote {...langAttrs(story.article.language)}>{q.ar}</blockquote>
                      {langs.includes('en') && story.article.language !== 'en' && (
                        <p class="quote-en" {...langAttrs('en')}>
                          {q.en}
                        </p>
                      )}
                      <p class="source" data-part="quote-source">
                        <span {...langAttrs(lead)}>{(q.attribution ?? q.speakerName)[lead]}</span>
                        {q.viaName && !q.attribution && <span {...langAttrs(lead)}>{` · ${t('cardQuoteVia', q.viaName[lead])}`}</span>}
                        {' · '}
                        <span class="date">{formatDate(q.date, lead, part)}</span>
                      </p>
                      <QuoteCopy quote={q} story={story} language={language} t={t} onCopy={onCopy} citeWords={citeWords} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {onReader && stories.length > 1 && (
              <p>
                <button type="button" class="link" onClick={() => onReader(story.packId)} data-action="reader" data-pack={story.packId}>
                  {t('cardReader')}
                </button>
              </p>
            )}
          </section>
        ),
      )}
      {related.length > 0 && (
        <section>
          <h2>{t('cardRelated')}</h2>
          <div class="related">{related.map(linkTo)}</div>
        </section>
      )}
      {dates.length > 0 && (
        <section>
          <h2>{t('cardTimeline')}</h2>
          <ul class="timeline">
            {dates.map(({ date: d, event: leadsTo }, i) => (
              <li key={i} data-part="date">
                <span class="date">{formatDate(d, lead, part)}</span>
                <span {...langAttrs(lead)}>
                  {leadsTo && Object.hasOwn(data.links, leadsTo) ? (
                    <button type="button" class="link" data-event={leadsTo} onClick={() => onRelated(leadsTo)}>
                      {d.label[lead]}
                    </button>
                  ) : (
                    d.label[lead]
                  )}
                  <Added provenance={[d.provenance]} t={t} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="matched" data-part="matched">
        {t('cardMatched', matched)}
      </p>
      {onReader && stories.length < 2 && (
        <p>
          <button type="button" class="link" onClick={() => onReader(data.packId)} data-action="reader" data-pack={data.packId}>
            {t('cardReader')}
          </button>
        </p>
      )}
    </>
  );
}
