import bundledMatchData from 'hashiya:match-data';
import { render } from 'preact';
import { pageHighlightNames } from '../content/highlight-names';
import { markPage } from '../content/mark-page';
import type { MatchData } from '../data/match-data';
import { linkedMatchData, packSetOf } from '../data/pack-links';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { validatePackText } from '../data/validate-pack';
import { compileMatcher } from '../match/matcher';
import { loadPacks } from '../settings/packs-store';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/storage';
import { localiseDocument, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { Reader } from './Reader';

// The reader page (reader.html): a pack's article with its translation, marked and with cards
// exactly as on the web: the same annotator and card controller the content script runs, wired
// the same way (content/mark-page.ts). `?pack=ID` opens an installed pack's article (a card's
// "read the article" asks for its story's); without it, the bundled one. A list leads to the
// others. It follows the options' theme and text size, at once when they change.

const bundledPack = bundled as Pack;
localiseDocument(document);
// The marks' rules, under this page's highlight names (an extension page: no page to hide them from).
const highlightStyle = document.createElement('style');
highlightStyle.textContent = pageHighlightNames().css;
document.head.append(highlightStyle);

/** The page's look from the settings: the theme (auto: the system's) and the text size. */
function applyLook(settings: Settings): void {
  applyTheme(document, settings.theme);
  document.documentElement.style.setProperty('--text-scale', String(settings.textSize / 100));
}

void Promise.all([loadSettings(), loadPacks()]).then(([settings, stored]) => {
  applyLook(settings);
  const installed = Object.values(stored).flatMap((p) => {
    const result = validatePackText(p.text);
    return result.ok && result.pack.id === p.id && p.id !== bundledPack.id ? [result.pack] : [];
  });
  const wanted = new URLSearchParams(location.search).get('pack');
  const pack = installed.find((p) => p.id === wanted) ?? bundledPack;
  document.title = `${t('readerTitle')} · ${pack.article.title.en}`;
  const list = [bundledPack, ...installed.sort((a, b) => a.id.localeCompare(b.id))].map((p) => ({ id: p.id, title: p.article.title, href: p === bundledPack ? 'reader.html' : `reader.html?pack=${encodeURIComponent(p.id)}` }));
  render(<Reader article={pack.article} packs={list.length > 1 ? list : []} current={pack.id} t={t} />, document.getElementById('root')!);
  // Marked under the ids the cards are asked for (data/pack-links.ts), where the pack is enabled.
  const data: MatchData | undefined =
    pack === bundledPack ? bundledMatchData : linkedMatchData(packSetOf(bundledPack, settings.enabledPacks, installed)).find((d) => d.packId === pack.id);
  if (!data || !settings.enabledPacks.includes(pack.id)) return;
  const marked = markPage(compileMatcher(data), settings, { chunkUrl: new URL('card.js', location.href).href, onReaderPage: true });
  onSettingsChanged((next) => {
    applyLook(next);
    marked.update(next);
  });
});
