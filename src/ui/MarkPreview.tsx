import { useEffect } from 'preact/hooks';
import { HIGHLIGHT_KEYS, highlightCss, styleKey } from '../settings/mark-styles';
import { CATEGORIES, type Category, type Settings } from '../settings/settings';
import { t } from './i18n';

// The live preview of the marks in the options and the first-run page's legend: for each category a name of the story, drawn as
// pages will draw it — the same ::highlight() rules (mark-styles.ts) on the same CSS Custom
// Highlight API, under the highlights' own keys (this page is Hashiya's own: no name to hide) — on a
// light page and on a dark one, redrawn at each change of style, colour or category.

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

let styled = false;
/** The marks' rules, once, on this page. */
function styleOnce(): void {
  if (styled) return;
  styled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss((key) => key, ''));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * A category's sample name, on a light page and on a dark one. `sample` replaces the name (the
 * welcome page's legend shows the category's own name: a name of the story there would be marked
 * a second time by the page's live annotator).
 */
export function MarkPreview({ category, sample = t(`optionsSample${cap(category)}`) }: { category: Category; sample?: string }) {
  return (
    <div class="mark-preview" data-preview={category} aria-hidden="true">
      <p class="preview-light">
        {t('optionsPreviewLight')} <span data-sample={category}>{sample}</span>
      </p>
      <p class="preview-dark">
        {t('optionsPreviewDark')} <span data-sample={category}>{sample}</span>
      </p>
    </div>
  );
}

/** Draws every sample under the highlight of its category's style, after each render of `settings`. */
export function useMarkPreview(settings: Settings): void {
  useEffect(() => {
    styleOnce();
    const ranges = new Map<string, Range[]>();
    for (const category of CATEGORIES) {
      if (!settings.categories[category]) continue; // a category that is off is not marked
      const { style, colour } = settings.marks[category];
      const key = styleKey(style, colour);
      for (const element of document.querySelectorAll(`[data-sample="${category}"]`)) {
        const range = document.createRange();
        range.selectNodeContents(element);
        ranges.set(key, [...(ranges.get(key) ?? []), range]);
      }
    }
    for (const key of HIGHLIGHT_KEYS) CSS.highlights.delete(key);
    for (const [key, list] of ranges) CSS.highlights.set(key, new Highlight(...list));
  });
}
