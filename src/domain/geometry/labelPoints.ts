import type { Feature, MultiPolygon, Polygon } from "geojson";
import centroid from "@turf/centroid";
import bbox from "@turf/bbox";
import type { Dataset } from "../dataset/schema";
import { containsPoint, interiorPoint } from "./pointInPolygon";
import type { Bounds, LngLat } from "./lngLat";

// Where each area's label goes: the map's overlay and the build's tiled datasets (which carry
// the points, their polygons being in tiles) take them from here.

const labelPointCache = new WeakMap<Dataset, Map<string, LngLat>>();

type Shape = Feature<Polygon | MultiPolygon>;

/**
 * A point inside each area for its label, computed once per dataset. A county whose
 * centre falls inside a functional zone gets a point on its own ground instead, so the
 * county's name never reads as the zone's. A tiled dataset carries its points.
 */
export function labelPoints(dataset: Dataset): Map<string, LngLat> {
  let points = labelPointCache.get(dataset);
  if (points) return points;
  points = new Map();
  if (dataset.tiles) {
    // A tiled dataset's points were computed by the build from the polygons it cut.
    for (const [id, summary] of Object.entries(dataset.tiles.areas)) points.set(id, [summary.label[0], summary.label[1]]);
    labelPointCache.set(dataset, points);
    return points;
  }
  const shapes = new Map(dataset.geometry.features.map((f) => [f.properties.id, f as unknown as Shape]));
  // Each zone with its bounding box: at national size (3,000 areas, 300 zones) testing every
  // point against every zone polygon took ≈ 0.7 s; the box test leaves one or two candidates.
  const zones = dataset.areas
    .filter((a) => a.kind === "zone" && shapes.has(a.id))
    .map((a) => ({ shape: shapes.get(a.id)!, box: bbox(shapes.get(a.id)!) as Bounds }));
  const zoneShapes = new Set(zones.map((z) => z.shape));
  const inZone = (p: LngLat) =>
    zones.some(({ shape, box: [w, s, e, n] }) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n && containsPoint(shape.geometry, p));
  for (const [id, shape] of shapes) {
    const isZone = zoneShapes.has(shape);
    const clear = (p: LngLat) => containsPoint(shape.geometry, p) && (isZone || !inZone(p));
    const c = centroid(shape).geometry.coordinates as LngLat;
    points.set(id, clear(c) ? c : (openGroundNear(shape, c, clear) ?? interiorPoint(shape.geometry) ?? c));
  }
  labelPointCache.set(dataset, points);
  return points;
}

/**
 * The grid point nearest `target` whose neighbours are also clear: room for a label. The
 * cells are tried nearest first and the first roomy one wins (ties in scan order, the sort
 * being stable): the same point a full scan finds, without testing every cell of the grid
 * against the polygons (most of the start-up's domain work on a phone, before the map).
 */
function openGroundNear(shape: Shape, target: LngLat, clear: (p: LngLat) => boolean): LngLat | null {
  const [w, s, e, n] = bbox(shape) as Bounds;
  const steps = 24;
  const dx = (e - w) / steps;
  const dy = (n - s) / steps;
  const cells: { p: LngLat; d: number }[] = [];
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p: LngLat = [w + i * dx, s + j * dy];
      cells.push({ p, d: Math.hypot(p[0] - target[0], p[1] - target[1]) });
    }
  }
  cells.sort((a, b) => a.d - b.d);
  const roomy = ([x, y]: LngLat) => clear([x, y]) && clear([x + dx, y]) && clear([x - dx, y]) && clear([x, y + dy]) && clear([x, y - dy]);
  return cells.find((c) => roomy(c.p))?.p ?? null;
}
