import type { Polygon } from "geojson";
import type { OverlapInput } from "../../../src/domain/overlap/types";

/** An axis-aligned rectangle as a GeoJSON polygon. */
export const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

/**
 * The published-analysis tests' layout: a county with a zone inside (same ground, industries x
 * and y), and a second county sharing x.
 */
export const smallLayout: OverlapInput = {
  areas: [
    { id: "c1", kind: "county", approximate: false, geometry: rect(0, 0, 1, 1) },
    { id: "z1", kind: "zone", approximate: true, geometry: rect(0.2, 0.2, 0.4, 0.4) },
    { id: "c2", kind: "county", approximate: false, geometry: rect(0.9, 0, 2, 1) },
  ],
  assignments: [
    { industry: "x", area: "c1" },
    { industry: "y", area: "c1" },
    { industry: "x", area: "z1" },
    { industry: "y", area: "z1" },
    { industry: "x", area: "c2" },
  ],
  industryOrder: ["x", "y"],
};
