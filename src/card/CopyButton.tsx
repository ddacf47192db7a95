import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardData, CardQuote, StoryContext } from '../data/card-data';
import type { CardLanguage } from './card-api';
import { formatDate, languagesOf } from './card-text';
import { quoteClip, summaryClip, type Clip } from './citation';

// "Copy with citation": the card's summary, or one quote, with its story's citation (citation.ts).
// The copy is written by the background (CardHooks.copy), so the page sees no copy event. The
// button says how it went, and a polite status inside the card tells a screen reader.

type T = (key: string, substitutions?: string | string[]) => string;

/** How long the button says "Copied" (or that it failed) before it is a copy button again. */
const SAID_MS = 2500;

interface CopyButtonProps {
  /** The copy, made when the button is pressed. */
  readonly clip: () => Clip;
  readonly label: string;
  readonly t: T;
  readonly onCopy: (clip: Clip) => Promise<boolean>;
  readonly part: string;
}

function CopyButton({ clip, label, t, onCopy, part }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'copied' | 'failed'>('idle');
  const timer = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const press = (event: MouseEvent) => {
    if (!event.isTrusted || state === 'busy') return; // the reader's own click only
    clearTimeout(timer.current);
    setState('busy');
    void onCopy(clip()).then((written) => {
      setState(written ? 'copied' : 'failed');
      timer.current = window.setTimeout(() => setState('idle'), SAID_MS);
    });
  };
  const said = state === 'copied' ? t('cardCopied') : state === 'failed' ? t('cardCopyFailed') : '';
  return (
    <>
      <button type="button" class="copy" onClick={press} title={label} data-action="copy" data-part={part} data-state={state}>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
          <path d="M4 1h6v7H8V3H4zM2 4h5v7H2z" fill="currentColor" />
        </svg>
        <span class="sr">{label}</span>
        {said && <span aria-hidden="true">{` ${said}`}</span>}
      </button>
      <span class="sr" role="status" data-part="copy-status">
        {said}
      </span>
    </>
  );
}

/** The citation's word ("Source") in each language. */
export type CiteWords = Readonly<Record<'ar' | 'en', string>>;

type CopyProps = { readonly language: CardLanguage; readonly t: T; readonly onCopy: (clip: Clip) => Promise<boolean>; readonly citeWords?: CiteWords | undefined };

/** The citation's words in `lang`, the language of the rest of the citation (the card's words may be another's). */
const citeIn = (lang: 'ar' | 'en', t: T, citeWords: CiteWords | undefined) => ({ source: citeWords?.[lang] ?? t('cardCiteSource') });

/** Copies the entity's summary (in the languages shown) with the card's story cited. */
export function SummaryCopy({ data, language, t, onCopy, citeWords }: CopyProps & { readonly data: CardData }) {
  const langs = languagesOf(language);
  const clip = () =>
    summaryClip(
      langs.map((lang) => ({ lang, text: data.entity.summary[lang] })),
      data.article,
      langs[0]!,
      citeIn(langs[0]!, t, citeWords),
    );
  return <CopyButton clip={clip} label={t('cardCopy')} t={t} onCopy={onCopy} part="copy-summary" />;
}

/** Copies one quote as the card shows it (its words, their English where shown, who and when). */
export function QuoteCopy({ quote, story, language, t, onCopy, citeWords }: CopyProps & { readonly quote: CardQuote; readonly story: Pick<StoryContext, 'article'> }) {
  const langs = languagesOf(language);
  const lead = langs[0]!;
  const clip = () => {
    const { article } = story;
    const part = (precision: string) => t(`cardDate_${precision.replace('-', '_')}`);
    const via = quote.viaName && !quote.attribution ? ` · ${t('cardQuoteVia', quote.viaName[lead])}` : '';
    const translated = langs.includes('en') && article.language !== 'en';
    return quoteClip(
      {
        original: { lang: article.language, text: quote.ar },
        translation: translated ? { lang: 'en', text: quote.en } : undefined,
        speaker: (quote.attribution ?? quote.speakerName)[lead] + via,
        date: formatDate(quote.date, lead, part),
      },
      article,
      lead,
      citeIn(lead, t, citeWords),
    );
  };
  return <CopyButton clip={clip} label={t('cardCopyQuote')} t={t} onCopy={onCopy} part="copy-quote" />;
}
