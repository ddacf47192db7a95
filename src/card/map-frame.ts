// The place map's frame, chosen for the place it shows: its point, its country when that is small
// enough to show whole (a city shows its country and the neighbours round it; Moscow shows western
// Russia, not Russia to the Pacific), the places it is linked to when they fit, and a country its
// whole self. The map is an equirectangular projection narrowed by the cosine of the frame's middle
// latitude, always twice as wide as tall so the card keeps its height, and it wraps round the
// antimeridian and stops at the poles.
import { decodeRing, type WorldOutline } from './map-code';

/** The map's size in SVG units (its viewBox): 2:1, whatever the frame. */
export const MAP_WIDTH = 240;
export const MAP_HEIGHT = 120;
/** The least latitude a frame spans: a city with its country and neighbours. */
const MIN_SPAN = 10;
/** How far (projected degrees) a frame grows to take in the place's country and linked places. */
const CONTEXT_WIDTH = 40;
const CONTEXT_HEIGHT = 24;
/** Room left round what a frame holds, as a share of its span (and at least a degree). */
const PAD = 0.12;
/** Frames stop at the poles (a place there sits on the edge). */
const MAX_LAT = 90;
/** The latitude beyond which narrowing stops (cos 75° ≈ ¼). */
const NARROW_LAT = 75;

/** A place to show or to frame with it: its point and its English names. */
export interface MapPlace {
  readonly lon: number;
  readonly lat: number;
  /** English names, to tell a country from a place in it ("Syria" is the country world-atlas names so). */
  readonly names: readonly string[];
}

/** West edge, north edge, spans in degrees; `k` narrows longitudes (≈ cos of the middle latitude). */
export interface Frame {
  readonly west: number;
  readonly north: number;
  readonly lonSpan: number;
  readonly latSpan: number;
  readonly k: number;
}

interface Box {
  w: number;
  s: number;
  e: number;
  n: number;
}

interface Ring {
  readonly points: readonly [number, number][];
  readonly box: Box;
}

