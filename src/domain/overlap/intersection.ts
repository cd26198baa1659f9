import { featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { Feature, Position } from "geojson";
import type { Box, Geometry, Prepared } from "./prepare";

// A ∩ B for the pairs and the containment steps. Turf's intersect (polyclip-ts: exact but
// slow, ≈ 40 ms for two county outlines) runs on both shapes clipped to the overlap of their
// boxes, which cannot change A ∩ B (A ∩ B lies inside that box) but drops most vertices.

/** Do the boxes share ground of positive size? (Boxes that only touch cannot.) */
export function boxesOverlap(p: Box, q: Box): boolean {
  return p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
}

/** A ∩ B, computed on both shapes clipped to the overlap of their boxes (null when empty). */
export function intersection(a: Prepared, b: Prepared): Geometry | null {
  const box: Box = [Math.max(a.box[0], b.box[0]), Math.max(a.box[1], b.box[1]), Math.min(a.box[2], b.box[2]), Math.min(a.box[3], b.box[3])];
  const ca = clipToBox(a, box);
  const cb = clipToBox(b, box);
  if (!ca || !cb) return null;
  const shape = intersect(featureCollection([ca, cb]));
  return shape ? shape.geometry : null;
}

/** The area's shape cut to `box` (the area's own feature when it lies inside); null when nothing is left. */
export function clipToBox(area: Pick<Prepared, "box" | "geometry" | "feature">, box: Box): Feature<Geometry> | null {
  const [w, s, e, n] = area.box;
  if (w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3]) return area.feature;
  const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
  const clipped: Position[][][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => clipRing(ring, box));
    if (!outer) continue;
    clipped.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
  }
  if (clipped.length === 0) return null;
  return { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: clipped } };
}

/** Sutherland–Hodgman clipping of a closed ring to a box; null when less than a triangle is left. */
export function clipRing(ring: Position[], box: Box): Position[] | null {
  let points = ring.slice(0, -1);
  for (let edge = 0; edge < 4 && points.length; edge++) {
    const inside = (p: Position): boolean =>
      edge === 0 ? p[0]! >= box[0] : edge === 1 ? p[0]! <= box[2] : edge === 2 ? p[1]! >= box[1] : p[1]! <= box[3];
    const cross = (p: Position, q: Position): Position => {
      if (edge < 2) {
        const x = edge === 0 ? box[0] : box[2];
        return [x, p[1]! + ((q[1]! - p[1]!) * (x - p[0]!)) / (q[0]! - p[0]!)];
      }
      const y = edge === 2 ? box[1] : box[3];
      return [p[0]! + ((q[0]! - p[0]!) * (y - p[1]!)) / (q[1]! - p[1]!), y];
    };
    const out: Position[] = [];
    let prev = points[points.length - 1]!;
    let prevIn = inside(prev);
    for (const p of points) {
      const pIn = inside(p);
      if (pIn !== prevIn) out.push(cross(prev, p));
      if (pIn) out.push(p);
      prev = p;
      prevIn = pIn;
    }
    points = out.filter((p, k) => {
      const q = out[(k + out.length - 1) % out.length]!;
      return out.length === 1 || p[0] !== q[0] || p[1] !== q[1];
    });
  }
  if (points.length < 3) return null;
  return [...points, points[0]!];
}
