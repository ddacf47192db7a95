import { CATEGORIES, type Category } from '../settings/settings';
import { t } from '../ui/i18n';

/** One story entity found on the page, named in the interface's language. */
export interface EntityRow {
  readonly id: string;
  readonly type: Category;
  readonly name: string;
  readonly count: number;
}

export interface PopupProps {
  readonly enabled: boolean;
  /** The host of the active tab, or null for a page Hashiya cannot read (a browser page, a store). */
  readonly host: string | null;
  readonly siteEnabled: boolean;
  /** The entities on the page; null while they are being asked for. */
  readonly entities: readonly EntityRow[] | null;
  /** False when the reader has withheld access to sites (Firefox allows it). */
  readonly hostAccess: boolean;
  /** Why the last change was not made (a refused site, a failed save), or null. */
  readonly problem: string | null;
  readonly onToggle: (on: boolean) => void;
  readonly onToggleSite: (on: boolean) => void;
  readonly onChoose: (id: string) => void;
  readonly onRequestAccess: () => void;
  readonly onOpenOptions: () => void;
  /** Opens the first-run page again (what Hashiya does, a sample, the marks, the shortcuts). */
  readonly onOpenWelcome: () => void;
}

const GROUP_KEY: Record<Category, string> = {
  person: 'popupGroupPeople',
  place: 'popupGroupPlaces',
  organisation: 'popupGroupOrganisations',
  event: 'popupGroupEvents',
};

function Switch({ id, label, checked, disabled, onChange }: { id: string; label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="switch" for={id}>
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

function EntityList({ entities, onChoose }: { entities: readonly EntityRow[]; onChoose: (id: string) => void }) {
  if (entities.length === 0) return <p role="status">{t('popupNoEntities')}</p>;
  return (
    <>
      <p role="status">{t('popupEntityCount', String(entities.length))}</p>
      {CATEGORIES.map((type) => {
        const rows = entities.filter((e) => e.type === type);
        if (rows.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`group-${type}`}>
            <h2 id={`group-${type}`}>
              {t(GROUP_KEY[type])} <span class="count">({rows.length})</span>
            </h2>
            <ul>
              {rows.map((row) => (
                <li key={row.id}>
                  <button type="button" class="entity" data-entity={row.id} onClick={() => onChoose(row.id)}>
                    <span>{row.name}</span>
                    <span class="count" aria-label={t('popupMentions', String(row.count))}>
                      {row.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The toolbar popup: the switches, and what Hashiya found on this page. */
export function Popup(props: PopupProps) {
  const { enabled, host, siteEnabled, entities, hostAccess } = props;
  return (
    <>
      <h1>{t('extName')}</h1>
      {!hostAccess && (
        <div class="notice" role="alert">
          <p>{t('popupNoHostAccess')}</p>
          <button type="button" onClick={props.onRequestAccess}>
            {t('popupGrantAccess')}
          </button>
        </div>
      )}
      <Switch id="global" label={t('popupGlobalSwitch')} checked={enabled} onChange={props.onToggle} />
      {host !== null && (
        <Switch id="site" label={t('popupSiteSwitch', host)} checked={siteEnabled} disabled={!enabled} onChange={props.onToggleSite} />
      )}
      {props.problem !== null && (
        <p class="problem" id="popup-problem" role="alert">
          {props.problem}
        </p>
      )}
      {host === null ? (
        <p role="status">{t('popupNoAccess')}</p>
      ) : !enabled || !siteEnabled ? (
        <p role="status">{t('popupOff')}</p>
      ) : entities === null ? null : (
        <EntityList entities={entities} onChoose={props.onChoose} />
      )}
      <div class="links">
        <button type="button" class="options" onClick={props.onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
        <button type="button" class="welcome" id="open-welcome" onClick={props.onOpenWelcome}>
          {t('popupWelcome')}
        </button>
      </div>
    </>
  );
}
