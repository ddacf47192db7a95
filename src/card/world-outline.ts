// The place map's outlines, made at build time from world-atlas country borders: every country of
// the world, so that a pack may name a place anywhere. The 1:110m borders (177 countries) keep
// card.js small; the countries only the 1:50m borders have (Bahrain, Malta, Singapore …) are added
// from those, small as they are, so that a place in them still finds its country. Each ring's
// points are tenths of a degree, delta-coded in a string of URL-safe base-64 digits (map-code.ts):
// the card finds a place's country, chooses a frame and draws it without any geometry library.
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { encodeRing, type WorldOutline } from './map-code';

type Countries = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

/**
 * `ring` without its jumps across the antimeridian (179° E to 179° W is two degrees east): its
 * longitudes may pass 180, its west edge is in [-180, 180). A ring round a pole (Antarctica's) does
 * not close that way and is kept as it is.
 */
export function unwrapRing(ring: readonly (readonly number[])[]): number[][] {
  const out: number[][] = [];
  for (const [lon, lat] of ring) {
    const before = out[out.length - 1];
    out.push([before ? lon! + 360 * Math.round((before[0]! - lon!) / 360) : lon!, lat!]);
  }
  if (Math.abs(out[0]![0]! - out[out.length - 1]![0]!) > 1e-6) return ring.map((p) => [...p]);
  const west = Math.min(...out.map((p) => p[0]!));
  const shift = -360 * Math.floor((west + 180) / 360);
  return out.map(([lon, lat]) => [lon! + shift, lat!]);
}

/** The outer rings of each country of `topology`, by name, as [lon, lat] points. */
function ringsByCountry(topology: Countries): Map<string, number[][][]> {
  const out = new Map<string, number[][][]>();
  for (const country of feature(topology, topology.objects.countries).features) {
    const geometry = country.geometry;
    const name = country.properties?.name;
    if (!geometry || !name) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    out.set(name, [...(out.get(name) ?? []), ...polygons.map((polygon) => unwrapRing(polygon[0]!))]);
  }
  return out;
}

/** Every country of `coarse`, and those only `fine` has, with their boxes and coded rings. */
export function worldOutline(coarse: Countries, fine: Countries): WorldOutline {
  const countries = ringsByCountry(coarse);
  for (const [name, rings] of ringsByCountry(fine)) if (!countries.has(name)) countries.set(name, rings);
  const coded = [...countries].map(([name, rings]) => [name, rings.map(encodeRing).filter((ring) => ring !== '')] as const);
  return Object.fromEntries(coded.filter(([, rings]) => rings.length > 0));
}
