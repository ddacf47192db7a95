// The imported packs the settings enable, validated again, as match data (for the content
// scripts) and card data (for the card): what the background hands out, not matching itself.

import { cardDataFor, type CardData } from '../data/card-data';
import { toMatchData, type MatchData } from '../data/match-data';
import type { Pack } from '../data/pack-schema';
import { validatePackText } from '../data/validate-pack';
import type { StoredPack } from '../settings/packs-store';
import type { Settings } from '../settings/settings';

/**
 * The match data of the imported packs that `settings` enables. Each pack is validated again: a
 * stored pack that no longer passes (edited by hand, from an older validator) is left out rather
 * than trusted.
 */
export function enabledMatchData(settings: Settings, packs: Readonly<Record<string, StoredPack>>, taken: ReadonlySet<string> = new Set()): MatchData[] {
  return enabledPacks(settings, packs, taken).map(toMatchData);
}

/** The card data of `id` from the first enabled imported pack that holds it. */
export function importedCardData(id: string, settings: Settings, packs: Readonly<Record<string, StoredPack>>, taken: ReadonlySet<string> = new Set()): CardData | null {
  for (const pack of enabledPacks(settings, packs, taken)) {
    const data = cardDataFor(pack, id);
    if (data) return data;
  }
  return null;
}

// A pack's text is validated once per text: a derived cache, rebuilt from storage after a restart.
const parsed = new Map<string, Pack | null>();

// The matcher merges names by entity id, so a pack whose entity ids are `taken` (the built-in
// pack's) or used by an earlier pack would add its names to another pack's records. The options
// page refuses such a pack; one stored before it did is left out here.
function enabledPacks(settings: Settings, packs: Readonly<Record<string, StoredPack>>, taken: ReadonlySet<string>): Pack[] {
  const used = new Set(taken);
  return Object.values(packs)
    .filter((p) => settings.enabledPacks.includes(p.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) => {
      if (!parsed.has(p.text)) {
        if (parsed.size > 20) parsed.clear();
        const result = validatePackText(p.text);
        parsed.set(p.text, result.ok ? result.pack : null);
      }
      const pack = parsed.get(p.text);
      if (!pack || pack.entities.some((e) => used.has(e.id))) return [];
      for (const e of pack.entities) used.add(e.id);
      return [pack];
    });
}
