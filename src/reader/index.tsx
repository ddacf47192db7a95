import matchData from 'hashiya:match-data';
import { render } from 'preact';
import { pageHighlightNames } from '../content/highlight-names';
import { markPage } from '../content/mark-page';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { compileMatcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { localiseDocument, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { Reader } from './Reader';

// The reader page (reader.html): the bundled article with its translation, marked and with cards
// exactly as on the web: the same annotator and card controller the content script runs, wired
// the same way (content/mark-page.ts). It follows the options' theme and text size, at once when
// they change.

const pack = bundled as Pack;
localiseDocument(document);
// The marks' rules, under this page's highlight names (an extension page: no page to hide them from).
const highlightStyle = document.createElement('style');
highlightStyle.textContent = pageHighlightNames().css;
document.head.append(highlightStyle);
document.title = `${t('readerTitle')} · ${pack.article.title.en}`;
render(<Reader article={pack.article} t={t} />, document.getElementById('root')!);

/** The page's look from the settings: the theme (auto: the system's) and the text size. */
function applyLook(settings: Settings): void {
  applyTheme(document, settings.theme);
  document.documentElement.style.setProperty('--text-scale', String(settings.textSize / 100));
}

void loadSettings().then((settings) => {
  applyLook(settings);
  const marked = markPage(compileMatcher(matchData), settings, { chunkUrl: new URL('card.js', location.href).href, onReaderPage: true });
  onSettingsChanged((next) => {
    applyLook(next);
    marked.update(next);
  });
});
