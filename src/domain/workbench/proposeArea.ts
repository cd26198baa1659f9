import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import type { Dataset } from "../dataset/schema.ts";
import type { LngLat } from "../geometry/lngLat.ts";

/**
 * The area a position (WGS84) lies in, as the site form proposes it: a functional zone
 * before the county around it, since a zone lies inside a county and the zone is the finer
 * answer; null when no area's geometry contains it. The maintainer can still change it.
 */
export function proposeArea(position: LngLat, dataset: Pick<Dataset, "areas" | "geometry">): string | null {
  const geometryOf = new Map(dataset.geometry.features.map((f) => [f.properties.id, f.geometry as Polygon | MultiPolygon]));
  const inside = (id: string) => {
    const geometry = geometryOf.get(id);
    return geometry !== undefined && booleanPointInPolygon(position, geometry);
  };
  for (const kind of ["zone", "county"] as const) {
    const hit = dataset.areas.find((a) => a.kind === kind && inside(a.id));
    if (hit) return hit.id;
  }
  return null;
}
