import { HOVER_KEYS, OPEN_MODES, type HoverKey, type OpenMode } from '../settings/settings';
import { t } from './i18n';
import './open-mode.css';

// How cards open, as the reader chooses it: a group of radio buttons with a line on each, and the
// key to hold under the choice that needs one. Self-contained (its own styles and messages), so
// that any of Hashiya's pages (the options, the first-run page) can offer the same choice.

/** What the choice sets: the two settings it is about. */
export interface OpenModeValue {
  readonly openMode: OpenMode;
  readonly hoverKey: HoverKey;
}

const MODE_MESSAGES = {
  hover: ['optionsOpenModeHover', 'optionsOpenModeHoverHelp'],
  key: ['optionsOpenModeKey', 'optionsOpenModeKeyHelp'],
  click: ['optionsOpenModeClick', 'optionsOpenModeClickHelp'],
} as const satisfies Record<OpenMode, readonly [string, string]>;

const KEY_MESSAGES = { shift: 'optionsModifierShift', alt: 'optionsModifierAlt', ctrl: 'optionsModifierCtrl' } as const satisfies Record<HoverKey, string>;

/**
 * The open-mode choice. `id` prefixes the ids of its controls (one per page by default: give
 * another to show it twice); each change is handed to `onChange` whole, both settings at once.
 */
export function OpenModeChoice({ openMode, hoverKey, onChange, id = 'open-mode' }: OpenModeValue & { onChange: (next: OpenModeValue) => void; id?: string }) {
  return (
    <fieldset class="open-mode" id={id}>
      <legend>{t('optionsOpenMode')}</legend>
      {OPEN_MODES.map((mode) => {
        const [label, help] = MODE_MESSAGES[mode];
        const radio = `${id}-${mode}`;
        return (
          <div key={mode} class="open-mode-option" data-mode={mode}>
            <input
              type="radio"
              id={radio}
              name={id}
              value={mode}
              checked={openMode === mode}
              aria-describedby={`${radio}-help`}
              onChange={(e) => e.currentTarget.checked && onChange({ openMode: mode, hoverKey })}
            />
            <label for={radio}>{t(label)}</label>
            <p class="help" id={`${radio}-help`}>{t(help)}</p>
            {mode === 'key' && openMode === 'key' && (
              <div class="open-mode-key">
                <label for={`${id}-hold-key`}>{t('optionsHoverKey')}</label>{' '}
                <select id={`${id}-hold-key`} value={hoverKey} onChange={(e) => onChange({ openMode, hoverKey: HOVER_KEYS[e.currentTarget.selectedIndex]! })}>
                  {HOVER_KEYS.map((key) => (
                    <option key={key} value={key}>
                      {t(KEY_MESSAGES[key])}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
