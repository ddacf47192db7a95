// How the world's outlines travel in card.js (made by world-outline.ts at build time): a ring is
// its points in tenths of a degree, each the difference from the one before, zigzag-coded (sign
// in the low bit) and written five bits a digit, low bits first, in URL-safe base 64: a digit of
// the upper half says more digits follow. Most steps of the 1:110m borders take one digit each
// way, so the world is ~29 KB of plain JSON strings.

/** Units of the coded points per degree. */
export const UNITS = 10;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Each country's outer rings, coded, by world-atlas's English name (Natural Earth's short form:
 * "Russia", "Syria", "Dem. Rep. Congo"). A ring across the antimeridian runs on past 180° east.
 */
export type WorldOutline = Readonly<Record<string, readonly string[]>>;

function encodeNumber(n: number): string {
  let z = n < 0 ? -2 * n - 1 : 2 * n;
  let out = '';
  while (z >= 32) {
    out += DIGITS[32 + (z % 32)];
    z = Math.floor(z / 32);
  }
  return out + DIGITS[z];
}

/** A ring of [lon, lat] degrees, coded; '' when fewer than three distinct points remain. */
export function encodeRing(ring: readonly (readonly number[])[]): string {
  let out = '';
  let count = 0;
  let [px, py] = [0, 0];
  for (const [lon, lat] of ring) {
    const [x, y] = [Math.round(lon! * UNITS), Math.round(lat! * UNITS)];
    if (count > 0 && x === px && y === py) continue;
    out += encodeNumber(x - px) + encodeNumber(y - py);
    [px, py] = [x, y];
    count++;
  }
  return count > 3 ? out : '';
}

/** The [lon, lat] points of a coded ring, in degrees. */
export function decodeRing(code: string): [number, number][] {
  const numbers: number[] = [];
  let z = 0;
  let shift = 1;
  for (const char of code) {
    const digit = DIGITS.indexOf(char);
    z += (digit % 32) * shift;
    if (digit >= 32) {
      shift *= 32;
      continue;
    }
    numbers.push(z % 2 ? -(z + 1) / 2 : z / 2);
    z = 0;
    shift = 1;
  }
  const points: [number, number][] = [];
  let [x, y] = [0, 0];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    x += numbers[i]!;
    y += numbers[i + 1]!;
    points.push([x / UNITS, y / UNITS]);
  }
  return points;
}
