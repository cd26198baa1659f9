import type { Meta } from "./dataset/schema";
import type { Lang } from "./labels";
import type { Bounds, LngLat } from "./geometry/lngLat";

// What the app says about where its data comes from, and how it names its files, taken from
// the dataset alone: another city's data brings its own names and sources, with no code
// change. Pure, and import-light (the map host loads it with the first view).

/** The map's attribution: each geometry file's own line (source and caveats), as the dataset gives it. */
export function geometryAttribution(meta: Pick<Meta, "geometry">, lang: Lang): string {
  return meta.geometry.flatMap((g) => (g.attribution ? [g.attribution[lang]] : [])).join(" · ");
}

/** The share dialog's file names: the dataset's own, else names made from its id (never another city's). */
export function exportFileNames(meta: Pick<Meta, "id" | "exportNames">): { png: string; csv: string } {
  return meta.exportNames ?? { png: `${meta.id}.png`, csv: `${meta.id}-matching-places.csv` };
}

/** The middle of the dataset's bounds [west, south, east, north]: where the map starts before it is framed. */
export function boundsCentre(bounds: Readonly<Bounds>): LngLat {
  return [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
}
