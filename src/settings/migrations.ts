// Versioned migrations of what storage.sync holds. Each step takes the stored values of version n
// and returns those of version n + 1; a reader who skipped releases runs every step in order.
// Version 1 carried no version key: enabled, categories, marks, hoverDelay, disabledSites.

/** What storage.sync holds: only the settings that differ from the defaults, plus `version`. */
export type StoredValues = Record<string, unknown>;

type Step = (values: StoredValues) => StoredValues;

// v1 → v2: v2 adds clickModifier, cardLanguage, theme, textSize and enabledPacks (their defaults
// need nothing stored) and compares site patterns trimmed and lower-cased, so v1's patterns are
// normalised once here (`  News.Example.COM ` matched nothing in v1's exact comparison). v1 took
// any text, so a whole address (`https://news.example.com/x`) is reduced to its host.
const v1ToV2: Step = (values) => {
  const out = { ...values };
  if (Array.isArray(values.disabledSites)) {
    out.disabledSites = (values.disabledSites as unknown[])
      .map((s: unknown) => (typeof s === 'string' ? hostOf(s.trim().toLowerCase()) : s))
      .filter((s) => s !== '');
  }
  return out;
};

function hostOf(entry: string): string {
  if (!/^https?:\/\//.test(entry)) return entry;
  try {
    return new URL(entry).hostname;
  } catch {
    return entry;
  }
}

// Settings added later with a default (openMode, hoverKey) need no step: a store without them
// reads as their defaults, and a version that does not know them leaves them alone.

/** Steps in order: STEPS[n - 1] turns version n into n + 1. */
const STEPS: readonly Step[] = [v1ToV2];

/** The current version of the stored settings. */
export const SETTINGS_VERSION = STEPS.length + 1;

/** The version the stored values declare (1 when they carry none, as v1 did). */
export function storedVersion(values: StoredValues): number {
  const v = values.version;
  return Number.isSafeInteger(v) && (v as number) >= 1 ? (v as number) : 1;
}

/** Brings stored values of any earlier version to the current one; newer ones are left as they are. */
export function migrate(values: StoredValues): StoredValues {
  let out = values;
  for (let version = storedVersion(values); version < SETTINGS_VERSION; version++) out = STEPS[version - 1]!(out);
  const rest = { ...out };
  delete rest.version;
  return rest;
}
