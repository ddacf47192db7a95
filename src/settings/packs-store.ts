import { ext } from '../content/extension-api';
import type { L10n } from '../data/pack-schema';

// Imported packs live in storage.local (storage.sync allows ~100 KB in all): under `packs`, each
// pack's JSON text with what the options page shows of it. Whether a pack is used is a setting
// (enabledPacks), so that it follows the reader like the other settings.

/** One imported pack as stored. */
export interface StoredPack {
  readonly id: string;
  readonly title: L10n;
  readonly entities: number;
  /** Size of its JSON text in bytes. */
  readonly bytes: number;
  readonly text: string;
}

const KEY = 'packs';

/** The part of storage.local used here (a test double in tests). */
interface LocalArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
const local = (): LocalArea => ext.storage.local;

/** Every imported pack, by id. */
export async function loadPacks(area: LocalArea = local()): Promise<Record<string, StoredPack>> {
  const stored = await area.get(KEY);
  const packs = stored[KEY];
  return typeof packs === 'object' && packs !== null ? (packs as Record<string, StoredPack>) : {};
}

/** Replaces every imported pack with `packs`. */
export async function savePacks(packs: Record<string, StoredPack>, area: LocalArea = local()): Promise<void> {
  await area.set({ [KEY]: packs });
}
