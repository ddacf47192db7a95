import { describe, expect, it } from 'vitest';
import { cardDataFor } from './card-data';
import type { Pack } from './pack-schema';
import bundled from './packs/sharaa-moscow-2025.json';

const pack = bundled as unknown as Pack;

describe('cardDataFor', () => {
  it('cuts the sentences, quotes and links of one entity from the pack', () => {
    const card = cardDataFor(pack, 'vladimir-putin')!;
    expect(card.entity.name.en).toBe('Vladimir Putin');
    expect(card.sentences.length).toBeGreaterThan(0);
    for (const s of card.sentences) {
      expect(pack.article.text.slice(s.start, s.end)).toBe(s.ar);
      expect(s.paragraphEn.length).toBeGreaterThan(0);
    }
    // Most sentences name him; some refer to him by title only (نظيره الروسي).
    expect(card.sentences.filter((s) => /بوتين/.test(s.ar)).length).toBeGreaterThan(card.sentences.length / 2);
    // The quotes he said, then those said to him or naming him, each with its speaker's names.
    const said = card.quotes.filter((q) => q.said);
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((q) => q.speaker === 'vladimir-putin' && q.speakerName.en === 'Vladimir Putin')).toBe(true);
    expect(card.quotes.slice(0, said.length)).toEqual(said);
    const heard = card.quotes.filter((q) => !q.said);
    expect(heard.map((q) => q.id)).toContain('sharaa-new-syria'); // al-Sharaa to Putin (audience)
    expect(heard.find((q) => q.id === 'sharaa-new-syria')?.speakerName.en).toBe('Ahmad al-Sharaa');
    expect(heard.every((q) => q.speaker !== 'vladimir-putin' && (q.audience === 'vladimir-putin' || /بوتين/.test(q.ar)))).toBe(true);
    for (const q of card.quotes) expect(pack.article.text.slice(q.start, q.end)).toBe(q.ar);
    expect(card.entity.relations.length).toBeGreaterThan(0);
    for (const relation of card.entity.relations) expect(card.links[relation.target]?.id).toBe(relation.target);
    expect(card.article.date).toBe('2025-10-15');
    // The bundled article names no outlet nor address: the card cites none.
    expect(card.article).not.toHaveProperty('outlet');
    expect(card.article).not.toHaveProperty('url');
    const outlet = { ar: 'سانا', en: 'SANA' };
    const cited = cardDataFor({ ...pack, article: { ...pack.article, outlet, url: 'https://example.org/a' } }, 'vladimir-putin')!;
    expect(cited.article).toMatchObject({ outlet, url: 'https://example.org/a' });
  });

  it('gives a linked place its point, for the map to frame it with, and no other entity one', () => {
    const moscow = cardDataFor(pack, 'moscow')!;
    expect(moscow.links.russia?.coordinates).toEqual({ lat: 60, lon: 100 });
    const putin = cardDataFor(pack, 'vladimir-putin')!;
    for (const link of Object.values(putin.links)) expect(link.coordinates === undefined).toBe(link.type !== 'place' || !pack.entities.find((e) => e.id === link.id)?.coordinates);
  });

  it('gives a sentence the English of that sentence where the paragraph aligns sentence by sentence', () => {
    const card = cardDataFor(pack, 'vladimir-putin')!;
    // The second key point (a bullet of the first paragraph) is about the talks with Putin: its
    // English is that bullet, not the first one about stability.
    const talks = card.sentences.find((s) => s.ar.includes('تركزت المباحثات'))!;
    expect(talks.paragraphEn).toMatch(/^- The talks between al-Sharaa and Putin/);
    expect(talks.paragraphEn).not.toMatch(/stressed|coincided/);
  });

  it('falls back to the whole paragraph where the sentences do not pair up', () => {
    const text = 'جملة أولى. جملة ثانية. جملة ثالثة.';
    const paragraphs = [{ start: 0, end: text.length, en: 'Two sentences only. Here.' }];
    const entity = { ...pack.entities[0]!, mentions: [{ start: 11, end: 22 }] };
    const card = cardDataFor({ ...pack, article: { ...pack.article, text, paragraphs }, entities: [entity] }, entity.id)!;
    expect(card.sentences[0]!.paragraphEn).toBe('Two sentences only. Here.');
    const aligned = [{ start: 0, end: text.length, en: 'First. Second. Third.' }];
    const card2 = cardDataFor({ ...pack, article: { ...pack.article, text, paragraphs: aligned }, entities: [entity] }, entity.id)!;
    expect(card2.sentences[0]!.paragraphEn).toBe('Second.');
  });

  it('answers null for an id the pack does not have', () => {
    expect(cardDataFor(pack, 'no-such-entity')).toBeNull();
  });
});
