// The place map's outlines, made at build time from world-atlas country borders: the region of the
// story (lon 25–50, lat 25–45, Syria, Russia's south, Turkey, Iraq …) as SVG paths in a plain
// equirectangular projection, points rounded to a tenth of a degree. Points outside the region
// are clamped to a margin just beyond it, so a country that reaches out of the view keeps its
// shape inside it and the clamped edges stay out of sight.
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';

/** The region shown: lon 25–50 east, lat 25–45 north. */
const REGION = { west: 25, east: 50, south: 25, north: 45 } as const;
/** Units per degree of latitude; longitude is narrowed by cos(35°), the region's middle. */
const SCALE = 10;
const LON_SCALE = SCALE * Math.cos((35 * Math.PI) / 180);
const MARGIN = 1;

export interface RegionOutline {
  readonly width: number;
  readonly height: number;
  readonly paths: readonly string[];
}

/** The map position of a longitude/latitude (may fall outside the region). */
export function project(lon: number, lat: number): { x: number; y: number } {
  return { x: Math.round((lon - REGION.west) * LON_SCALE * 10) / 10, y: Math.round((REGION.north - lat) * SCALE * 10) / 10 };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function ringPath(ring: readonly (readonly number[])[]): string | null {
  const inside = ring.some(([lon, lat]) => lon! >= REGION.west && lon! <= REGION.east && lat! >= REGION.south && lat! <= REGION.north);
  if (!inside) return null;
  const points: string[] = [];
  for (const [lon, lat] of ring) {
    const { x, y } = project(clamp(lon!, REGION.west - MARGIN, REGION.east + MARGIN), clamp(lat!, REGION.south - MARGIN, REGION.north + MARGIN));
    const point = `${Math.round(x)} ${Math.round(y)}`;
    if (points[points.length - 1] !== point) points.push(point);
  }
  return points.length >= 3 ? `M${points.join('L')}Z` : null;
}

/** One SVG path per country that reaches into the region. */
export function regionOutline(topology: Topology<{ countries: GeometryCollection }>): RegionOutline {
  const paths: string[] = [];
  const countries = feature(topology, topology.objects.countries);
  for (const country of countries.features) {
    const geometry = country.geometry;
    if (!geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    const rings = polygons.flatMap((polygon) => polygon.map(ringPath)).filter((p): p is string => p !== null);
    if (rings.length > 0) paths.push(rings.join(''));
  }
  const corner = project(REGION.east, REGION.south);
  return { width: Math.round(corner.x), height: Math.round(corner.y), paths };
}
