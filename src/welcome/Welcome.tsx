import { MarkPreview, useMarkPreview } from '../ui/MarkPreview';
import { CATEGORIES, type Settings } from '../settings/settings';
import { t } from '../ui/i18n';
import { OpenModeChoice, type OpenModeValue } from '../ui/OpenModeChoice';

// The first-run page, pure: what Hashiya does in three lines, a sample paragraph that the page's
// container marks live (cards and all), the legend of the marks in the reader's own styles, the
// shortcuts as the browser has them bound, the privacy promise, and the way to the options.

/** One command as the browser binds it (commands.getAll). */
export interface ShortcutRow {
  readonly name: string;
  readonly description: string;
  /** The keys, as the browser writes them; '' when the reader has none set. */
  readonly shortcut: string;
}

export interface WelcomeProps {
  readonly settings: Settings;
  /** null while they are asked of the browser. */
  readonly shortcuts: readonly ShortcutRow[] | null;
  /** How to change the shortcuts in this browser (text: an extension page cannot link to the browser's pages). */
  readonly shortcutsHow: string;
  /** Opens the browser's own page of extension shortcuts, where it lets an extension do so. */
  readonly onChangeShortcuts: (() => void) | null;
  readonly onOpenOptions: () => void;
  /** Saves how cards open, chosen here (the sample answers at once, as every page does). */
  readonly onOpenMode: (next: OpenModeValue) => void;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Each kind of name: its name, its mark in words, and the mark itself (light and dark). */
function Legend({ settings }: { settings: Settings }) {
  useMarkPreview(settings);
  return (
    <ul class="legend">
      {CATEGORIES.map((c) => {
        const label = t(`optionsCategory${cap(c)}`);
        const { style, colour } = settings.marks[c];
        return (
          <li key={c} data-legend={c}>
            <span class="legend-name">{label}</span>{' '}
            <span class="legend-style" data-part="legend-style">
              {settings.categories[c] ? t('welcomeLegendStyle', [t(`optionsStyle${cap(style)}`), t(`optionsColour${cap(colour)}`)]) : t('welcomeLegendOff')}
            </span>
            <MarkPreview category={c} sample={label} />
          </li>
        );
      })}
    </ul>
  );
}

function Shortcuts({ shortcuts }: { shortcuts: readonly ShortcutRow[] }) {
  return (
    <table class="shortcuts">
      <thead>
        <tr>
          <th scope="col">{t('welcomeShortcutKeys')}</th>
          <th scope="col">{t('welcomeShortcutAction')}</th>
        </tr>
      </thead>
      <tbody>
        {shortcuts.map((s) => (
          <tr key={s.name} data-command={s.name}>
            <td>{s.shortcut ? <kbd dir="ltr">{s.shortcut}</kbd> : <span class="unset">{t('welcomeShortcutUnset')}</span>}</td>
            <td>{s.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first-run page (welcome.html), opened once on install and again from the popup and the options. */
export function Welcome(props: WelcomeProps) {
  const { settings, shortcuts } = props;
  return (
    <>
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="intro">{t('welcomeIntro1')}</p>
        <p class="intro">{t('welcomeIntro2')}</p>
        <p class="intro">{t('welcomeIntro3')}</p>
      </header>
      <section aria-labelledby="try-heading">
        <h2 id="try-heading">{t('welcomeTryHeading')}</h2>
        <p class="help" id="try-help">{t('welcomeTryHelp')}</p>
        <p class="sample" id="sample" aria-describedby="try-help">{t('welcomeSample')}</p>
        {/* How cards open (hover, hover with a key held, click only): the sample above answers at once. */}
        <div class="try-settings" id="try-settings">
          <OpenModeChoice openMode={settings.openMode} hoverKey={settings.hoverKey} onChange={props.onOpenMode} id="welcome-open-mode" />
        </div>
      </section>
      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t('welcomeLegendHeading')}</h2>
        <p class="help">{t('welcomeLegendHelp')}</p>
        <Legend settings={settings} />
      </section>
      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">{t('welcomeShortcutsHeading')}</h2>
        {shortcuts && <Shortcuts shortcuts={shortcuts} />}
        <p class="help" id="shortcuts-how">{props.shortcutsHow}</p>
        {props.onChangeShortcuts && (
          <button type="button" id="change-shortcuts" onClick={props.onChangeShortcuts}>
            {t('welcomeShortcutsChange')}
          </button>
        )}
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('optionsPrivacyHeading')}</h2>
        <p id="privacy">{t('welcomePrivacy')}</p>
      </section>
      <section aria-labelledby="options-heading">
        <h2 id="options-heading">{t('welcomeOptionsHeading')}</h2>
        <p class="help">{t('welcomeOptionsHelp')}</p>
        <button type="button" id="open-options" onClick={props.onOpenOptions}>
          {t('welcomeOpenOptions')}
        </button>
      </section>
    </>
  );
}
