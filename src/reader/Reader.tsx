import { useState } from 'preact/hooks';
import type { Article, L10n } from '../data/pack-schema';
import { formatDate } from '../card/card-text';

// The reader page's article, pure: a pack's article (Arabic right to left, English left to right)
// with its English translation beside each paragraph (or hidden), and the other installed
// stories to open. Text only, never markup.

export interface ReaderProps {
  readonly article: Article;
  /** Every installed story, to open from a list ([]: the bundled one alone, no list). */
  readonly packs: readonly { readonly id: string; readonly title: L10n; readonly href: string }[];
  /** The pack shown. */
  readonly current: string;
  readonly t: (key: string) => string;
}

/** The article with its translation side by side; a toggle hides the translation. */
export function Reader({ article, packs, current, t }: ReaderProps) {
  const [translation, setTranslation] = useState(true);
  const lang = article.language ?? 'ar';
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const other = lang === 'ar' ? 'en' : 'ar';
  // An English article is its own translation: nothing to show beside it.
  const translated = translation && lang !== 'en';
  return (
    <main>
      {packs.length > 0 && (
        <nav aria-label={t('readerPacks')}>
          <ul class="packs">
            {packs.map((p) => (
              <li key={p.id}>
                <a href={p.href} aria-current={p.id === current ? 'page' : undefined} data-pack={p.id} lang="ar" dir="rtl">
                  {p.title.ar}
                </a>{' '}
                <span lang="en" dir="ltr">
                  {p.title.en}
                </span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <header>
        <h1 lang={lang} dir={dir}>
          {article.title[lang]}
        </h1>
        <p class="subtitle" lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>
          {article.title[other]}
        </p>
        <div class="meta">
          <span lang={lang} dir={dir}>
            {formatDate({ value: article.date, precision: 'day' }, lang)}
          </span>
          {lang !== 'en' && (
            <button type="button" aria-pressed={translation} onClick={() => setTranslation(!translation)} data-action="translation">
              {t('readerTranslation')}
            </button>
          )}
        </div>
      </header>
      {article.paragraphs.map((p) => (
        <section key={p.start} class={translated ? 'row' : 'row single'} data-paragraph={p.start}>
          <p lang={lang} dir={dir}>
            {article.text.slice(p.start, p.end)}
          </p>
          {translated && (
            <p class="en" lang="en" dir="ltr">
              {p.en}
            </p>
          )}
        </section>
      ))}
    </main>
  );
}
