import type { TabState } from '../messages';
import { t } from '../ui/i18n';

interface PopupProps {
  /** What the background knows of the active tab; null while it is being asked or for a tab
   * Hashiya cannot read (a browser page, a store page). */
  readonly state: TabState | null;
  readonly onOpenOptions: () => void;
}

/** The toolbar popup: what Hashiya found on this page. */
export function Popup({ state, onOpenOptions }: PopupProps) {
  const entities = state ? Object.keys(state.counts).length : 0;
  return (
    <>
      <h1>{t('extName')}</h1>
      <p role="status">
        {state === null ? t('popupNoAccess') : entities === 0 ? t('popupNoEntities') : t('popupEntityCount', String(entities))}
      </p>
      <button type="button" onClick={onOpenOptions}>
        {t('popupOpenOptions')}
      </button>
    </>
  );
}
