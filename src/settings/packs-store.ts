import { ext } from '../ext';
import type { L10n } from '../data/pack-schema';

// Imported packs live in storage.local (storage.sync allows ~100 KB in all), one key per pack
// (`pack:<id>`): its JSON text with what the options page shows of it. One key each keeps every
// write the size of the pack it changes, instead of rewriting every pack (up to 5 MB each) under
// one key. Whether a pack is used is a setting (enabledPacks), so that it follows the reader like
// the other settings.
//
// Before, all packs were stored under one key, `packs`. That layout is still read (a pack under
// its own key wins); the first save moves its packs to their own keys and removes it.

/** One imported pack as stored. */
export interface StoredPack {
  readonly id: string;
  readonly title: L10n;
  readonly entities: number;
  /** Size of its JSON text in bytes. */
  readonly bytes: number;
  readonly text: string;
  /** Its article's title, date and language (stored since packs live side by side; else read from `text`). */
  readonly story?: { readonly title: L10n; readonly date: string; readonly language: 'ar' | 'en' };
}

/** What the options page tells of a stored pack's story (null when its text cannot be read). */
export function storyOf(pack: StoredPack): NonNullable<StoredPack['story']> | null {
  if (pack.story) return pack.story;
  try {
    const { article } = JSON.parse(pack.text) as { article: { title: L10n; date: string; language?: 'ar' | 'en' } };
    return { title: { ar: article.title.ar, en: article.title.en }, date: article.date, language: article.language ?? 'ar' };
  } catch {
    return null;
  }
}

const PREFIX = 'pack:';
/** The key of the earlier layout: every pack, by id, under one key. */
const LEGACY_KEY = 'packs';

/** The part of storage.local used here (a test double in tests). */
export interface LocalArea {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
const local = (): LocalArea => ext.storage.local;

const isPack = (v: unknown): v is StoredPack =>
  typeof v === 'object' && v !== null && typeof (v as StoredPack).id === 'string' && typeof (v as StoredPack).text === 'string';

/** True when a storage.onChanged `changes` of storage.local touches the imported packs. */
export function touchesPacks(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((key) => key === LEGACY_KEY || key.startsWith(PREFIX));
}

/** Every imported pack, by id (both layouts read). */
export async function loadPacks(area: LocalArea = local()): Promise<Record<string, StoredPack>> {
  const stored = await area.get(null);
  const packs = new Map<string, StoredPack>();
  const legacy = stored[LEGACY_KEY];
  if (typeof legacy === 'object' && legacy !== null) {
    for (const pack of Object.values(legacy)) if (isPack(pack)) packs.set(pack.id, pack);
  }
  for (const [key, pack] of Object.entries(stored)) {
    if (key.startsWith(PREFIX) && isPack(pack) && pack.id === key.slice(PREFIX.length)) packs.set(pack.id, pack);
  }
  return Object.fromEntries(packs);
}

/**
 * Makes `packs` the imported packs: writes only the packs that are new or changed, removes the
 * others (and the earlier layout's key). If the removal fails, what was written is taken back.
 */
export async function savePacks(packs: Record<string, StoredPack>, area: LocalArea = local()): Promise<void> {
  const stored = await area.get(null);
  const wanted = new Map(Object.values(packs).map((p) => [PREFIX + p.id, p]));
  const items: Record<string, StoredPack> = {};
  for (const [key, pack] of wanted) {
    const now = stored[key];
    if (!isPack(now) || now.text !== pack.text || JSON.stringify(now) !== JSON.stringify(pack)) items[key] = pack;
  }
  const removals = Object.keys(stored).filter((key) => (key === LEGACY_KEY || key.startsWith(PREFIX)) && !wanted.has(key));
  if (Object.keys(items).length > 0) await area.set(items);
  try {
    if (removals.length > 0) await area.remove(removals);
  } catch (error) {
    const added = Object.keys(items).filter((key) => !(key in stored));
    const changed = Object.fromEntries(Object.keys(items).filter((key) => key in stored).map((key) => [key, stored[key]]));
    await Promise.allSettled([added.length > 0 ? area.remove(added) : Promise.resolve(), area.set(changed)]);
    throw error;
  }
}
