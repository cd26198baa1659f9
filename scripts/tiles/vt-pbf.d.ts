// vt-pbf ships no types, and @types/vt-pbf is written against geojson-vt 3's function export.
// The one call the tile build makes: geojson-vt tiles (one per layer name) to MVT bytes.
declare module "vt-pbf" {
  import type { LegacyTile } from "geojson-vt";
  export function fromGeojsonVt(layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }): Uint8Array;
}
