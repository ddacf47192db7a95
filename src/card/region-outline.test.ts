import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { project, regionOutline } from './region-outline';

const topology = JSON.parse(readFileSync(new URL('../../node_modules/world-atlas/countries-50m.json', import.meta.url), 'utf8')) as Parameters<typeof regionOutline>[0];

describe('region outline', () => {
  const outline = regionOutline(topology);

  it('keeps the countries of the region, small enough to bundle', () => {
    expect(outline.paths.length).toBeGreaterThan(10); // Syria, Turkey, Iraq, Lebanon, Israel, Jordan, Egypt, Russia …
    expect(outline.paths.length).toBeLessThan(40);
    expect(JSON.stringify(outline).length).toBeLessThan(60_000);
  });

  it('projects places of the story inside the map, west to east and north to south', () => {
    const damascus = project(36.29, 33.51);
    const latakia = project(35.78, 35.52);
    for (const p of [damascus, latakia]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(outline.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(outline.height);
    }
    expect(latakia.x).toBeLessThan(damascus.x);
    expect(latakia.y).toBeLessThan(damascus.y);
  });

  it('draws points as whole map units within a margin of the region', () => {
    const numbers = outline.paths.join(' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(numbers.every((n) => Number.isInteger(n) && n >= -10 && n <= Math.max(outline.width, outline.height) + 10)).toBe(true);
  });
});
