import { describe, expect, it } from "vitest";
import gcoord from "gcoord";
import { allSystems, distanceMetres, fromWgs84, polygonCoordinatesToWgs84, toWgs84 } from "../../../src/domain/workbench/coordinates";
import type { LngLat } from "../../../src/domain/geometry/lngLat";

// Three places: 高邮 city centre, 扬州 old town (广陵), 仪征.
const POINTS: LngLat[] = [
  [119.4589, 32.7813],
  [119.4372, 32.3942],
  [119.1846, 32.2721],
];

describe("coordinate systems", () => {
  it("give gcoord's own results for GCJ-02 and BD-09 input on three points", () => {
    for (const p of POINTS) {
      expect(toWgs84(p, "GCJ02")).toEqual(gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84));
      expect(toWgs84(p, "BD09")).toEqual(gcoord.transform([p[0], p[1]], gcoord.BD09, gcoord.WGS84));
      expect(fromWgs84(p, "GCJ02")).toEqual(gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02));
      expect(fromWgs84(p, "BD09")).toEqual(gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.BD09));
      expect(toWgs84(p, "WGS84")).toEqual(p);
    }
  });

  it("move a GCJ-02 point in 高邮 by about 500 m", () => {
    const typed = POINTS[0]!;
    const metres = distanceMetres(typed, toWgs84(typed, "GCJ02"));
    expect(metres).toBeGreaterThan(400);
    expect(metres).toBeLessThan(650);
  });

  it("show one place in all three systems, the typed one as typed", () => {
    const typed = POINTS[0]!;
    const all = allSystems(typed, "BD09");
    expect(all.BD09).toEqual(typed);
    expect(all.WGS84).toEqual(toWgs84(typed, "BD09"));
    expect(all.GCJ02).toEqual(fromWgs84(all.WGS84, "GCJ02"));
    // converting back lands within a metre of where it started
    expect(distanceMetres(toWgs84(all.GCJ02, "GCJ02"), all.WGS84)).toBeLessThan(1);
  });

  it("convert every position of a polygon", () => {
    const ring = [POINTS[0]!, POINTS[1]!, POINTS[2]!, POINTS[0]!];
    expect(polygonCoordinatesToWgs84([ring], "GCJ02")).toEqual([ring.map((p) => toWgs84(p, "GCJ02"))]);
    expect(polygonCoordinatesToWgs84([ring], "WGS84")).toEqual([ring]);
  });
});
