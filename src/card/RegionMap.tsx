import type { Entity } from '../data/pack-schema';
import { project, type RegionOutline } from './region-outline';

// A small offline map of the story's region with the place marked: inline SVG from the outlines
// bundled at build time, nothing fetched.

interface Props {
  readonly outline: RegionOutline;
  readonly coordinates: NonNullable<Entity['coordinates']>;
  readonly label: string;
  readonly title: string;
}

/** The region map with a point at `coordinates`. */
export function RegionMap({ outline, coordinates, label, title }: Props) {
  const { x, y } = project(coordinates.lon, coordinates.lat);
  const labelLeft = x > outline.width * 0.6;
  // A band half as tall as wide around the place, so the map stays small in the card.
  const height = Math.round(outline.width / 2);
  const top = Math.round(Math.min(Math.max(y - height / 2, 0), outline.height - height));
  return (
    <figure class="map" style={{ margin: 0 }}>
      <svg viewBox={`0 ${top} ${outline.width} ${height}`} role="img" aria-label={title} style={{ direction: 'ltr' }}>
        {outline.paths.map((d, i) => (
          <path key={i} d={d} />
        ))}
        <circle class="point" cx={x} cy={y} r={4} />
        <text x={labelLeft ? x - 7 : x + 7} y={y + 3} text-anchor={labelLeft ? 'end' : 'start'}>
          {label}
        </text>
      </svg>
    </figure>
  );
}
