import { ext } from '../ext';
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

/** Every imported pack, by id. */
export async function loadPacks(): Promise<Record<string, StoredPack>> {
  const stored = await ext.storage.local.get(KEY);
  const packs = stored[KEY];
  return typeof packs === 'object' && packs !== null ? (packs as Record<string, StoredPack>) : {};
}

/** Replaces every imported pack with `packs`. */
export async function savePacks(packs: Record<string, StoredPack>): Promise<void> {
  await ext.storage.local.set({ [KEY]: packs });
}
