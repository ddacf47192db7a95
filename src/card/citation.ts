// What "Copy with citation" puts on the clipboard: a card's summary, or one of its quotes, with the
// story it comes from (title, outlet, date and, where the pack has it, the article's address), as
// plain text and as rich text (HTML). Every string here is a pack's, so untrusted: the HTML flavour
// escapes each one, and the address becomes a link only if it is an http(s) address.
import type { L10n } from '../data/pack-schema';
import { formatDate } from './card-text';

/** The story a copy is cited from (CardData['article']'s fields that a citation names). */
export interface CitedArticle {
  readonly title: L10n;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly outlet?: L10n | undefined;
  readonly url?: string | undefined;
}

/** A text in one language. */
export interface Said {
  readonly lang: 'ar' | 'en';
  readonly text: string;
}

/** The two flavours of one copy. */
export interface Clip {
  readonly plain: string;
  readonly html: string;
}

/** The citation's one word ("Source"), in the citation's language (the card's words). */
export interface CitationWords {
  readonly source: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe as HTML text and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The punctuation of each language: Arabic quotes «» and the Arabic comma. */
const QUOTES = { ar: ['«', '»'], en: ['“', '”'] } as const;
const COMMA = { ar: '، ', en: ', ' } as const;

const dirOf = (lang: 'ar' | 'en') => (lang === 'ar' ? 'rtl' : 'ltr');
const attrs = (lang: 'ar' | 'en') => `lang="${lang}" dir="${dirOf(lang)}"`;
const quoted = ({ lang, text }: Said) => `${QUOTES[lang][0]}${text}${QUOTES[lang][1]}`;
const isWebAddress = (url: string | undefined): url is string => !!url && /^https?:\/\/[^\s]+$/i.test(url);

/** "Source: “Title”, Outlet, 15 October 2025. https://…" in `lang`, both flavours. */
function citation(article: CitedArticle, lang: 'ar' | 'en', words: CitationWords): Clip {
  const title = article.title[lang];
  const date = formatDate({ value: article.date, precision: 'day' }, lang);
  const outlet = article.outlet?.[lang];
  const url = isWebAddress(article.url) ? article.url : null;
  const plainParts = [quoted({ lang, text: title }), ...(outlet ? [outlet] : []), date];
  const htmlParts = [`<cite>${escapeHtml(title)}</cite>`, ...(outlet ? [escapeHtml(outlet)] : []), escapeHtml(date)];
  const plain = `${words.source}: ${plainParts.join(COMMA[lang])}.${url ? ` ${url}` : ''}`;
  const link = url ? ` <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : '';
  const html = `<p ${attrs(lang)}>${escapeHtml(words.source)}: ${htmlParts.join(COMMA[lang])}.${link}</p>`;
  return { plain, html };
}

/** The entity's summary (one paragraph per language shown) with its story's citation in `lang`. */
export function summaryClip(summaries: readonly Said[], article: CitedArticle, lang: 'ar' | 'en', words: CitationWords): Clip {
  const cite = citation(article, lang, words);
  return {
    plain: [...summaries.map((s) => s.text), '', cite.plain].join('\n'),
    html: `<blockquote>${summaries.map((s) => `<p ${attrs(s.lang)}>${escapeHtml(s.text)}</p>`).join('')}</blockquote>${cite.html}`,
  };
}

/** One quote of a story, as the card shows it, to copy. */
export interface CopiedQuote {
  /** The words as the article has them. */
  readonly original: Said;
  /** Their translation, where the card shows it. */
  readonly translation?: Said | undefined;
  /** Who said it (or who it is attributed to), in the card's language. */
  readonly speaker: string;
  /** When, formatted as the card shows it. */
  readonly date: string;
}

/** A quote, its translation where shown, who said it and when, and its story's citation in `lang`. */
export function quoteClip(quote: CopiedQuote, article: CitedArticle, lang: 'ar' | 'en', words: CitationWords): Clip {
  const cite = citation(article, lang, words);
  const by = `— ${quote.speaker}${COMMA[lang]}${quote.date}`;
  const { translation } = quote;
  return {
    plain: [quoted(quote.original), ...(translation ? [quoted(translation)] : []), by, cite.plain].join('\n'),
    html:
      `<blockquote ${attrs(quote.original.lang)}><p>${escapeHtml(quote.original.text)}</p></blockquote>` +
      (translation ? `<p ${attrs(translation.lang)}>${escapeHtml(quoted(translation))}</p>` : '') +
      `<p ${attrs(lang)}>${escapeHtml(by)}</p>${cite.html}`,
  };
}
