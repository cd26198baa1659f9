import area from "@turf/area";
import type { MultiPolygon, Polygon } from "geojson";

/** Geodesic area of a GeoJSON Polygon or MultiPolygon in km² (via @turf/area, WGS84 degrees in). */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / 1e6;
}
