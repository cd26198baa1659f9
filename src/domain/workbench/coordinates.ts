import gcoord from "gcoord";
import type { LngLat } from "../geometry/lngLat.ts";

// The coordinate systems a maintainer copies positions from: WGS84 (GPS, 天地图, the data's
// own), GCJ-02 (高德, 腾讯: China's obfuscated system, offset by a few hundred metres) and
// BD-09 (百度: GCJ-02 offset again). The data stores WGS84 only; gcoord converts.

export const CRS_IDS = ["WGS84", "GCJ02", "BD09"] as const;
export type CrsId = (typeof CRS_IDS)[number];

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** `lngLat`, given in `crs`, as WGS84. */
export function toWgs84(lngLat: LngLat, crs: CrsId): LngLat {
  if (crs === "WGS84") return [lngLat[0], lngLat[1]];
  const [lng, lat] = gcoord.transform([lngLat[0], lngLat[1]], GCOORD_CRS[crs], gcoord.WGS84) as [number, number];
  return [lng, lat];
}

/** A WGS84 position in `crs`. */
export function fromWgs84(lngLat: LngLat, crs: CrsId): LngLat {
  if (crs === "WGS84") return [lngLat[0], lngLat[1]];
  const [lng, lat] = gcoord.transform([lngLat[0], lngLat[1]], gcoord.WGS84, GCOORD_CRS[crs]) as [number, number];
  return [lng, lat];
}

/** The same place in all three systems, for showing side by side (from a position given in `crs`). */
export function allSystems(lngLat: LngLat, crs: CrsId = "WGS84"): Record<CrsId, LngLat> {
  const wgs84 = toWgs84(lngLat, crs);
  return {
    WGS84: wgs84,
    // The system it was typed in is shown as typed, not as a round trip through WGS84.
    GCJ02: crs === "GCJ02" ? [lngLat[0], lngLat[1]] : fromWgs84(wgs84, "GCJ02"),
    BD09: crs === "BD09" ? [lngLat[0], lngLat[1]] : fromWgs84(wgs84, "BD09"),
  };
}

/** Every position of a Polygon or MultiPolygon's coordinates converted to WGS84. */
export function polygonCoordinatesToWgs84<T>(coordinates: T, crs: CrsId): T {
  if (crs === "WGS84") return coordinates;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node) && node.length >= 2 && typeof node[0] === "number" && typeof node[1] === "number") {
      return toWgs84([node[0], node[1]], crs);
    }
    return Array.isArray(node) ? node.map(walk) : node;
  };
  return walk(coordinates) as T;
}

/** Great-circle distance in metres (haversine on a sphere of the Earth's mean radius). */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** A degree value kept to 1e-7° (about a centimetre): finer digits only carry conversion noise into the data. */
export function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
