import { render } from 'preact';
import './popup.css';
import browser from 'webextension-polyfill';
import { tell } from '../ext';
import type { RevealMentionMessage } from '../messages';
import { addSiteProblem, isSiteDisabled, type Settings } from '../settings/settings';
import { ALL_SITES, MAX_SITE_PATTERNS, siteMatches } from '../settings/site-patterns';
import { loadSettings, onSettingsChanged, updateSettings } from '../settings/storage';
import { localiseDocument, t } from '../ui/i18n';
import { WELCOME_PAGE } from '../ui/pages';
import { applyTheme } from '../ui/theme';
import { Popup, type EntityRow } from './Popup';
import { entitiesOf, targetTab } from './popup-data';

localiseDocument(document);
const root = document.getElementById('root')!;
let tab: Awaited<ReturnType<typeof targetTab>> = null;
let settings: Settings | null = null;
let entities: EntityRow[] | null = null;
let hostAccess = true;
let problem: string | null = null;
// Choosing a name again goes to its next mention.
const nextIndex = new Map<string, number>();

function show(): void {
  if (!settings) return;
  applyTheme(document, settings.theme);
  const host = tab?.host ?? null;
  render(
    <Popup
      enabled={settings.enabled}
      host={host}
      siteEnabled={host === null || !isSiteDisabled(settings, host)}
      entities={entities}
      hostAccess={hostAccess}
      problem={problem}
      onToggle={(on) => void save((s) => ({ ...s, enabled: on }))}
      onToggleSite={(on) => void toggleSite(host!, on)}
      onChoose={(id) => void reveal(id)}
      onRequestAccess={() => void browser.permissions.request(ALL_SITES).then((granted) => ((hostAccess = granted), show()))}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      onOpenWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).then(() => window.close())}
    />,
    root,
  );
}

/** Saves a change; when storage refuses it, says so and shows the settings as stored (the switch goes back). */
async function save(change: (s: Settings) => Settings): Promise<void> {
  problem = null;
  try {
    await updateSettings(change);
  } catch (error) {
    problem = t('popupSaveFailed', error instanceof Error ? error.message : String(error));
    settings = await loadSettings().catch(() => settings);
  }
  show();
}

/** Switches Hashiya on or off for `host`; a host the list cannot hold is refused with a reason. */
async function toggleSite(host: string, on: boolean): Promise<void> {
  problem = null;
  const refused = on ? null : addSiteProblem(settings!, host);
  if (refused === 'too-many') problem = t('optionsSiteProblemTooMany', String(MAX_SITE_PATTERNS));
  else if (refused !== null) problem = t('popupSiteRefused', host);
  if (problem !== null) return show();
  await save((s: Settings) => ({
    ...s,
    disabledSites: on ? s.disabledSites.filter((p) => !siteMatches(p, host)) : [...s.disabledSites, host],
  }));
}

async function reveal(entity: string): Promise<void> {
  if (!tab) return;
  const index = nextIndex.get(entity) ?? 0;
  nextIndex.set(entity, index + 1);
  const message: RevealMentionMessage = { type: 'reveal-mention', entity, index };
  // The top frame first; a name found only in a frame is revealed by whichever frame has it.
  const shown = await tell(tab.id, message, 0).catch(() => false);
  if (shown !== true) await tell(tab.id, message).catch(() => false);
}

async function refreshEntities(): Promise<void> {
  entities = tab ? await entitiesOf(tab.id, t('lang')).catch(() => []) : [];
  show();
}

async function start(): Promise<void> {
  [tab, settings, hostAccess] = await Promise.all([targetTab(), loadSettings(), browser.permissions.contains(ALL_SITES)]);
  show();
  await refreshEntities();
}

void start();
onSettingsChanged((next) => {
  settings = next;
  show();
  // The page re-reads itself when switched on: ask again once its frames have reported.
  setTimeout(() => void refreshEntities(), 300);
});
