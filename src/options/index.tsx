import { render } from 'preact';
import './options.css';
import browser from 'webextension-polyfill';
import bundledMatchData from 'hashiya:match-data';
import { backupText, parseBackup } from '../settings/backup';
import { checkPackFile, NO_PACK, type PackIds } from '../settings/pack-import';
import { loadPacks, savePacks, type StoredPack } from '../settings/packs-store';
import { BUNDLED_PACK_ID, DEFAULT_SETTINGS, type DroppedEntry, type Settings } from '../settings/settings';
import { applyBackup, loadSettings, loadSettingsReport, onSettingsChanged, saveSettings } from '../settings/storage';
import { ALL_SITES } from '../settings/site-patterns';
import { localiseDocument, t } from '../ui/i18n';
import { WELCOME_PAGE } from '../ui/pages';
import { applyTheme } from '../ui/theme';
import { Options } from './Options';
import type { PackImport } from './Sections';

// The options page's container: reads and writes storage; Options and its parts are pure.

localiseDocument(document);
const root = document.getElementById('root')!;
let settings: Settings | null = null;
let reset: string[] = [];
let dropped: DroppedEntry[] = [];
let packs: Record<string, StoredPack> = {};
let importing: PackImport = NO_PACK;
// The ids the built-in pack owns, which no imported pack may take.
const BUNDLED_IDS: PackIds = { id: BUNDLED_PACK_ID, entityIds: bundledMatchData.entities.map((e) => e.id) };
let hostAccess = true;
let status = '';

function show(): void {
  if (!settings) return;
  applyTheme(document, settings.theme);
  render(
    <Options
      settings={settings}
      reset={reset}
      dropped={dropped}
      packs={packs}
      importing={importing}
      lang={t('lang')}
      hostAccess={hostAccess}
      status={status}
      onChange={(next) => void change(next)}
      onPackFile={(file) => void readPack(file)}
      onPackAccept={() => void acceptPack()}
      onPackRemove={(id) => void removePack(id)}
      onPackExport={exportPack}
      onExport={exportAll}
      onImport={(file) => void importAll(file)}
      onReset={() => void resetAll()}
      onOpenWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) })}
      onRequestAccess={() => void browser.permissions.request(ALL_SITES).then((granted) => ((hostAccess = granted), show()))}
    />,
    root,
  );
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The settings this page wrote lately, as JSON. Each write comes back as a storage change, and
 * those of earlier writes can come after a later change is shown: one of them is not news.
 */
const written: string[] = [];
/** Saves under way: what storage tells meanwhile is this page's own writes coming back. */
let saving = 0;

/** Shows and saves `next`; `whole` stores every setting, not only the changed ones (a reset clears invalid stored values too). */
async function change(next: Settings, message = t('optionsSaved'), whole = false): Promise<void> {
  const previous = settings;
  if (!previous) return;
  settings = next;
  written.push(JSON.stringify(next));
  if (written.length > 20) written.shift();
  // Rendered before the save: a second change made while this one is saved must start from it.
  show();
  saving++;
  try {
    await saveSettings(next, whole ? undefined : previous);
    status = message;
  } catch (error) {
    // Nothing was stored: show the settings as stored, and say why, rather than a state never saved.
    settings = await loadSettings().catch(() => previous);
    status = t('optionsSaveFailed', reason(error));
  } finally {
    saving--;
  }
  show();
}

/** Stores `next` as the imported packs; false (with the reason shown) when storage refuses. */
async function storePacks(next: Record<string, StoredPack>): Promise<boolean> {
  try {
    await savePacks(next);
    packs = next;
    return true;
  } catch (error) {
    status = t('optionsSaveFailed', reason(error));
    show();
    return false;
  }
}

let packReads = 0;
async function readPack(file: File): Promise<void> {
  // The previous preview goes at once: while this file is read, and if it is refused, nothing can be installed by mistake.
  const read = ++packReads;
  importing = NO_PACK;
  show();
  const checked = await checkPackFile(file, BUNDLED_IDS, Object.values(packs));
  if (read !== packReads) return; // a later file was chosen meanwhile: its result is the one shown
  importing = checked;
  show();
}

async function acceptPack(): Promise<void> {
  const pack = importing.pending;
  if (!pack || !settings) return;
  if (!(await storePacks({ ...packs, [pack.id]: pack }))) return;
  importing = NO_PACK;
  const enabled = settings.enabledPacks.includes(pack.id) ? settings.enabledPacks : [...settings.enabledPacks, pack.id];
  await change({ ...settings, enabledPacks: enabled }, t('optionsPackAdded'));
}

async function removePack(id: string): Promise<void> {
  if (!settings) return;
  const rest = new Map(Object.entries(packs));
  rest.delete(id);
  if (!(await storePacks(Object.fromEntries(rest)))) return;
  await change({ ...settings, enabledPacks: settings.enabledPacks.filter((p) => p !== id) });
}

/** Saves `text` as the file `name` (a download the browser asks about or files away). */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportAll(): void {
  if (settings) download(backupText(settings, packs), 'hashiya-settings.json');
}

/** Saves one installed pack as it was imported, to share or to import elsewhere. */
function exportPack(id: string): void {
  const pack = Object.hasOwn(packs, id) ? packs[id] : undefined;
  if (pack) download(pack.text, `${pack.id}.json`);
}

async function importAll(file: File): Promise<void> {
  const result = parseBackup(await file.text(), BUNDLED_IDS);
  if (!result.ok) {
    status = t(`optionsBackupRefused${result.problem.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`, result.detail);
    return show();
  }
  // All or nothing: the packs and the settings are stored together, or neither is.
  try {
    await applyBackup(result.settings, result.packs);
    packs = result.packs;
    settings = result.settings;
    reset = [];
    dropped = [];
    status = t('optionsImported');
  } catch (error) {
    status = t('optionsImportFailed', reason(error));
  }
  show();
}

async function resetAll(): Promise<void> {
  if (!confirm(t('optionsResetConfirm'))) return;
  reset = [];
  dropped = [];
  await change(DEFAULT_SETTINGS, t('optionsResetDone'), true);
}

async function start(): Promise<void> {
  const [report, stored, access] = await Promise.all([loadSettingsReport(), loadPacks(), browser.permissions.contains(ALL_SITES)]);
  ({ settings, reset, dropped } = report);
  packs = stored;
  hostAccess = access;
  show();
}

void start();
onSettingsChanged((next) => {
  // An echo of this page's own earlier write would put back, for a moment, a state the reader has
  // already changed (a category switched off drawn again): only news from elsewhere is shown.
  if (saving > 0 || written.includes(JSON.stringify(next))) return;
  settings = next;
  show();
});
