// The settings schema: every setting with its default and a check for stored values. Only values
// that differ from the defaults are stored (storage.sync), so improved defaults reach everyone
// who never changed them. A stored value that fails its check falls back to its default and the
// rest is kept; the loader names what was reset so the options page can say so. Lists (sites,
// packs) are checked entry by entry: a bad entry is dropped and named, the others are kept.
import { COLOURS, UNDERLINE_STYLES, type Colour, type UnderlineStyle } from './mark-styles';
import { migrate, SETTINGS_VERSION, type StoredValues } from './migrations';
import { MAX_SITE_PATTERNS, normaliseSitePattern, siteMatches, sitePatternProblem, type SitePatternProblem } from './site-patterns';

export { SETTINGS_VERSION } from './migrations';

export const CATEGORIES = ['person', 'place', 'organisation', 'event'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CLICK_MODIFIERS = ['none', 'alt', 'shift', 'ctrl'] as const;
export type ClickModifier = (typeof CLICK_MODIFIERS)[number];
/** How cards open: on hover, on hover while the hold key is held, or on click (or tap) alone. */
export const OPEN_MODES = ['hover', 'key', 'click'] as const;
export type OpenMode = (typeof OPEN_MODES)[number];
/** The keys that can be held to open cards in the 'key' open mode. */
export const HOVER_KEYS = ['shift', 'alt', 'ctrl'] as const;
export type HoverKey = (typeof HOVER_KEYS)[number];
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
  /** How cards open: on hover (after hoverDelay), on hover while hoverKey is held, or on click alone. */
  readonly openMode: OpenMode;
  /** The key that, held while the pointer rests on a name, opens its card in the 'key' open mode. */
  readonly hoverKey: HoverKey;
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
  openMode: 'hover',
  hoverKey: 'shift',
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
  openMode: oneOf(OPEN_MODES),
  hoverKey: oneOf(HOVER_KEYS),
  clickModifier: oneOf(CLICK_MODIFIERS),
  cardLanguage: oneOf(CARD_LANGUAGES),
  theme: oneOf(THEMES),
  textSize: intIn(50, 200),
} as const;
type FlatKey = keyof typeof FLAT;

/** Most packs that can be enabled at once. */
export const MAX_ENABLED_PACKS = 100;

// The lists, checked entry by entry: how many entries are kept, which are valid, and their stored form.
const LISTS = {
  disabledSites: { max: MAX_SITE_PATTERNS, ok: (s: string) => sitePatternProblem(s) === null, norm: normaliseSitePattern },
  enabledPacks: { max: MAX_ENABLED_PACKS, ok: (s: string) => PACK_ID.test(s), norm: (s: string) => s },
} as const;
type ListKey = keyof typeof LISTS;
const STORED_KEYS: readonly (keyof Settings)[] = [...(Object.keys(FLAT) as FlatKey[]), ...(Object.keys(LISTS) as ListKey[])];
/** Every storage.sync key this version writes. Any other key comes from a newer version and is left alone. */
export const SETTINGS_KEYS: ReadonlySet<string> = new Set(['version', ...STORED_KEYS, 'categories', 'marks']);

/** A list entry that was left out when the settings were read: invalid, or past the list's limit. */
export interface DroppedEntry {
  readonly key: ListKey;
  /** The entry as stored (a non-string as JSON, shortened). */
  readonly entry: string;
}

function list(stored: StoredValues, key: ListKey, reset: string[], dropped: DroppedEntry[]): readonly string[] {
  const value = stored[key];
  if (value === undefined) return DEFAULT_SETTINGS[key];
  if (!Array.isArray(value)) {
    reset.push(key);
    return DEFAULT_SETTINGS[key];
  }
  const { max, ok, norm } = LISTS[key];
  const kept = new Set<string>();
  for (const item of value as unknown[]) {
    if (typeof item === 'string' && ok(item) && kept.size < max) kept.add(norm(item));
    else if (!(typeof item === 'string' && kept.has(norm(item)))) {
      const entry = typeof item === 'string' ? item : (JSON.stringify(item) ?? String(item));
      dropped.push({ key, entry: entry.length > 80 ? `${entry.slice(0, 79)}…` : entry });
    }
  }
  return [...kept];
}

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

/** What was read from storage: the settings, the values reset to their defaults and the list entries dropped. */
export interface SettingsReport {
  readonly settings: Settings;
  readonly reset: string[];
  readonly dropped: DroppedEntry[];
}

/**
 * Settings from stored values of any version: every missing or invalid value is its default
 * (`reset` names them); an invalid list entry is left out (`dropped` names it), the rest is kept.
 */
export function settingsFrom(raw: StoredValues): SettingsReport {
  const stored = migrate(raw);
  const reset: string[] = [];
  const dropped: DroppedEntry[] = [];
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
  const disabledSites = list(stored, 'disabledSites', reset, dropped);
  const enabledPacks = list(stored, 'enabledPacks', reset, dropped);
  return { settings: { ...(flat as unknown as Settings), categories, marks, disabledSites, enabledPacks }, reset, dropped };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What storage.sync should hold for `settings`: the version and only what differs from the defaults. */
export function storedFrom(settings: Settings): StoredValues {
  const out: StoredValues = { version: SETTINGS_VERSION };
  for (const key of STORED_KEYS) {
    if (!same(settings[key], DEFAULT_SETTINGS[key])) out[key] = settings[key];
  }
  for (const key of ['categories', 'marks'] as const) {
    const diff: Record<string, unknown> = {};
    for (const c of CATEGORIES) if (!same(settings[key][c], DEFAULT_SETTINGS[key][c])) diff[c] = settings[key][c];
    if (Object.keys(diff).length > 0) out[key] = diff;
  }
  return out;
}

/** storage.sync's quotas (Chrome and Firefox): an item is its key and its JSON, in UTF-8 bytes. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;

/**
 * The stored key that would not fit storage.sync if `settings` were saved ('total' when all of
 * them together would not), or null when they fit. Checked before a list grows, so the reader
 * is told at once instead of by a refused write.
 */
export function syncQuotaProblem(settings: Settings): string | null {
  const encoder = new TextEncoder();
  let total = 0;
  for (const [key, value] of Object.entries(storedFrom(settings))) {
    const bytes = encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) return key;
    total += bytes;
  }
  return total > SYNC_QUOTA_BYTES ? 'total' : null;
}

/**
 * Why `pattern` cannot be added to the reader's switched-off sites: not a host, or a list that is
 * full (500 entries, or more than storage.sync holds as one item); null when it can (or is there).
 */
export function addSiteProblem(settings: Settings, pattern: string): SitePatternProblem | 'too-many' | null {
  const problem = sitePatternProblem(pattern);
  if (problem !== null) return problem;
  const site = normaliseSitePattern(pattern);
  if (settings.disabledSites.includes(site)) return null;
  const next = { ...settings, disabledSites: [...settings.disabledSites, site] };
  return settings.disabledSites.length >= MAX_SITE_PATTERNS || syncQuotaProblem(next) !== null ? 'too-many' : null;
}

/** True when Hashiya is switched off for `host` by one of the reader's site patterns. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((pattern) => siteMatches(pattern, host));
}

/** True when Hashiya marks names on `host`: on globally and not switched off for the site. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, host);
}
