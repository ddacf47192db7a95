import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardDataFor } from '../data/card-data';
import type { Pack } from '../data/pack-schema';
import bundled from '../data/packs/sharaa-moscow-2025.json';
import { decodeRing, encodeRing } from './map-code';
import { countryAt, frameFor, framePaths, lonSpan, MAP_HEIGHT, MAP_WIDTH, projectTo, type Frame, type MapPlace } from './map-frame';
import { unwrapRing, worldOutline } from './world-outline';

const atlas = (scale: string) => JSON.parse(readFileSync(new URL(`../../node_modules/world-atlas/countries-${scale}.json`, import.meta.url), 'utf8')) as Parameters<typeof worldOutline>[0];
const world = worldOutline(atlas('110m'), atlas('50m'));
const pack = bundled as Pack;

/** Each place of the bundled pack with a point, and the linked places its card frames it with. */
const places = pack.entities.flatMap((entity) => {
  if (!entity.coordinates) return [];
  const data = cardDataFor(pack, entity.id)!;
  const related = Object.values(data.links).flatMap((link): MapPlace[] => (link.coordinates ? [{ ...link.coordinates, names: [link.name.en] }] : []));
  return [{ id: entity.id, place: { lon: entity.coordinates.lon, lat: entity.coordinates.lat, names: [entity.name.en] }, related }];
});
const frameOfPlace = (id: string) => {
  const { place, related } = places.find((p) => p.id === id)!;
  return frameFor(world, place, related);
};

/** Whether `lon, lat` falls in `frame` with `margin` (a share of the map's size) to spare. */
function inFrame(frame: Frame, lon: number, lat: number, margin: number): boolean {
  const { x, y } = projectTo(frame, lon, lat);
  return x >= MAP_WIDTH * margin && x <= MAP_WIDTH * (1 - margin) && y >= MAP_HEIGHT * margin && y <= MAP_HEIGHT * (1 - margin);
}

function expectWellShaped(frame: Frame) {
  for (const v of Object.values(frame)) expect(Number.isFinite(v)).toBe(true);
  expect(frame.lonSpan * frame.k).toBeCloseTo(2 * frame.latSpan, 6); // 2:1, like the map
  expect(frame.latSpan).toBeGreaterThanOrEqual(10);
  expect(frame.lonSpan).toBeLessThanOrEqual(360);
  expect(frame.north).toBeLessThanOrEqual(90 + 1e-9);
  expect(frame.north - frame.latSpan).toBeGreaterThanOrEqual(-90 - 1e-9);
  expect(frame.west).toBeGreaterThanOrEqual(-180);
  expect(frame.west).toBeLessThan(180);
}

describe('the world outline', () => {
  it('has every country of the 1:110m borders and the small ones of the 1:50m, small enough to bundle', () => {
    const names = Object.keys(world);
    expect(names.length).toBeGreaterThan(220);
    expect(names).toEqual(expect.arrayContaining(['Syria', 'Russia', 'Lebanon', 'Bahrain', 'Singapore', 'Fiji', 'Brazil']));
    expect(JSON.stringify(world).length).toBeLessThan(32_000);
  });

  it('codes rings to a tenth of a degree and back', () => {
    const point = fc.tuple(fc.double({ min: -180, max: 360, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 4, maxLength: 40 }), (ring) => {
        const tenths = (v: number) => Math.round(v * 10) + 0; // no -0
        const rounded = ring.map(([lon, lat]) => [tenths(lon), tenths(lat)] as const);
        const distinct = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1]);
        const code = encodeRing(ring);
        expect(code).toMatch(/^[\w-]*$/);
        if (distinct.length > 3) expect(decodeRing(code).map(([lon, lat]) => [tenths(lon), tenths(lat)])).toEqual(distinct);
        else expect(code).toBe('');
      }),
    );
  });

  it('joins rings across the antimeridian, and takes the shorter way round for a country', () => {
    expect(unwrapRing([[179, 60], [-179, 60], [-179, 62], [179, 62], [179, 60]])).toEqual([[179, 60], [181, 60], [181, 62], [179, 62], [179, 60]]);
    expect(unwrapRing([[-179, 60], [179, 60], [179, 62], [-179, 62], [-179, 60]])).toEqual([[181, 60], [179, 60], [179, 62], [181, 62], [181, 60]]);
    expect(lonSpan([[19.6, 22.8], [27, 180], [180, 190.9]])).toEqual([19.6, 190.9]); // Russia, Kaliningrad to Chukotka
    expect(lonSpan([[-180, -170], [170, 180]])).toEqual([170, 190]);
  });

  it('finds the country of a place, on the shore too', () => {
    expect(countryAt(world, 36.29, 33.51)?.name).toBe('Syria'); // Damascus
    expect(countryAt(world, 37.62, 55.75)?.name).toBe('Russia'); // Moscow
    expect(countryAt(world, 35.89, 34.89)?.name).toBe('Syria'); // Tartus, on the coast
    expect(countryAt(world, -175, 66)?.name).toBe('Russia'); // Chukotka, west of the antimeridian
    expect(countryAt(world, -30, 30)).toBeNull(); // the Atlantic
  });
});

