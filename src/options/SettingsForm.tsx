import { COLOURS, UNDERLINE_STYLES, type Colour } from '../settings/mark-styles';
import { CARD_LANGUAGES, CATEGORIES, CLICK_MODIFIERS, TEXT_SIZES, THEMES, type Settings } from '../settings/settings';
import { t } from '../ui/i18n';
import { Check, Choice, Group } from './Fields';
import { MarkPreview, useMarkPreview } from '../ui/MarkPreview';
import { OpenModeChoice } from '../ui/OpenModeChoice';

const HOVER_DELAYS = [0, 150, 300, 500, 800, 1200] as const;
const COLOUR_NAMES = Object.keys(COLOURS) as Colour[];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every setting but sites and packs, grouped; each change is handed to `onChange` at once. */
export function SettingsForm({ settings, onChange }: { settings: Settings; onChange: (next: Settings) => void }) {
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  useMarkPreview(settings);
  return (
    <>
      <Group id="general" title={t('optionsGroupGeneral')}>
        <Check id="enabled" label={t('optionsEnabled')} help={t('optionsEnabledHelp')} checked={settings.enabled} onChange={(v) => set('enabled', v)} />
        <OpenModeChoice openMode={settings.openMode} hoverKey={settings.hoverKey} onChange={(next) => onChange({ ...settings, ...next })} />
        {/* The delay is the hover mode's alone: a held key or a click opens the card at once. */}
        <Choice id="hoverDelay" label={t('optionsHoverDelay')} help={t('optionsHoverDelayHelp')} value={settings.hoverDelay} disabled={settings.openMode !== 'hover'}
          values={[...new Set([...HOVER_DELAYS, settings.hoverDelay])].sort((a, b) => a - b)} name={(v) => t('optionsMilliseconds', String(v))} onChange={(v) => set('hoverDelay', v)} />
        <Choice id="clickModifier" label={t('optionsClickModifier')} help={t('optionsClickModifierHelp')} value={settings.clickModifier}
          values={CLICK_MODIFIERS} name={(v) => t(`optionsModifier${cap(v)}`)} onChange={(v) => set('clickModifier', v)} />
      </Group>
      <Group id="marks" title={t('optionsGroupMarks')}>
        <p class="help">{t('optionsMarksHelp')}</p>
        {CATEGORIES.map((c) => (
          <fieldset key={c}>
            <legend>{t(`optionsCategory${cap(c)}`)}</legend>
            <Check id={`category-${c}`} label={t('optionsCategoryShown')} checked={settings.categories[c]}
              onChange={(v) => set('categories', { ...settings.categories, [c]: v })} />
            <Choice id={`style-${c}`} label={t('optionsUnderline')} value={settings.marks[c].style} values={UNDERLINE_STYLES}
              name={(v) => t(`optionsStyle${cap(v)}`)} onChange={(v) => set('marks', { ...settings.marks, [c]: { ...settings.marks[c], style: v } })} />
            <Choice id={`colour-${c}`} label={t('optionsColour')} value={settings.marks[c].colour} values={COLOUR_NAMES}
              name={(v) => t(`optionsColour${cap(v)}`)} onChange={(v) => set('marks', { ...settings.marks, [c]: { ...settings.marks[c], colour: v } })} />
            <MarkPreview category={c} />
          </fieldset>
        ))}
      </Group>
      <Group id="card" title={t('optionsGroupCard')}>
        <Choice id="cardLanguage" label={t('optionsCardLanguage')} help={t('optionsCardLanguageHelp')} value={settings.cardLanguage}
          values={CARD_LANGUAGES} name={(v) => t(`optionsLanguage${cap(v)}`)} onChange={(v) => set('cardLanguage', v)} />
        <Choice id="theme" label={t('optionsTheme')} help={t('optionsThemeHelp')} value={settings.theme} values={THEMES}
          name={(v) => t(`optionsTheme${cap(v)}`)} onChange={(v) => set('theme', v)} />
        <Choice id="textSize" label={t('optionsTextSize')} value={settings.textSize}
          values={[...new Set([...TEXT_SIZES, settings.textSize])].sort((a, b) => a - b)} name={(v) => t('optionsPercent', String(v))} onChange={(v) => set('textSize', v)} />
      </Group>
    </>
  );
}
