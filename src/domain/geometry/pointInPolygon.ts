import type { MultiPolygon, Polygon, Position } from "geojson";
import type { LngLat } from "./lngLat";

// Inside tests for placing labels, by the even-odd rule on a horizontal line. Robust
// predicates (Turf's point-in-polygon) decide points that lie on an edge to the last bit;
// a label point is never meant to lie on one, and this code travels in the first view.

/** Whether `point` lies inside the polygon or multipolygon (not in a hole); a point on an edge may go either way. */
export function containsPoint(geometry: Polygon | MultiPolygon, [x, y]: LngLat): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  // Inside when the line from the point eastwards crosses the rings (holes too) an odd number of times.
  return polygons.some((rings) => rings.flatMap((ring) => crossingsAt(ring, y)).filter((cx) => cx > x).length % 2 === 1);
}

/**
 * A point strictly inside a polygon or multipolygon (never on its edge, never in a hole),
 * for shapes whose centroid lies outside them: the middle of the widest stretch of the
 * shape along the horizontal line through the middle of one part's extent (JTS's
 * interior-point rule). Null only for a shape with no area.
 */
export function interiorPoint(geometry: Polygon | MultiPolygon): LngLat | null {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best: { point: LngLat; width: number } | null = null;
  for (const rings of polygons) {
    const outer = rings[0];
    if (!outer || outer.length < 4) continue;
    let south = Infinity;
    let north = -Infinity;
    for (const [, lat] of outer) {
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
    const y = (south + north) / 2;
    const crossings = rings.flatMap((ring) => crossingsAt(ring, y)).sort((a, b) => a - b);
    // Even-odd: inside between the 1st and 2nd crossing, the 3rd and 4th, … (holes included).
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const width = crossings[i + 1]! - crossings[i]!;
      if (width > 0 && (!best || width > best.width)) best = { point: [(crossings[i]! + crossings[i + 1]!) / 2, y], width };
    }
  }
  return best?.point ?? null;
}

/** The longitudes where a closed ring crosses the latitude `y` (half-open, so a vertex on the line counts once). */
function crossingsAt(ring: Position[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
  }
  return xs;
}
