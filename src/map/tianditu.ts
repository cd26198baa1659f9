import type { Lang } from "../domain/labels";
import type { RasterSourceSpecification } from "maplibre-gl";

import type { Basemap } from "../domain/basemap";
export type { Basemap };

// 天地图 serves Web-Mercator tiles in CGCS2000, which matches WGS84 to well under a metre
// here: no GCJ-02 shift, so the boundaries sit on it as they are. Only used when a
// deployment configures its own key; otherwise nothing is requested from outside.
function layer(name: string, key: string): RasterSourceSpecification {
  return {
    type: "raster",
    tiles: [0, 1, 2, 3, 4, 5, 6, 7].map(
      (n) => `https://t${n}.tianditu.gov.cn/DataServer?T=${name}_w&x={x}&y={y}&l={z}&tk=${encodeURIComponent(key)}`,
    ),
    tileSize: 256,
    maxzoom: 18,
    attribution: "天地图 Tianditu",
  };
}

/** The base and annotation tile layers of a 天地图 basemap, annotations in the reader's language. */
export function tiandituSources(basemap: Exclude<Basemap, "none">, lang: Lang, key: string): RasterSourceSpecification[] {
  const base = basemap === "vector" ? "vec" : "img";
  const labels = basemap === "vector" ? (lang === "zh" ? "cva" : "eva") : lang === "zh" ? "cia" : "eia";
  return [layer(base, key), layer(labels, key)];
}
