import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/domain/dataset/schema";
import { labelPoints } from "../../../src/domain/geometry/labelPoints";
import { containsPoint } from "../../../src/domain/geometry/pointInPolygon";
import type { Polygon } from "geojson";
import { rect as square } from "../overlap/smallLayout";

/** Just what labelPoints reads: the areas' kinds and their outlines. */
function datasetOf(shapes: { id: string; kind: "county" | "zone"; geometry: Polygon }[]): Dataset {
  return {
    areas: shapes.map(({ id, kind }) => ({ id, kind })),
    geometry: {
      type: "FeatureCollection",
      features: shapes.map(({ id, geometry }) => ({ type: "Feature", properties: { id }, geometry })),
    },
  } as unknown as Dataset;
}

describe("labelPoints", () => {
  it("puts a county's label at its centre when the centre is its own ground", () => {
    const points = labelPoints(datasetOf([{ id: "c", kind: "county", geometry: square(0, 0, 2, 2) }]));
    expect(points.get("c")![0]).toBeCloseTo(1);
    expect(points.get("c")![1]).toBeCloseTo(1);
  });

  it("moves a county's label off a zone at its centre, to the nearest open ground with room around it", () => {
    const zone = square(0.8, 0.8, 1.6, 1.6);
    const points = labelPoints(
      datasetOf([
        { id: "c", kind: "county", geometry: square(0, 0, 2, 2) },
        { id: "z", kind: "zone", geometry: zone },
      ]),
    );
    const [x, y] = points.get("c")!;
    const cell = 2 / 24;
    // on the county, off the zone, with a clear cell on every side
    for (const p of [
      [x, y],
      [x + cell, y],
      [x - cell, y],
      [x, y + cell],
      [x, y - cell],
    ] as [number, number][]) {
      expect(containsPoint(zone, p), `${p} is on the zone`).toBe(false);
    }
    // and as near the centre as that allows: the zone's nearest edge is 0.2 from the centre
    // (south-west), so the point is within a cell or so beyond it, not anywhere on the county
    expect(Math.hypot(x - 1, y - 1)).toBeLessThan(Math.hypot(0.2, 0.2) + 2 * cell);
    // the zone keeps its own centre
    expect(points.get("z")![0]).toBeCloseTo(1.2);
  });
});
