import { toMatchData, type MatchData } from '../data/match-data';
import { validatePackText } from '../data/validate-pack';
import type { StoredPack } from '../settings/packs-store';
import type { Settings } from '../settings/settings';

/**
 * The match data of the imported packs that `settings` enables. Each pack is validated again: a
 * stored pack that no longer passes (edited by hand, from an older validator) is left out rather
 * than trusted.
 */
export function enabledMatchData(settings: Settings, packs: Readonly<Record<string, StoredPack>>): MatchData[] {
  return Object.values(packs)
    .filter((p) => settings.enabledPacks.includes(p.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) => {
      const result = validatePackText(p.text);
      return result.ok ? [toMatchData(result.pack)] : [];
    });
}
