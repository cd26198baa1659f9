import GeoJSONVT from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { FeatureCollection } from "geojson";

// Cuts a dataset's area geometry into Mapbox Vector Tiles (MVT 2), every tile from zoom 0 to
// `maxZoom`, for a static tile folder or a PMTiles archive. Features keep their properties;
// the map addresses them by the `id` property (MapLibre's `promoteId`), because MVT feature
// ids must be integers and the dataset's ids are strings.

export interface TileCut {
  /** "z/x/y" → the tile's MVT bytes (uncompressed). */
  tiles: Map<string, Uint8Array>;
  layer: string;
  minZoom: number;
  maxZoom: number;
  /** The tile extent: a tile is `extent` units wide, so one unit at zoom z is 40,075 km / 2^z / extent. */
  extent: number;
}

export interface CutOptions {
  layer?: string;
  maxZoom?: number;
  /** geojson-vt's simplification tolerance, in tile units (its default 3). */
  tolerance?: number;
}

const EXTENT = 4096;

export function cutTiles(collection: FeatureCollection, { layer = "areas", maxZoom = 8, tolerance = 3 }: CutOptions = {}): TileCut {
  // indexMaxPoints 0 makes geojson-vt cut every tile down to maxZoom up front, so tileCoords
  // lists them all (by default it stops at zoom 5 and cuts the rest on request).
  const index = new GeoJSONVT(collection, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, tolerance, extent: EXTENT, buffer: 64 });
  const tiles = new Map<string, Uint8Array>();
  for (const { z, x, y } of index.tileCoords) {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) continue;
    tiles.set(`${z}/${x}/${y}`, fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }));
  }
  return { tiles, layer, minZoom: 0, maxZoom, extent: EXTENT };
}

/** One tile unit at `zoom`, in km at the equator (the simplification tolerance is a few of these). */
export function tileUnitKm(zoom: number, extent = EXTENT): number {
  return 40075.016686 / 2 ** zoom / extent;
}
