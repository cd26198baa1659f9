/**
 * Prints the schematic zones' areas, centroids, containing county and the share of each zone
 * inside each county (figures for the docs). Run: npx tsx scripts/geometry/check-zones.ts
 */
import fs from "node:fs";
import path from "node:path";
import centroid from "@turf/centroid";
import intersect from "@turf/intersect";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { featureCollection } from "@turf/helpers";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { polygonProblems } from "../../src/domain/geometry/polygonProblems.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";

const dir = path.resolve(import.meta.dirname, "../../data/geometry");
type FC = FeatureCollection<Polygon | MultiPolygon, { id: string; [k: string]: unknown }>;
const counties = JSON.parse(fs.readFileSync(path.join(dir, "counties.geojson"), "utf8")) as FC;
const zones = JSON.parse(fs.readFileSync(path.join(dir, "zones.geojson"), "utf8")) as FC;

for (const z of zones.features) {
  const a = areaKm2(z.geometry);
  const c = centroid(z).geometry.coordinates;
  const home = counties.features.find((f) => booleanPointInPolygon(c, f))?.properties.id ?? "none";
  const shares = counties.features
    .map((f) => {
      const i = intersect(featureCollection([z as Feature<Polygon | MultiPolygon>, f]));
      return { id: f.properties.id, km2: i ? areaKm2(i.geometry) : 0 };
    })
    .filter((s) => s.km2 > 0)
    .map((s) => `${s.id} ${((100 * s.km2) / a).toFixed(1)} % (${s.km2.toFixed(1)} km²)`);
  const vertices = z.geometry.type === "Polygon" ? z.geometry.coordinates[0]!.length - 1 : NaN;
  console.log(
    `${z.properties.id}: ${a.toFixed(1)} km², ${vertices} vertices, centroid ${c.map((v) => v.toFixed(4)).join(", ")} in ${home}; ` +
      `shares: ${shares.join(", ")}; problems: ${polygonProblems(z.geometry).join("; ") || "none"}`,
  );
}
