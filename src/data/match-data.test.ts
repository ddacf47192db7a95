import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import bundled from './packs/sharaa-moscow-2025.json';
import { compactMatchData, expandMatchData, toMatchData } from './match-data';
import { validatePack } from './validate-pack';
import type { Pack } from './pack-schema';

const result = validatePack(bundled);
if (!result.ok) throw new Error('bundled pack invalid');
const pack: Pack = result.pack;
const data = toMatchData(pack);

describe('toMatchData', () => {
  it('keeps every entity with its English name and every name once', () => {
    expect(pack.entities.length).toBeGreaterThan(0);
    expect(data.entities.map((e) => e.id)).toEqual(pack.entities.map((e) => e.id));
    for (const [i, entity] of pack.entities.entries()) {
      const names = data.entities[i]?.names.map((n) => n.text) ?? [];
      expect(data.entities[i]?.name).toBe(entity.name.en);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(names)).toEqual(new Set([entity.name.ar, entity.name.en, ...entity.aliases.map((a) => a.text)]));
    }
  });

  it('lets an alias that repeats a canonical name carry its flags', () => {
    const moscow = data.entities.find((e) => e.id === 'moscow')?.names.find((n) => n.text === 'Moscow');
    expect(moscow).toEqual({ text: 'Moscow', ambiguity: 'unless-blocked' });
    const sana = data.entities.find((e) => e.id === 'sana')?.names.find((n) => n.text === 'SANA');
    expect(sana).toEqual({ text: 'SANA', caseSensitive: true });
    expect(data.entities.find((e) => e.id === 'ahmad-al-sharaa')?.cues?.before).toContain('الرئيس');
  });

  it('leaves out everything only the card needs', () => {
    const json = JSON.stringify(data);
    expect(data.blockers.length).toBeGreaterThan(0);
    for (const field of ['summary', 'mentions', 'provenance', 'quotes', 'reason', 'coordinates', 'article']) expect(json).not.toContain(`"${field}"`);
    expect(data.blockers).toHaveLength(pack.blockers.length);
  });

  it('fits well inside the 60 KB content-script budget', () => {
    const minified = JSON.stringify(data);
    expect(new TextEncoder().encode(minified).length).toBeLessThan(30 * 1024);
    expect(gzipSync(minified).length).toBeLessThan(8 * 1024);
  });
});

describe('the compact form the build embeds', () => {
  it('expands to exactly the match data, order included', () => {
    const round = expandMatchData(compactMatchData(data));
    expect(round).toEqual(data);
    expect(round.blockers.map((b) => b.text)).toEqual(data.blockers.map((b) => b.text));
  });

  it('is much smaller than the plain form', () => {
    const plain = JSON.stringify(data).length;
    expect(JSON.stringify(compactMatchData(data)).length).toBeLessThan(plain * 0.75);
  });
});
