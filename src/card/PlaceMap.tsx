import { framePaths, frameFor, MAP_HEIGHT, MAP_WIDTH, projectTo, type MapPlace } from './map-frame';
import type { WorldOutline } from './map-code';

// A small offline map of where the place is: inline SVG from the world's outlines bundled at build
// time, nothing fetched, framed for the place (map-frame.ts). The map reads left to right in both
// languages (direction: ltr); only its label is the card's language.

interface Props {
  readonly world: WorldOutline;
  readonly place: MapPlace;
  /** The places it is linked to, framed with it where they fit. */
  readonly related: readonly MapPlace[];
  readonly label: string;
  readonly title: string;
}

/** Roughly how wide a label is, in map units (10-unit type; Arabic letters are no wider). */
const labelWidth = (label: string) => label.length * 6;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Where the label goes: beside the point on the side with room, else centred under or over it. */
function labelAt(x: number, y: number, label: string): { x: number; y: number; anchor: 'start' | 'end' | 'middle' } {
  const width = labelWidth(label);
  const baseline = clamp(y + 3, 12, MAP_HEIGHT - 4);
  if (x + 7 + width <= MAP_WIDTH - 4) return { x: x + 7, y: baseline, anchor: 'start' };
  if (x - 7 - width >= 4) return { x: x - 7, y: baseline, anchor: 'end' };
  return { x: clamp(x, width / 2 + 4, MAP_WIDTH - width / 2 - 4), y: y > MAP_HEIGHT / 2 ? y - 9 : y + 16, anchor: 'middle' };
}

/** The map with a point at the place. */
export function PlaceMap({ world, place, related, label, title }: Props) {
  const frame = frameFor(world, place, related);
  const { x, y } = projectTo(frame, place.lon, place.lat);
  const text = labelAt(x, y, label);
  return (
    <figure class="map" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={title} style={{ direction: 'ltr' }}>
        {framePaths(world, frame).map((d, i) => (
          <path key={i} d={d} />
        ))}
        <circle class="point" cx={Math.round(x * 10) / 10} cy={Math.round(y * 10) / 10} r={4} />
        <text x={Math.round(text.x)} y={Math.round(text.y)} text-anchor={text.anchor}>
          {label}
        </text>
      </svg>
    </figure>
  );
}
