import { useState } from 'preact/hooks';
import type { Article } from '../data/pack-schema';
import { formatDate } from '../card/card-text';

// The reader page's article, pure: the bundled article in Arabic, right to left, with its English
// translation beside each paragraph (or hidden). Text only, never markup.

export interface ReaderProps {
  readonly article: Article;
  readonly t: (key: string) => string;
}

/** The article with its translation side by side; a toggle hides the translation. */
export function Reader({ article, t }: ReaderProps) {
  const [translation, setTranslation] = useState(true);
  return (
    <main>
      <header>
        <h1 lang="ar" dir="rtl">
          {article.title.ar}
        </h1>
        <p class="subtitle" lang="en" dir="ltr">
          {article.title.en}
        </p>
        <div class="meta">
          <span lang="ar" dir="rtl">
            {formatDate({ value: article.date, precision: 'day' }, 'ar')}
          </span>
          <button type="button" aria-pressed={translation} onClick={() => setTranslation(!translation)} data-action="translation">
            {t('readerTranslation')}
          </button>
        </div>
      </header>
      {article.paragraphs.map((p) => (
        <section key={p.start} class={translation ? 'row' : 'row single'} data-paragraph={p.start}>
          <p lang="ar" dir="rtl">
            {article.text.slice(p.start, p.end)}
          </p>
          {translation && (
            <p class="en" lang="en" dir="ltr">
              {p.en}
            </p>
          )}
        </section>
      ))}
    </main>
  );
}
