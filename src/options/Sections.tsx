import { useState } from 'preact/hooks';
import type { PackCheck } from '../settings/pack-import';
import { storyOf, type StoredPack } from '../settings/packs-store';
import { addSiteProblem, BUNDLED_PACK_ID, type Settings } from '../settings/settings';
import { MAX_SITE_PATTERNS, normaliseSitePattern } from '../settings/site-patterns';
import { t } from '../ui/i18n';
import { Group } from './Fields';

/** Disabled sites: a list with remove buttons and a validated field to add one. */
export function SitesSection({ settings, onChange }: { settings: Settings; onChange: (next: Settings) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const p = addSiteProblem(settings, draft);
    if (p === 'too-many') return setProblem(t('optionsSiteProblemTooMany', String(MAX_SITE_PATTERNS)));
    if (p) return setProblem(t(`optionsSiteProblem${p.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`));
    setProblem(null);
    setDraft('');
    const pattern = normaliseSitePattern(draft);
    if (!settings.disabledSites.includes(pattern)) onChange({ ...settings, disabledSites: [...settings.disabledSites, pattern] });
  };
  return (
    <Group id="sites" title={t('optionsGroupSites')}>
      <p class="help">{t('optionsSitesHelp')}</p>
      <ul class="sites">
        {settings.disabledSites.map((site) => (
          <li key={site}>
            <bdi>{site}</bdi>{' '}
            <button type="button" aria-label={t('optionsRemoveSite', site)} onClick={() => onChange({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="field">
        <label for="site-pattern">{t('optionsAddSite')}</label>
        <input id="site-pattern" dir="ltr" value={draft} aria-invalid={problem !== null} aria-describedby="site-problem" onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">{t('optionsAdd')}</button>
        <p id="site-problem" class="problem" role="alert">{problem}</p>
      </form>
    </Group>
  );
}

/** A checked pack waiting for the reader to enable it (maybe replacing one), or the errors of a refused file. */
export type PackImport = PackCheck;

/** Packs: the bundled one (can be disabled), imported ones, and importing a new one. */
export function PacksSection(props: {
  settings: Settings;
  packs: Record<string, StoredPack>;
  lang: string;
  importing: PackImport;
  onChange: (next: Settings) => void;
  onFile: (file: File) => void;
  onAccept: () => void;
  onRemove: (id: string) => void;
  onExportPack: (id: string) => void;
}) {
  const { settings, lang, importing } = props;
  const title = (p: StoredPack) => (lang === 'ar' ? p.title.ar : p.title.en);
  const toggle = (id: string, on: boolean) =>
    props.onChange({ ...settings, enabledPacks: on ? [...settings.enabledPacks, id] : settings.enabledPacks.filter((p) => p !== id) });
  const row = (id: string, name: string, stored: StoredPack | null) => {
    const story = stored && storyOf(stored);
    return (
      <li key={id} class="pack" data-pack={id}>
        <input id={`pack-${id}`} type="checkbox" checked={settings.enabledPacks.includes(id)} onChange={(e) => toggle(id, e.currentTarget.checked)} />
        <label for={`pack-${id}`}>{name}</label>
        {stored && (
          <>
            <button type="button" aria-label={t('optionsExportPack', name)} onClick={() => props.onExportPack(id)} data-action="export-pack">
              {t('optionsExportPackButton')}
            </button>
            <button type="button" aria-label={t('optionsRemovePack', name)} onClick={() => props.onRemove(id)} data-action="remove-pack">
              {t('optionsRemove')}
            </button>
          </>
        )}
        {story && stored && (
          <p class="help pack-details" data-part="pack-details">
            {t('optionsPackDetails', [
              lang === 'ar' ? story.title.ar : story.title.en,
              story.date,
              t(story.language === 'ar' ? 'optionsLanguageAr' : 'optionsLanguageEn'),
              String(stored.entities),
              (stored.bytes / 1024).toFixed(1),
            ])}
          </p>
        )}
      </li>
    );
  };
  return (
    <Group id="packs" title={t('optionsGroupPacks')}>
      <p class="help">{t('optionsPacksHelp')}</p>
      <ul class="packs">
        {row(BUNDLED_PACK_ID, t('optionsBundledPack'), null)}
        {Object.values(props.packs).map((p) => row(p.id, title(p), p))}
      </ul>
      <div class="field">
        <label for="pack-file">{t('optionsImportPack')}</label>
        <input id="pack-file" type="file" accept=".json,application/json" onChange={(e) => e.currentTarget.files?.[0] && props.onFile(e.currentTarget.files[0])} />
      </div>
      {importing.pending && (
        <div class="notice" id="pack-preview">
          <p>{t('optionsPackPreview', [title(importing.pending), String(importing.pending.entities), (importing.pending.bytes / 1024).toFixed(1)])}</p>
          {importing.replaces && <p id="pack-replace" role="alert">{t('optionsPackReplaceQuestion', importing.pending.id)}</p>}
          <button type="button" id="pack-accept" onClick={props.onAccept}>{t(importing.replaces ? 'optionsPackReplace' : 'optionsPackEnable')}</button>
        </div>
      )}
      {importing.errors.length > 0 && (
        <div class="notice" id="pack-errors" role="alert">
          <p>{t('optionsPackRefused')}</p>
          <ul>
            {importing.errors.map((e, i) => (
              <li key={i}>
                <code dir="ltr">{e.path || '(pack)'}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Group>
  );
}
