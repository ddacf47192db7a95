import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../data/pack-schema';
import bundledJson from '../data/packs/sharaa-moscow-2025.json';
import { storedPackFrom } from '../settings/backup';
import type { StoredPack } from '../settings/packs-store';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { enabledCardData, enabledMatchData, enabledPackSet } from './enabled-packs';

// The enabled packs side by side: each imported pack's entities under ids of its own, and the
// same entity in several packs (one Wikidata id) one entity, with each story on its card.

const bundled = bundledJson as unknown as Pack;
const stored = (name: string): StoredPack => {
  const result = storedPackFrom(readFileSync(`test/fixtures/packs/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name} is not a valid pack`);
  return result.pack;
};
/** `pack` re-stored under another id, its JSON edited by `edit`. */
const variant = (pack: StoredPack, id: string, edit: (p: Pack) => void = () => undefined): StoredPack => {
  const parsed = JSON.parse(pack.text) as Pack;
  edit(parsed);
  const result = storedPackFrom(JSON.stringify({ ...parsed, id }));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pack;
};

describe('the enabled packs', () => {
  const palmyra = stored('controls-palmyra');
  const minimal = stored('minimal-valid');
  const packs = { [palmyra.id]: palmyra, [minimal.id]: minimal };
  const set = (enabled: readonly string[], from: Record<string, StoredPack> = packs) => enabledPackSet({ ...DEFAULT_SETTINGS, enabledPacks: enabled }, from, bundled);

  it('hold the names of the enabled imported packs only, each entity under its pack\'s id', () => {
    const data = enabledMatchData(set(['sharaa-moscow-2025', 'fixture-palmyra']));
    expect(data.map((d) => d.packId)).toEqual(['fixture-palmyra']);
    expect(data[0]!.entities.map((e) => [e.id, e.name])).toEqual([
      ['fixture-palmyra/queen-zenobia', 'Queen Zenobia'],
      ['fixture-palmyra/odaenathus', 'Odaenathus'],
    ]);
    expect(enabledMatchData(set(DEFAULT_SETTINGS.enabledPacks))).toEqual([]);
  });

  it('leave out a stored pack that no longer validates', () => {
    const broken = { ...palmyra, text: palmyra.text.replace('"hashiya-pack"', '"other"') };
    expect(enabledMatchData(set(['fixture-palmyra', 'fixture-minimal'], { ...packs, [palmyra.id]: broken })).map((d) => d.packId)).toEqual(['fixture-minimal']);
  });

  it('keep two packs with the same entity ids apart: neither adds names to, or answers for, the other', () => {
    const copy = variant(palmyra, 'palmyra-copy', (p) => p.entities[0]!.aliases.push({ text: 'Bat-Zabbai', lang: 'en', kind: 'full' }));
    const both = set(['fixture-palmyra', 'palmyra-copy'], { [palmyra.id]: palmyra, [copy.id]: copy });
    const data = enabledMatchData(both);
    expect(data.map((d) => d.entities[0]!.id)).toEqual(['fixture-palmyra/queen-zenobia', 'palmyra-copy/queen-zenobia']);
    expect(data[0]!.entities[0]!.names.map((n) => n.text)).not.toContain('Bat-Zabbai');
    expect(enabledCardData(both, 'fixture-palmyra/queen-zenobia')?.entity.aliases.map((a) => a.text)).not.toContain('Bat-Zabbai');
    expect(enabledCardData(both, 'palmyra-copy/queen-zenobia')?.packId).toBe('palmyra-copy');
    // The bundled pack's ids are its own: an imported pack's entity of the same id is another.
    const putin = variant(palmyra, 'putin-clash', (p) => (p.entities[0]!.id = 'vladimir-putin'));
    const clash = set(['sharaa-moscow-2025', 'putin-clash'], { [putin.id]: putin });
    expect(enabledCardData(clash, 'vladimir-putin')?.entity.name.en).toBe('Vladimir Putin');
    expect(enabledCardData(clash, 'putin-clash/vladimir-putin')?.entity.name.en).toBe('Queen Zenobia');
  });

  it('answer card data from an enabled pack only, its relations under run-time ids', () => {
    const on = set(['fixture-palmyra']);
    const zenobia = enabledCardData(on, 'fixture-palmyra/queen-zenobia');
    expect(zenobia?.entity.name.en).toBe('Queen Zenobia');
    expect(Object.keys(zenobia!.links).every((id) => id.startsWith('fixture-palmyra/'))).toBe(true);
    expect(zenobia!.entity.relations.every((r) => r.target.startsWith('fixture-palmyra/'))).toBe(true);
    expect(enabledCardData(set(DEFAULT_SETTINGS.enabledPacks), 'fixture-palmyra/queen-zenobia')).toBeNull();
    expect(enabledCardData(on, 'queen-zenobia')).toBeNull();
    expect(enabledCardData(on, 'fixture-palmyra/nobody')).toBeNull();
  });

  it("give an imported pack's events, their people and their dates' events under run-time ids", () => {
    const prov = { kind: 'article', start: 0, end: 24 } as const;
    const withEvent = variant(palmyra, 'palmyra-events', (p) => {
      const date = { value: '0272', precision: 'year', label: { ar: 'المعركة', en: 'The battle' }, provenance: prov } as const;
      p.entities.push({ ...p.entities[1]!, id: 'battle-of-emesa', type: 'event', name: { ar: 'معركة حمص', en: 'Battle of Emesa' }, relations: [], dates: [date] });
      (p.entities[0]!.relations as unknown[]).push({ type: 'participant', target: 'battle-of-emesa', provenance: prov });
      (p.entities[0]!.dates as unknown[]).push(date);
    });
    const on = set(['palmyra-events'], { [withEvent.id]: withEvent });
    const zenobia = enabledCardData(on, 'palmyra-events/queen-zenobia')!;
    expect(zenobia.dateEvents).toEqual(['palmyra-events/battle-of-emesa']);
    expect(Object.keys(zenobia.links)).toContain('palmyra-events/battle-of-emesa');
    const battle = enabledCardData(on, 'palmyra-events/battle-of-emesa')!;
    expect(battle.event).toEqual({ places: [], participants: ['palmyra-events/queen-zenobia'], tellers: [] });
    expect(battle.links['palmyra-events/queen-zenobia']?.name.en).toBe('Queen Zenobia');
  });

  it('make one entity of the same person in two stories (one Wikidata id): one id on the page, each story on the card', () => {
    // A second story of Putin's, linked to the bundled pack's by his Wikidata id.
    const story = variant(palmyra, 'putin-in-palmyra', (p) => {
      p.entities[0]!.wikidata = 'Q7747';
      p.entities[0]!.aliases.push({ text: 'Vladimir Vladimirovich', lang: 'en', kind: 'full' });
    });
    const linked = set(['sharaa-moscow-2025', 'putin-in-palmyra'], { [story.id]: story });
    const data = enabledMatchData(linked);
    // Its names go to the bundled pack's entity, which the page counts once.
    expect(data[0]!.entities[0]!.id).toBe('vladimir-putin');
    expect(data[0]!.entities[1]!.id).toBe('putin-in-palmyra/odaenathus');
    const card = enabledCardData(linked, 'vladimir-putin')!;
    expect(card.entity.name.en).toBe('Vladimir Putin'); // the first pack's record
    expect(card.stories?.map((s) => [s.packId, s.entityId, s.article.title.en])).toEqual([
      ['sharaa-moscow-2025', 'vladimir-putin', bundled.article.title.en],
      ['putin-in-palmyra', 'queen-zenobia', JSON.parse(story.text).article.title.en],
    ]);
    expect(card.stories![0]!.sentences.length).toBe(bundled.entities.find((e) => e.id === 'vladimir-putin')!.mentions.length);
    expect(card.stories![1]!.sentences.length).toBeGreaterThan(0);
    // The linked entity's own id asks for nothing: it is the bundled pack's now.
    expect(enabledCardData(linked, 'putin-in-palmyra/queen-zenobia')).toBeNull();
    // With the bundled pack off, the imported pack's entity is itself again.
    expect(enabledCardData(set(['putin-in-palmyra'], { [story.id]: story }), 'putin-in-palmyra/queen-zenobia')?.stories).toBeUndefined();
  });
});
