// The packs the settings enable, validated again, as one ordered set (pack-links.ts): their match
// data for the content scripts and their card data for the card, under run-time ids. What the
// background hands out, not matching itself.

import type { CardData } from '../data/card-data';
import type { MatchData } from '../data/match-data';
import { linkedCardData, linkedMatchData, packSetOf, type PackSet } from '../data/pack-links';
import type { Pack } from '../data/pack-schema';
import { validatePackText } from '../data/validate-pack';
import type { StoredPack } from '../settings/packs-store';
import type { Settings } from '../settings/settings';

/**
 * The enabled packs: `bundled` first when the settings enable it, then the enabled imported packs
 * by id. Each imported pack is validated again: a stored pack that no longer passes (edited by
 * hand, from an older validator) is left out rather than trusted.
 */
export function enabledPackSet(settings: Settings, packs: Readonly<Record<string, StoredPack>>, bundled: Pack): PackSet {
  const imported = Object.values(packs)
    .filter((p) => settings.enabledPacks.includes(p.id))
    .flatMap((p) => {
      const pack = parsedPack(p.text);
      return pack && pack.id === p.id ? [pack] : [];
    });
  return packSetOf(bundled, settings.enabledPacks, imported);
}

/** The match data of the enabled imported packs, linked to the others (the bundled pack's is built in). */
export function enabledMatchData(set: PackSet): MatchData[] {
  return linkedMatchData(set);
}

/** The card data of the entity with run-time id `id`, every story that holds it included. */
export function enabledCardData(set: PackSet, id: string): CardData | null {
  return linkedCardData(set, id);
}

// A pack's text is validated once per text: a derived cache, rebuilt from storage after a restart.
const parsed = new Map<string, Pack | null>();

/** The pack stored as `text`, validated (null when it no longer passes). */
export function parsedPack(text: string): Pack | null {
  if (!parsed.has(text)) {
    if (parsed.size > 20) parsed.clear();
    const result = validatePackText(text);
    parsed.set(text, result.ok ? result.pack : null);
  }
  return parsed.get(text) ?? null;
}
