import type { Dataset } from "./schema";

// When a dataset is published as static vector tiles instead of one file (docs/data.md#tiled-datasets):
// the build (scripts/tiles/tiledDataset.ts) cuts tiles above it, and the workbench says that an
// outline of such a dataset reaches the map only through a rebuild.

/**
 * Above this many bytes of geometry (the GeoJSON text in dataset.json), the build cuts tiles.
 * Yangzhou's is ≈ 0.1 MB and stays one file; the bench's synthetic national set (3,000
 * rectangles) is ≈ 2.2 MB, just above; real county boundaries of a province are larger still.
 * Below it, one file is the simpler publication (one request, no tile folder to host).
 */
export const TILE_THRESHOLD_BYTES = 2_000_000;

/** Bytes of the dataset's geometry as dataset.json would carry it. */
export function geometryBytes(dataset: Pick<Dataset, "geometry">): number {
  return new TextEncoder().encode(JSON.stringify(dataset.geometry)).length;
}

/** Whether the build publishes this dataset's geometry as tiles (it already is, or it is above `thresholdBytes`). */
export function publishedAsTiles(dataset: Pick<Dataset, "geometry" | "tiles">, thresholdBytes = TILE_THRESHOLD_BYTES): boolean {
  return dataset.tiles !== undefined || geometryBytes(dataset) > thresholdBytes;
}
