import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { TileCut } from "../tiles/cutTiles.ts";

// How far the drawn outline strays from the source: at one zoom, for a sample of areas, the
// largest distance (km) from one of the area's source vertices to the nearest segment of its
// outline as decoded from that zoom's tiles (every tile the area's box touches, features
// matched by their `id` property). One-sided, source → drawn: what a reader sees missing or
// moved. Tile-clip edges only lie in the tiles' buffers, so they can only shorten a distance,
// and a vertex of a part the tiles drop altogether (too small at that zoom) counts in full
// against the nearest part that remains.

export interface SampledArea {
  id: string;
  geometry: Polygon | MultiPolygon;
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LNG = 111.32;

const lngToX = (lng: number, z: number) => ((lng + 180) / 360) * 2 ** z;
const latToY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z;
};
const yToLat = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

type Segment = [number, number, number, number];

function distanceKm([px, py]: Position, segments: readonly Segment[]): number {
  const kx = KM_PER_DEGREE_LNG * Math.cos((py! * Math.PI) / 180);
  let best = Infinity;
  for (const [ax, ay, bx, by] of segments) {
    const ux = (bx - ax) * kx;
    const uy = (by - ay) * KM_PER_DEGREE_LAT;
    const wx = (px! - ax) * kx;
    const wy = (py! - ay) * KM_PER_DEGREE_LAT;
    const len2 = ux * ux + uy * uy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (wx * ux + wy * uy) / len2));
    const dx = wx - t * ux;
    const dy = wy - t * uy;
    best = Math.min(best, dx * dx + dy * dy);
  }
  return Math.sqrt(best);
}

/** Every `step`-th vertex of every ring, at most `max` in all. */
function sampleVertices(geometry: Polygon | MultiPolygon, max: number): Position[] {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  const all = rings.flatMap((ring) => ring.slice(0, -1));
  const step = Math.max(1, Math.floor(all.length / max));
  return all.filter((_, n) => n % step === 0).slice(0, max);
}

export interface ZoomError {
  zoom: number;
  /** Largest vertex-to-outline distance over the sample, km. */
  maxKm: number;
  /** 95th percentile over the sampled vertices, km. */
  p95Km: number;
  vertices: number;
  /** Sampled areas with no feature at all at this zoom (too small to draw). */
  missingAreas: number;
}

export function simplificationError(cut: TileCut, areas: readonly SampledArea[], zoom: number, verticesPerArea = 60): ZoomError {
  const decoded = new Map<string, VectorTile | null>();
  const tileAt = (x: number, y: number) => {
    const key = `${zoom}/${x}/${y}`;
    if (!decoded.has(key)) {
      const bytes = cut.tiles.get(key);
      decoded.set(key, bytes ? new VectorTile(new Pbf(bytes)) : null);
    }
    return decoded.get(key)!;
  };
  const distances: number[] = [];
  let missingAreas = 0;
  for (const area of areas) {
    const rings = area.geometry.type === "Polygon" ? area.geometry.coordinates : area.geometry.coordinates.flat();
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings)
      for (const [x, y] of ring) [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
    const segments: Segment[] = [];
    for (let tx = Math.floor(lngToX(w, zoom)); tx <= Math.floor(lngToX(e, zoom)); tx++)
      for (let ty = Math.floor(latToY(n, zoom)); ty <= Math.floor(latToY(s, zoom)); ty++) {
        const layer = tileAt(tx, ty)?.layers[cut.layer];
        if (!layer) continue;
        for (let i = 0; i < layer.length; i++) {
          const feature = layer.feature(i);
          if (feature.properties.id !== area.id) continue;
          const toLngLat = (p: { x: number; y: number }): [number, number] => [
            ((tx + p.x / layer.extent) / 2 ** zoom) * 360 - 180,
            yToLat(ty + p.y / layer.extent, zoom),
          ];
          for (const ring of feature.loadGeometry())
            for (let k = 0; k + 1 < ring.length; k++) {
              const [ax, ay] = toLngLat(ring[k]!);
              const [bx, by] = toLngLat(ring[k + 1]!);
              segments.push([ax, ay, bx, by]);
            }
        }
      }
    if (segments.length === 0) {
      missingAreas++;
      continue;
    }
    for (const v of sampleVertices(area.geometry, verticesPerArea)) distances.push(distanceKm(v, segments));
  }
  distances.sort((a, b) => a - b);
  return {
    zoom,
    maxKm: distances.length ? distances[distances.length - 1]! : Number.NaN,
    p95Km: distances.length ? distances[Math.floor(distances.length * 0.95)]! : Number.NaN,
    vertices: distances.length,
    missingAreas,
  };
}
