// Pure helpers for the card's text: which language to show, where the name stands in a sentence,
// how precise a date reads.
import type { DateRef, Entity } from '../data/pack-schema';
import type { CardLanguage } from './card-api';

const ARABIC = /[\u0600-\u06ff]/;

/** The card language for a setting: 'auto' follows the mention's script, then the page's lang. */
export function cardLanguageFor(setting: string, mentionText: string, pageLang: string): CardLanguage {
  if (setting === 'ar' || setting === 'en' || setting === 'both') return setting;
  if (ARABIC.test(mentionText)) return 'ar';
  if (/[a-z]/i.test(mentionText)) return 'en';
  return pageLang.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** The languages to show, the first one leading. */
export function languagesOf(language: CardLanguage): readonly ('ar' | 'en')[] {
  return language === 'both' ? ['ar', 'en'] : [language];
}

/**
 * The card's words from `table` (a language's card messages), any other from `fallback`. `$1` …
 * `$9` in a word are its substitutions and `$$` a dollar sign, as i18n.getMessage fills them.
 */
export function wordsFrom<T extends (key: string, substitutions?: string | string[]) => string>(table: Readonly<Record<string, string>>, fallback: T): T {
  return ((key: string, substitutions?: string | string[]) => {
    const word = Object.hasOwn(table, key) ? table[key] : undefined;
    if (word === undefined) return fallback(key, substitutions);
    const list = substitutions === undefined ? [] : [substitutions].flat();
    return word.replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : (list[Number(n) - 1] ?? '')));
  }) as T;
}

/** lang and dir attributes for text in `lang`. */
export function langAttrs(lang: 'ar' | 'en'): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' };
}

/** A piece of a sentence: `marked` pieces are the entity's name. */
export interface Piece {
  readonly text: string;
  readonly marked: boolean;
}

/** Splits `text` at every occurrence of one of `names` (longest first), for <mark>. */
export function markNames(text: string, names: readonly string[]): Piece[] {
  const wanted = [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  const pieces: Piece[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  while (at < text.length) {
    let best: { start: number; end: number } | null = null;
    for (const name of wanted) {
      let start = lower.indexOf(name.toLowerCase(), at);
      while (start >= 0 && !standsAlone(text, start, start + name.length)) start = lower.indexOf(name.toLowerCase(), start + 1);
      if (start >= 0 && (!best || start < best.start)) best = { start, end: start + name.length };
    }
    if (!best) break;
    if (best.start > at) pieces.push({ text: text.slice(at, best.start), marked: false });
    pieces.push({ text: text.slice(best.start, best.end), marked: true });
    at = best.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

const LETTER = /[\p{L}\p{M}]/u;
/** Arabic proclitics that may be glued to a name: و ب ل ك ف, one or two of them. */
const PROCLITICS = /^[وبلكف]{1,2}$/;

/** Whether text[start, end) is a whole word, or an Arabic word with proclitics glued before it. */
function standsAlone(text: string, start: number, end: number): boolean {
  if (end < text.length && LETTER.test(text[end]!)) return false;
  let wordStart = start;
  while (wordStart > 0 && LETTER.test(text[wordStart - 1]!)) wordStart--;
  return wordStart === start || PROCLITICS.test(text.slice(wordStart, start));
}

/** Every name of `entity` in `lang`. */
export function namesOf(entity: Entity, lang: 'ar' | 'en'): string[] {
  return [entity.name[lang], ...entity.aliases.filter((a) => a.lang === lang).map((a) => a.text)];
}

/**
 * The date formats, made once each: a new Intl.DateTimeFormat costs far more than a format (the
 * first one in Arabic about 15 ms in Chromium, as ICU loads its data), and a card shows several.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: 'ar' | 'en', precision: string): Intl.DateTimeFormat {
  const kind = precision === 'day' || precision === 'year' ? precision : 'month';
  let format = formats.get(`${lang} ${kind}`);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = kind === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : kind === 'year' ? { year: 'numeric' } : { month: 'long', year: 'numeric' };
    format = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB', { ...options, timeZone: 'UTC' });
    formats.set(`${lang} ${kind}`, format);
  }
  return format;
}

/** A date as precise as it is known, in `lang` (early/mid/end of a month take `part` words). */
export function formatDate(date: DateRef, lang: 'ar' | 'en', part: (precision: string) => string = () => ''): string {
  const [year, month = 1, day = 1] = date.value.split('-').map(Number);
  const when = new Date(Date.UTC(year!, month - 1, day));
  const text = dateFormat(lang, date.precision).format(when);
  const prefix = date.precision.endsWith('-month') ? part(date.precision) : '';
  return prefix ? `${prefix} ${text}` : text;
}