export interface Country {
  readonly name: string;
  readonly box: Box;
  readonly rings: readonly Ring[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const cosDeg = (lat: number) => Math.cos((clamp(lat, -NARROW_LAT, NARROW_LAT) * Math.PI) / 180);
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

const decoded = new WeakMap<WorldOutline, Country[]>();

/** The world's countries, decoded once. */
function countriesOf(world: WorldOutline): Country[] {
  let countries = decoded.get(world);
  if (!countries) {
    countries = Object.entries(world).map(([name, codes]) => {
      const rings = codes.map((code) => {
        const points = decodeRing(code);
        const lons = points.map((p) => p[0]);
        const lats = points.map((p) => p[1]);
        return { points, box: { w: Math.min(...lons), s: Math.min(...lats), e: Math.max(...lons), n: Math.max(...lats) } };
      });
      const [w, e] = lonSpan(rings.map((r) => [r.box.w, r.box.e]));
      return { name, rings, box: { w, e, s: Math.min(...rings.map((r) => r.box.s)), n: Math.max(...rings.map((r) => r.box.n)) } };
    });
    decoded.set(world, countries);
  }
  return countries;
}

/**
 * The smallest span of longitudes that holds every [west, east] of `spans`, crossing the
 * antimeridian where that is shorter (Russia runs from 19° E to 169° W): its east may pass 180.
 */
export function lonSpan(spans: readonly (readonly [number, number])[]): [number, number] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [w, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && w <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([w, e]);
  }
  // The widest gap between merged spans is left out; the gap round the back is the default.
  let best: [number, number] = [merged[0]![0], merged[merged.length - 1]![1]];
  let widest = merged[0]![0] + 360 - merged[merged.length - 1]![1];
  for (let i = 1; i < merged.length; i++) {
    const gap = merged[i]![0] - merged[i - 1]![1];
    if (gap > widest) {
      widest = gap;
      best = [merged[i]![0], merged[i - 1]![1] + 360];
    }
  }
  return best;
}

function inRing(points: readonly [number, number][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The country a point lies in (the smallest, where one lies in another), else the nearest within a
 * degree: the 1:110m coasts are coarse, and a port or an air base on the shore may fall in the sea.
 */
export function countryAt(world: WorldOutline, lon: number, lat: number): Country | null {
  const countries = countriesOf(world);
  const area = (c: Country) => (c.box.e - c.box.w) * (c.box.n - c.box.s);
  // Rings may run past 180° east (those across the antimeridian): the point is tried there too.
  const holds = (r: Ring) => [lon, lon + 360].some((x) => x >= r.box.w && x <= r.box.e && lat >= r.box.s && lat <= r.box.n && inRing(r.points, x, lat));
  const holding = countries.filter((c) => c.rings.some(holds));
  if (holding.length > 0) return holding.reduce((a, b) => (area(b) < area(a) ? b : a));
  let nearest: Country | null = null;
  let best = 1;
  const k = cosDeg(lat);
  for (const c of countries) {
    for (const r of c.rings) {
      for (const x of [lon, lon + 360]) {
        if (x < r.box.w - 2 || x > r.box.e + 2 || lat < r.box.s - 1 || lat > r.box.n + 1) continue;
        for (let i = 1; i < r.points.length; i++) {
          const d = toSegment(r.points[i - 1]!, r.points[i]!, x, lat, k);
          if (d < best) [best, nearest] = [d, c];
        }
      }
    }
  }
  return nearest;
}

/** How far a point is from the segment a–b, in degrees of latitude (longitudes narrowed by `k`). */
function toSegment([ax, ay]: readonly [number, number], [bx, by]: readonly [number, number], x: number, y: number, k: number): number {
  const [dx, dy] = [(bx - ax) * k, by - ay];
  const [px, py] = [(x - ax) * k, y - ay];
  const t = dx === 0 && dy === 0 ? 0 : clamp((px * dx + py * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(px - t * dx, py - t * dy);
}

const countryNamed = (world: WorldOutline, place: MapPlace) => {
  const at = countryAt(world, place.lon, place.lat);
  return { at, isIt: at !== null && place.names.some((n) => n.trim().toLowerCase() === at.name.toLowerCase()) };
};

/** The smallest box holding both, `b` taken round the world whichever way is shorter. */
function union(a: Box, b: Box): Box {
  let best: Box | null = null;
  for (const shift of [-360, 0, 360]) {
    const u = { w: Math.min(a.w, b.w + shift), s: Math.min(a.s, b.s), e: Math.max(a.e, b.e + shift), n: Math.max(a.n, b.n) };
    if (!best || u.e - u.w < best.e - best.w) best = u;
  }
  const w = wrap(best!.w);
  return { ...best!, w, e: best!.e + (w - best!.w) };
}

const pointBox = ({ lon, lat }: MapPlace): Box => ({ w: lon, s: lat, e: lon, n: lat });
const fits = (b: Box) => (b.e - b.w) * cosDeg((b.s + b.n) / 2) <= CONTEXT_WIDTH && b.n - b.s <= CONTEXT_HEIGHT;

/** The frame that shows `box` with room round it, 2:1, at least MIN_SPAN tall. */
export function frameOf(box: Box): Frame {
  const lonPad = Math.max((box.e - box.w) * PAD, 1);
  const latPad = Math.max((box.n - box.s) * PAD, 1);
  const lonWant = Math.min(360, box.e - box.w + 2 * lonPad);
  let latSpan = Math.min(2 * MAX_LAT, Math.max(MIN_SPAN, box.n - box.s + 2 * latPad));
  const place = () => clamp((box.s + box.n) / 2, -MAX_LAT + latSpan / 2, MAX_LAT - latSpan / 2);
  // A frame too narrow for the box grows taller; taller, it may have to move toward the equator,
  // where it narrows less and may need to grow again: a few rounds settle it.
  for (let i = 0; i < 4 && (2 * latSpan) / cosDeg(place()) < lonWant; i++) latSpan = Math.min(2 * MAX_LAT, (lonWant * cosDeg(place())) / 2);
  const middle = place();
  const k = cosDeg(middle);
  // Past that (the whole world's width), the frame is as wide as the world and its narrowing follows.
  const lonSpan = Math.min(360, Math.max((2 * latSpan) / k, lonWant));
  return { west: wrap((box.w + box.e) / 2 - lonSpan / 2), north: middle + latSpan / 2, lonSpan, latSpan, k: (2 * latSpan) / lonSpan };
}

/** The frame for `place`, with what it should show round it. */
export function frameFor(world: WorldOutline, place: MapPlace, related: readonly MapPlace[]): Frame {
  const home = countryNamed(world, place);
  if (home.isIt) return frameOf(union(pointBox(place), home.at!.box));
  let box = pointBox(place);
  const grow = (more: Box) => {
    const grown = union(box, more);
    if (fits(grown)) box = grown;
  };
  if (home.at) grow(home.at.box);
  for (const other of related) {
    const country = countryNamed(world, other);
    // A linked country counts whole where it fits, else not at all: its point is only its middle.
    grow(country.isIt ? union(pointBox(other), country.at!.box) : pointBox(other));
  }
  return frameOf(box);
}

/** Where a point falls on the map of `frame`, in SVG units (taken round the world to the frame's side). */
export function projectTo(frame: Frame, lon: number, lat: number): { x: number; y: number } {
  const middle = frame.west + frame.lonSpan / 2;
  const near = lon + 360 * Math.round((middle - lon) / 360);
  const scale = MAP_HEIGHT / frame.latSpan;
  return { x: (near - frame.west) * frame.k * scale, y: (frame.north - lat) * scale };
}

/**
 * The SVG paths of the country rings in `frame` (copies east and west where it crosses the
 * antimeridian), in whole units; points far outside are pulled in to a margin beyond the edge,
 * which keeps the shapes that reach into view and the paths short.
 */
export function framePaths(world: WorldOutline, frame: Frame): string[] {
  const scale = MAP_HEIGHT / frame.latSpan;
  const east = frame.west + frame.lonSpan;
  const south = frame.north - frame.latSpan;
  const margin = 8;
  const paths: string[] = [];
  for (const country of countriesOf(world)) {
    let d = '';
    for (const shift of [-360, 0, 360]) {
      for (const ring of country.rings) {
        const r = ring.box;
        if (r.e + shift < frame.west || r.w + shift > east || r.n < south || r.s > frame.north) continue;
        const points: string[] = [];
        for (const [lon, lat] of ring.points) {
          const x = Math.round(clamp((lon + shift - frame.west) * frame.k * scale, -margin, MAP_WIDTH + margin));
          const y = Math.round(clamp((frame.north - lat) * scale, -margin, MAP_HEIGHT + margin));
          const point = `${x} ${y}`;
          if (points[points.length - 1] !== point) points.push(point);
        }
        if (points.length >= 3) d += `M${points.join('L')}Z`;
      }
    }
    if (d) paths.push(d);
  }
  return paths;
}