describe('the place map frame', () => {
  it.each(places.map((p) => [p.id]))('frames %s with its point well inside, 2:1, a country or more across', (id) => {
    const { place } = places.find((p) => p.id === id)!;
    const frame = frameOfPlace(id);
    expectWellShaped(frame);
    expect(inFrame(frame, place.lon, place.lat, 0.08)).toBe(true);
    // The country it is in is drawn.
    expect(framePaths(world, frame).length).toBeGreaterThan(3);
  });

  it('shows a city with its country and neighbours', () => {
    const damascus = frameOfPlace('damascus');
    for (const [lon, lat] of [[36.29, 33.51], [42.4, 37.1], [35.7, 35.6], [38.8, 32.3]]) expect(inFrame(damascus, lon!, lat!, 0.02)).toBe(true); // Syria's corners
    for (const [lon, lat] of [[35.5, 33.9], [35.9, 31.95], [44.4, 33.3]]) expect(inFrame(damascus, lon!, lat!, 0)).toBe(true); // Beirut, Amman, Baghdad
  });

  it('shows Moscow in western Russia, not reaching for Russia’s middle in Siberia', () => {
    const moscow = frameOfPlace('moscow');
    expect(inFrame(moscow, 37.62, 55.75, 0.2)).toBe(true);
    expect(inFrame(moscow, 27.56, 53.9, 0)).toBe(true); // Minsk
    expect(inFrame(moscow, 100, 60, 0)).toBe(false); // Russia's point
    expect(moscow.latSpan).toBeLessThan(20);
  });

  it('shows a country whole, Russia across the antimeridian', () => {
    const russia = frameOfPlace('russia');
    for (const [lon, lat] of [[20.5, 54.7], [-175, 66], [180, 68], [37.62, 55.75], [104, 77.7], [47.5, 41.2]]) expect(inFrame(russia, lon!, lat!, 0.01)).toBe(true); // Kaliningrad, Chukotka, Moscow, Cape Chelyuskin, Dagestan
    const syria = frameOfPlace('syria');
    for (const [lon, lat] of [[42.4, 37.1], [35.7, 35.6], [38.8, 32.3]]) expect(inFrame(syria, lon!, lat!, 0.02)).toBe(true);
  });

  it('frames any point of the world, with any places linked to it, keeping it inside', () => {
    const at = fc.record({ lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -90, max: 90, noNaN: true }) });
    const name = fc.constantFrom('Russia', 'Fiji', 'Antarctica', 'United States of America', 'Somewhere');
    const place = fc.record({ lon: at.map((p) => p.lon), lat: at.map((p) => p.lat), names: fc.array(name, { maxLength: 1 }) });
    fc.assert(
      fc.property(place, fc.array(place, { maxLength: 3 }), (here, related) => {
        const frame = frameFor(world, here, related);
        expectWellShaped(frame);
        expect(inFrame(frame, here.lon, here.lat, Math.abs(here.lat) <= 80 ? 0.04 : 0)).toBe(true);
        for (const d of framePaths(world, frame)) expect(d).toMatch(/^(M-?\d+ -?\d+(L-?\d+ -?\d+)+Z)+$/);
      }),
      { numRuns: 150 },
    );
  });
});
