// The settings schema: every setting with its default and a check for stored values. Only values
// that differ from the defaults are stored (storage.sync), so improved defaults reach everyone
// who never changed them. A stored value that fails its check falls back to its default and the
// rest is kept; the loader names what was reset so the options page can say so.
import { COLOURS, UNDERLINE_STYLES, type Colour, type UnderlineStyle } from './mark-styles';
import { migrate, SETTINGS_VERSION, type StoredValues } from './migrations';
import { siteMatches, sitePatternProblem } from './site-patterns';

export { SETTINGS_VERSION } from './migrations';

export const CATEGORIES = ['person', 'place', 'organisation', 'event'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CLICK_MODIFIERS = ['none', 'alt', 'shift', 'ctrl'] as const;
export type ClickModifier = (typeof CLICK_MODIFIERS)[number];
export const CARD_LANGUAGES = ['auto', 'ar', 'en', 'both'] as const;
export type CardLanguage = (typeof CARD_LANGUAGES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** Card text sizes the options offer, in per cent of the normal size. */
export const TEXT_SIZES = [90, 100, 115, 130] as const;
export const BUNDLED_PACK_ID = 'sharaa-moscow-2025';

export interface MarkStyle {
  readonly style: UnderlineStyle;
  readonly colour: Colour;
}

export interface Settings {
  readonly enabled: boolean;
  readonly categories: Readonly<Record<Category, boolean>>;
  readonly marks: Readonly<Record<Category, MarkStyle>>;
  readonly hoverDelay: number;
  /** The key that, held while clicking a linked name, opens its card instead of following the link. */
  readonly clickModifier: ClickModifier;
  readonly cardLanguage: CardLanguage;
  readonly theme: Theme;
  /** The card's text size in per cent. */
  readonly textSize: number;
  readonly disabledSites: readonly string[];
  /** Ids of the packs in use (the bundled one and imported ones). */
  readonly enabledPacks: readonly string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  categories: { person: true, place: true, organisation: true, event: true },
  marks: {
    person: { style: 'dotted', colour: 'teal' },
    place: { style: 'dotted', colour: 'orange' },
    organisation: { style: 'dotted', colour: 'violet' },
    event: { style: 'dashed', colour: 'grey' },
  },
  hoverDelay: 300,
  clickModifier: 'alt',
  cardLanguage: 'auto',
  theme: 'auto',
  textSize: 100,
  disabledSites: [],
  enabledPacks: [BUNDLED_PACK_ID],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);
const intIn = (min: number, max: number) => (v: unknown): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// The checks of every flat setting; categories and marks are checked per category below.
const FLAT = {
  enabled: (v: unknown): v is boolean => typeof v === 'boolean',
  hoverDelay: intIn(0, 3000),
  clickModifier: oneOf(CLICK_MODIFIERS),
  cardLanguage: oneOf(CARD_LANGUAGES),
  theme: oneOf(THEMES),
  textSize: intIn(50, 200),
  disabledSites: (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= 500 && v.every((s) => typeof s === 'string' && sitePatternProblem(s) === null),
  enabledPacks: (v: unknown): v is string[] => Array.isArray(v) && v.length <= 100 && v.every((s) => typeof s === 'string' && PACK_ID.test(s)),
} as const;
type FlatKey = keyof typeof FLAT;

function nested<T>(stored: StoredValues, key: 'categories' | 'marks', defaults: Readonly<Record<Category, T>>, ok: (v: unknown) => v is T, reset: string[]) {
  const out = { ...defaults };
  const value = stored[key];
  if (value === undefined) return out;
  if (!isRecord(value)) {
    reset.push(key);
    return out;
  }
  for (const c of CATEGORIES) {
    if (!(c in value)) continue;
    if (ok(value[c])) out[c] = value[c];
    else reset.push(`${key}.${c}`);
  }
  return out;
}

const isMark = (v: unknown): v is MarkStyle =>
  isRecord(v) && oneOf(UNDERLINE_STYLES)(v.style) && typeof v.colour === 'string' && Object.hasOwn(COLOURS, v.colour);

/** Settings from stored values of any version: every missing or invalid value is its default; `reset` names the invalid ones. */
export function settingsFrom(raw: StoredValues): { settings: Settings; reset: string[] } {
  const stored = migrate(raw);
  const reset: string[] = [];
  const flat: Record<string, unknown> = {};
  for (const key of Object.keys(FLAT) as FlatKey[]) {
    const value = stored[key];
    if (value === undefined) flat[key] = DEFAULT_SETTINGS[key];
    else if (FLAT[key](value)) flat[key] = value;
    else {
      reset.push(key);
      flat[key] = DEFAULT_SETTINGS[key];
    }
  }
  const categories = nested(stored, 'categories', DEFAULT_SETTINGS.categories, (v): v is boolean => typeof v === 'boolean', reset);
  const marks = nested(stored, 'marks', DEFAULT_SETTINGS.marks, isMark, reset);
  return { settings: { ...(flat as unknown as Settings), categories, marks }, reset };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What storage.sync should hold for `settings`: the version and only what differs from the defaults. */
export function storedFrom(settings: Settings): StoredValues {
  const out: StoredValues = { version: SETTINGS_VERSION };
  for (const key of Object.keys(FLAT) as FlatKey[]) {
    if (!same(settings[key], DEFAULT_SETTINGS[key])) out[key] = settings[key];
  }
  for (const key of ['categories', 'marks'] as const) {
    const diff: Record<string, unknown> = {};
    for (const c of CATEGORIES) if (!same(settings[key][c], DEFAULT_SETTINGS[key][c])) diff[c] = settings[key][c];
    if (Object.keys(diff).length > 0) out[key] = diff;
  }
  return out;
}

/** True when Hashiya is switched off for `host` by one of the reader's site patterns. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((pattern) => siteMatches(pattern, host));
}

/** True when Hashiya marks names on `host`: on globally and not switched off for the site. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, host);
}
