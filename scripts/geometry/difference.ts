/**
 * A − B for polygons using only @turf/intersect (already a dependency): A ∩ (world box with
 * B's shells as holes). B's own holes are ignored (the city outline has none).
 */
import intersect from "@turf/intersect";
import { featureCollection } from "@turf/helpers";
import type { MultiPolygon, Polygon } from "geojson";
import { polysOf } from "./lib.ts";

export default function difference(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const box = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
    [-180, -85],
  ];
  const complement: Polygon = { type: "Polygon", coordinates: [box, ...polysOf(b).map((p) => [...p[0]!].reverse())] };
  const r = intersect(
    featureCollection([
      { type: "Feature", properties: {}, geometry: a },
      { type: "Feature", properties: {}, geometry: complement },
    ]),
  );
  if (!r) throw new Error("difference is empty");
  return r.geometry;
}
