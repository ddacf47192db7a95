// The settings schema: every setting with its default and a check for stored values. Only values
// that differ from the defaults are stored (storage.sync), so improved defaults reach everyone
// who never changed them. A stored value that fails its check falls back to its default and the
// rest is kept.
import { COLOURS, UNDERLINE_STYLES, type Colour, type UnderlineStyle } from '../content/highlight-styles';

export const CATEGORIES = ['person', 'place', 'organisation', 'event'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface MarkStyle {
  readonly style: UnderlineStyle;
  readonly colour: Colour;
}

export interface Settings {
  readonly enabled: boolean;
  readonly categories: Readonly<Record<Category, boolean>>;
  readonly marks: Readonly<Record<Category, MarkStyle>>;
  readonly hoverDelay: number;
  readonly disabledSites: readonly string[];
}

export const SETTINGS_VERSION = 1;

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
  disabledSites: [],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function markStyle(v: unknown, fallback: MarkStyle): MarkStyle {
  if (!isRecord(v)) return fallback;
  const style = UNDERLINE_STYLES.includes(v.style as UnderlineStyle) ? (v.style as UnderlineStyle) : fallback.style;
  const colour = typeof v.colour === 'string' && v.colour in COLOURS ? (v.colour as Colour) : fallback.colour;
  return { style, colour };
}

/** Settings from stored values: every missing or invalid value is its default; `reset` names them. */
export function settingsFrom(stored: Record<string, unknown>): { settings: Settings; reset: string[] } {
  const reset: string[] = [];
  const d = DEFAULT_SETTINGS;
  const pick = <T>(key: string, ok: (v: unknown) => v is T, fallback: T): T => {
    if (!(key in stored)) return fallback;
    if (ok(stored[key])) return stored[key];
    reset.push(key);
    return fallback;
  };
  const categories = { ...d.categories };
  const marks = { ...d.marks };
  const storedCategories = isRecord(stored.categories) ? stored.categories : {};
  const storedMarks = isRecord(stored.marks) ? stored.marks : {};
  if ('categories' in stored && !isRecord(stored.categories)) reset.push('categories');
  if ('marks' in stored && !isRecord(stored.marks)) reset.push('marks');
  for (const c of CATEGORIES) {
    if (typeof storedCategories[c] === 'boolean') categories[c] = storedCategories[c];
    else if (c in storedCategories) reset.push(`categories.${c}`);
    marks[c] = markStyle(storedMarks[c], d.marks[c]);
  }
  const settings: Settings = {
    enabled: pick('enabled', (v): v is boolean => typeof v === 'boolean', d.enabled),
    categories,
    marks,
    hoverDelay: pick('hoverDelay', (v): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3000, d.hoverDelay),
    disabledSites: pick('disabledSites', (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'), d.disabledSites),
  };
  return { settings, reset };
}

/** True when Hashiya is switched off for `host` by one of the reader's site patterns. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((pattern) =>
    pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern,
  );
}
