import { createHash } from "node:crypto";
import bbox from "@turf/bbox";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Dataset, DatasetTiles } from "../../src/domain/dataset/schema.ts";
import type { Bounds } from "../../src/domain/geometry/lngLat.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";
import { labelPoints } from "../../src/domain/geometry/labelPoints.ts";
import { analyseOverlaps } from "../../src/domain/overlap/analyseOverlaps.ts";
import { overlapInputFrom } from "../../src/domain/overlap/overlapInput.ts";
import { splitGround } from "../../src/domain/overlap/publishedGround.ts";
import truncate from "@turf/truncate";
import { cutTiles } from "./cutTiles.ts";
import { writePmtiles } from "./pmtiles.ts";
import { publishedAsTiles, TILE_THRESHOLD_BYTES } from "../../src/domain/dataset/tileThreshold.ts";

// A dataset whose geometry is too large for one file is published as static vector tiles
// (docs/data.md#tiled-datasets): the facts stay in dataset.json, the polygons move to a
// content-hashed tile folder, and what the app needs per area without its polygon (its box,
// label point, km²) and the overlap analysis are computed here, from the polygons, once.

/** Zoom levels cut: at 8 a tile unit is ≈ 38 m, finer than county sources; MapLibre overzooms beyond. */
const MAX_ZOOM = 8;

export interface TileDatasetOptions {
  thresholdBytes?: number;
  /** Also write the tiles as one PMTiles v3 archive (`tiles/<hash>.pmtiles`). */
  pmtiles?: boolean;
}

export interface TiledDataset {
  /** The dataset.json to publish: no features in `geometry`, a `tiles` block instead. */
  dataset: Dataset;
  /** The files beside dataset.json, by path relative to it. */
  files: Map<string, Uint8Array>;
}

/** Null when the geometry stays in one file (below the threshold); else the tiled dataset and its files. */
export function tileDataset(
  dataset: Dataset,
  { thresholdBytes = TILE_THRESHOLD_BYTES, pmtiles = false }: TileDatasetOptions = {},
): TiledDataset | null {
  if (!publishedAsTiles(dataset, thresholdBytes) || dataset.tiles) return null;
  const kindOf = new Map(dataset.areas.map((a) => [a.id, a.kind]));
  const shapes = dataset.geometry.features as unknown as Feature<Polygon | MultiPolygon, { id: string; approximate?: boolean }>[];
  // The tiles carry what the style filters on and what promoteId addresses; the rest stays JSON.
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: shapes.map((f) => ({
      type: "Feature",
      properties: { id: f.properties.id, kind: kindOf.get(f.properties.id) },
      geometry: f.geometry,
    })),
  };
  const cut = cutTiles(collection, { maxZoom: MAX_ZOOM });
  const hash = contentHash([...cut.tiles].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([key, bytes]) => [key, bytes]));
  const files = new Map<string, Uint8Array>();
  for (const [key, bytes] of cut.tiles) files.set(`tiles/${hash}/${key}.pbf`, bytes);

  const points = labelPoints(dataset);
  const areas: DatasetTiles["areas"] = {};
  for (const f of shapes) {
    const summary: DatasetTiles["areas"][string] = {
      bbox: bbox(f) as Bounds,
      label: points.get(f.properties.id)!,
      km2: areaKm2(f.geometry),
    };
    if (f.properties.approximate === true) summary.approximate = true;
    areas[f.properties.id] = summary;
  }

  // The planner view opens at once with the figures of the published layout's analysis; the
  // shapes (most of the bytes) follow in a file of their own, at 6 decimals (≈ 0.1 m).
  // Its time is left out (0) so the same data always gives the same files and names.
  const { figures, ground } = splitGround({ ...analyseOverlaps(overlapInputFrom(dataset)), tookMs: 0 });
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const analysis = encode(figures);
  const groundBytes = encode(
    Object.fromEntries(Object.entries(ground).map(([key, f]) => [key, truncate(f, { precision: 6, mutate: false })])),
  );
  // Under tiles/ too: that folder holds only content-hashed names, all cached as immutable.
  const overlap = `tiles/overlap-${contentHash([analysis])}.json`;
  const overlapGround = `tiles/overlap-ground-${contentHash([groundBytes])}.json`;
  files.set(overlap, analysis);
  files.set(overlapGround, groundBytes);

  const tiles: DatasetTiles = {
    url: `tiles/${hash}/{z}/{x}/{y}.pbf`,
    layer: cut.layer,
    minzoom: cut.minZoom,
    maxzoom: cut.maxZoom,
    bounds: bbox(collection) as Bounds,
    areas,
    overlap,
    overlapGround,
  };
  if (pmtiles) {
    // The same tiles as one file, for hosts that prefer one; the app then reads the archive.
    const archive = `tiles/${hash}.pmtiles`;
    files.set(archive, writePmtiles(cut, { bounds: tiles.bounds, fields: { id: "String", kind: "String" } }));
    tiles.pmtiles = archive;
  }
  return { dataset: { ...dataset, geometry: { type: "FeatureCollection", features: [] }, tiles }, files };
}

/** A short hash of the parts: a new cut gets a new folder, so every file can be cached forever. */
function contentHash(parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 12);
}
