// shpjs ships no types: the one call the workbench makes (lib/index.js, getShapefile). Given
// the bytes of a zipped shapefile, it resolves to one FeatureCollection per layer (one
// collection alone when the zip holds one layer), reprojected to WGS84 when a .prj is given.
declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  type Layer = FeatureCollection & { fileName?: string };
  export default function getShapefile(zip: ArrayBuffer | Uint8Array): Promise<Layer | Layer[]>;
}
