import type { DroppedEntry, Settings } from '../settings/settings';
import type { StoredPack } from '../settings/packs-store';
import { t } from '../ui/i18n';
import { Group } from './Fields';
import { PacksSection, SitesSection, type PackImport } from './Sections';
import { SettingsForm } from './SettingsForm';

export interface OptionsProps {
  readonly settings: Settings;
  /** Stored values that were invalid and fell back to their defaults. */
  readonly reset: readonly string[];
  /** Stored list entries (sites, packs) that were invalid and were left out. */
  readonly dropped: readonly DroppedEntry[];
  readonly packs: Record<string, StoredPack>;
  readonly importing: PackImport;
  readonly lang: string;
  readonly hostAccess: boolean;
  /** The quiet confirmation of the last change ("Saved"), or why a backup was refused. */
  readonly status: string;
  readonly onChange: (next: Settings) => void;
  readonly onPackFile: (file: File) => void;
  readonly onPackAccept: () => void;
  readonly onPackRemove: (id: string) => void;
  readonly onPackExport: (id: string) => void;
  readonly onExport: () => void;
  readonly onImport: (file: File) => void;
  readonly onReset: () => void;
  readonly onRequestAccess: () => void;
  /** Opens the first-run page again. */
  readonly onOpenWelcome: () => void;
}

/** Dropped entries named one by one; a longer list (thousands past a limit) is counted. */
const MAX_LISTED = 20;

/** The options page: every setting, saved as it changes. */
export function Options(props: OptionsProps) {
  const { settings, onChange } = props;
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <p class="welcome">
        <button type="button" id="open-welcome" onClick={props.onOpenWelcome}>{t('optionsWelcome')}</button>
      </p>
      <p class="status" role="status" id="status">{props.status}</p>
      {!props.hostAccess && (
        <div class="notice" role="alert">
          <p>{t('popupNoHostAccess')}</p>
          <button type="button" onClick={props.onRequestAccess}>{t('popupGrantAccess')}</button>
        </div>
      )}
      {props.reset.length > 0 && (
        <div class="notice" id="reset-notice" role="alert">
          <p>{t('optionsResetNotice')}</p>
          <ul>{props.reset.map((key) => <li key={key}><code dir="ltr">{key}</code></li>)}</ul>
        </div>
      )}
      {props.dropped.length > 0 && (
        <div class="notice" id="dropped-notice" role="alert">
          <p>{t('optionsDroppedNotice')}</p>
          <ul>
            {props.dropped.slice(0, MAX_LISTED).map((d, i) => <li key={i}><code dir="ltr">{d.key}</code>: <code dir="ltr">{d.entry}</code></li>)}
            {props.dropped.length > MAX_LISTED && <li>… (+{props.dropped.length - MAX_LISTED})</li>}
          </ul>
        </div>
      )}
      <SettingsForm settings={settings} onChange={onChange} />
      <SitesSection settings={settings} onChange={onChange} />
      <PacksSection settings={settings} packs={props.packs} lang={props.lang} importing={props.importing} onChange={onChange}
        onFile={props.onPackFile} onAccept={props.onPackAccept} onRemove={props.onPackRemove} onExportPack={props.onPackExport} />
      <Group id="backup" title={t('optionsGroupBackup')}>
        <p class="help">{t('optionsBackupHelp')}</p>
        <button type="button" id="export" onClick={props.onExport}>{t('optionsExport')}</button>
        <div class="field">
          <label for="import-file">{t('optionsImport')}</label>
          <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => e.currentTarget.files?.[0] && props.onImport(e.currentTarget.files[0])} />
        </div>
        <button type="button" id="reset" onClick={props.onReset}>{t('optionsResetAll')}</button>
      </Group>
      <Group id="privacy" title={t('optionsPrivacyHeading')}>
        <p>{t('optionsPrivacyText')}</p>
      </Group>
    </>
  );
}
