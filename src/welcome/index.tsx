import bundledMatchData from 'hashiya:match-data';
import { render } from 'preact';
import './welcome.css';
import { ext } from '../ext';
import { pageHighlightNames } from '../content/highlight-names';
import { markPage, type MarkedPage } from '../content/mark-page';
import { compileMatcher } from '../match/matcher';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged, updateSettings } from '../settings/storage';
import { localiseDocument, t } from '../ui/i18n';
import { applyTheme } from '../ui/theme';
import { Welcome, type ShortcutRow } from './Welcome';

// The first-run page's container (welcome.html). Its sample paragraph is marked, with cards, by
// the same annotator and card controller as the web and the reader page (content/mark-page.ts),
// with the bundled story; its legend and its marks follow the options as they change. The
// shortcuts are read from the browser, which is where the reader changes them.

localiseDocument(document);
document.title = t('welcomeTitle');
// The marks' rules under this page's highlight names, as on the reader page.
const highlightStyle = document.createElement('style');
highlightStyle.textContent = pageHighlightNames().css;
document.head.append(highlightStyle);

/** Our own words for each command; the browser's own `_execute_action` (the popup) has none in the manifest. */
const COMMAND_WORDS: Record<string, string> = {
  'toggle-hashiya': 'commandToggle',
  'next-mention': 'commandNextMention',
  'previous-mention': 'commandPreviousMention',
  _execute_action: 'commandOpenPopup',
};

type CommandsWithSettings = typeof ext.commands & { openShortcutSettings?: () => Promise<void> };
const commands = ext.commands as CommandsWithSettings;

/**
 * Opens the browser's page of extension shortcuts: Firefox (137+) has commands.openShortcutSettings;
 * Chrome lets an extension page open chrome://extensions/shortcuts in a tab (a link to it does
 * nothing). null where neither is possible: the text says where to go.
 */
function shortcutSettings(): (() => void) | null {
  if (typeof commands.openShortcutSettings === 'function') return () => void commands.openShortcutSettings!();
  if (__BROWSER__ === 'chrome') return () => void ext.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return null;
}

let settings: Settings | null = null;
let shortcuts: ShortcutRow[] | null = null;
let marked: MarkedPage | null = null;
const root = document.getElementById('root')!;

function show(): void {
  if (!settings) return;
  applyTheme(document, settings.theme);
  render(
    <Welcome
      settings={settings}
      shortcuts={shortcuts}
      shortcutsHow={t(__BROWSER__ === 'firefox' ? 'welcomeShortcutsHowFirefox' : 'welcomeShortcutsHowChrome')}
      onChangeShortcuts={shortcutSettings()}
      onOpenOptions={() => void ext.runtime.openOptionsPage()}
      onOpenMode={(next) => void updateSettings((current) => ({ ...current, ...next }))}
    />,
    root,
  );
}

async function readShortcuts(): Promise<void> {
  const all = await ext.commands.getAll();
  shortcuts = all.flatMap((c) => {
    if (!c.name) return [];
    const words = COMMAND_WORDS[c.name];
    return [{ name: c.name, description: words ? t(words) : c.description || c.name, shortcut: c.shortcut ?? '' }];
  });
  show();
}

void loadSettings().then((loaded) => {
  settings = loaded;
  show();
  // Marked after the first render, so that the sample is there to read; the bundled story's names
  // whatever the reader's packs, so that the sample always shows what Hashiya does.
  marked = markPage(compileMatcher(bundledMatchData), loaded, { chunkUrl: new URL('card.js', location.href).href });
  void readShortcuts();
});
onSettingsChanged((next) => {
  settings = next;
  show();
  marked?.update(next);
});
// The reader may change a shortcut in the browser's page and come back: read them again then.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && settings) void readShortcuts();
});
