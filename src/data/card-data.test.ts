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
    expect(card.quotes.every((q) => q.speaker === 'vladimir-putin')).toBe(true);
    for (const relation of card.entity.relations) expect(card.links[relation.target]?.id).toBe(relation.target);
    expect(card.article.date).toBe('2025-10-15');
  });

  it('answers null for an id the pack does not have', () => {
    expect(cardDataFor(pack, 'no-such-entity')).toBeNull();
  });
});
