import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storedPackFrom } from '../settings/backup';
import type { StoredPack } from '../settings/packs-store';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { enabledMatchData, importedCardData } from './enabled-packs';

const stored = (name: string): StoredPack => {
  const result = storedPackFrom(readFileSync(`test/fixtures/packs/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name} is not a valid pack`);
  return result.pack;
};

describe('enabledMatchData', () => {
  const palmyra = stored('controls-palmyra');
  const minimal = stored('minimal-valid');
  const packs = { [palmyra.id]: palmyra, [minimal.id]: minimal };

  it('holds the names of the enabled imported packs only', () => {
    const data = enabledMatchData({ ...DEFAULT_SETTINGS, enabledPacks: ['sharaa-moscow-2025', 'fixture-palmyra'] }, packs);
    expect(data.map((d) => d.packId)).toEqual(['fixture-palmyra']);
    expect(data[0]!.entities.map((e) => e.name)).toEqual(['Queen Zenobia', 'Odaenathus']);
    expect(enabledMatchData(DEFAULT_SETTINGS, packs)).toEqual([]);
  });

  it('leaves out a stored pack that no longer validates', () => {
    const broken = { ...palmyra, text: palmyra.text.replace('"hashiya-pack"', '"other"') };
    expect(enabledMatchData({ ...DEFAULT_SETTINGS, enabledPacks: ['fixture-palmyra', 'fixture-minimal'] }, { ...packs, [palmyra.id]: broken }).map((d) => d.packId)).toEqual(['fixture-minimal']);
  });

  it('leaves out a stored pack whose entity ids belong to the built-in pack or to an earlier pack', () => {
    const on = { ...DEFAULT_SETTINGS, enabledPacks: ['fixture-palmyra', 'fixture-minimal'] };
    expect(enabledMatchData(on, packs, new Set(['queen-zenobia'])).map((d) => d.packId)).toEqual(['fixture-minimal']);
    expect(importedCardData('queen-zenobia', on, packs, new Set(['queen-zenobia']))).toBeNull();
    const copy = { ...palmyra, id: 'palmyra-copy', text: palmyra.text.replace('"fixture-palmyra"', '"palmyra-copy"') };
    const both = { ...DEFAULT_SETTINGS, enabledPacks: ['fixture-palmyra', 'palmyra-copy'] };
    expect(enabledMatchData(both, { [palmyra.id]: palmyra, [copy.id]: copy }).map((d) => d.packId)).toEqual(['fixture-palmyra']);
  });

  it('answers card data from an enabled imported pack only', () => {
    const on = { ...DEFAULT_SETTINGS, enabledPacks: ['fixture-palmyra'] };
    expect(importedCardData('queen-zenobia', on, packs)?.entity.name.en).toBe('Queen Zenobia');
    expect(importedCardData('queen-zenobia', DEFAULT_SETTINGS, packs)).toBeNull();
    expect(importedCardData('nobody', on, packs)).toBeNull();
  });
});
