import { describe, expect, it } from "vitest";
import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import bbox from "@turf/bbox";
import centroid from "@turf/centroid";
import type { MultiPolygon, Polygon } from "geojson";
import { containsPoint, interiorPoint } from "../../../src/domain/geometry/pointInPolygon";
import type { LngLat } from "../../../src/domain/geometry/lngLat";
import { shippedDataset } from "../data/loadShipped";

const square = (x: number, y: number, s = 1) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
// A U open to the north: its centroid lies in the gap, outside it.
const u: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};
// A square whose middle is a hole.
const frame: Polygon = { type: "Polygon", coordinates: [square(0, 0, 4), [...square(1, 1, 2)].reverse()] };
const two: MultiPolygon = { type: "MultiPolygon", coordinates: [[square(0, 0)], [square(5, 0, 2)]] };
const shipped = shippedDataset().geometry.features.map((f) => ({ id: f.properties.id, geometry: f.geometry as Polygon | MultiPolygon }));
const shapes: [string, Polygon | MultiPolygon][] = [
  ["U", u],
  ["frame", frame],
  ["two squares", two],
  ...shipped.map((s) => [s.id, s.geometry] as [string, Polygon | MultiPolygon]),
];

describe("containsPoint", () => {
  it("tells inside from outside and from holes", () => {
    expect(containsPoint(u, [0.5, 2])).toBe(true);
    expect(containsPoint(u, [1.5, 2])).toBe(false);
    expect(containsPoint(frame, [0.5, 0.5])).toBe(true);
    expect(containsPoint(frame, [2, 2])).toBe(false);
    expect(containsPoint(two, [6, 1])).toBe(true);
    expect(containsPoint(two, [3, 0.5])).toBe(false);
  });

  it.each(shapes)("agrees with Turf's point-in-polygon on random points of %s's extent, off its edges", (_, geometry) => {
    const [w, s, e, n] = bbox(geometry);
    fc.assert(
      fc.property(fc.double({ min: w, max: e, noNaN: true }), fc.double({ min: s, max: n, noNaN: true }), (x, y) => {
        // A point on an edge may go either way (containsPoint's contract): Turf tells them apart.
        fc.pre(booleanPointInPolygon([x, y], geometry) === booleanPointInPolygon([x, y], geometry, { ignoreBoundary: true }));
        expect(containsPoint(geometry, [x, y])).toBe(booleanPointInPolygon([x, y], geometry));
      }),
      { seed: 20241026, numRuns: 300 },
    );
  });
});

describe("interiorPoint", () => {
  it.each(shapes)("gives a point inside %s, off its edges", (_, geometry) => {
    const p = interiorPoint(geometry)!;
    expect(booleanPointInPolygon(p, geometry, { ignoreBoundary: true })).toBe(true);
  });

  it("finds ground where the centroid misses: the U's arms, the frame's sides", () => {
    for (const geometry of [u, frame]) {
      const c = centroid(geometry).geometry.coordinates as LngLat;
      expect(booleanPointInPolygon(c, geometry)).toBe(false);
      expect(containsPoint(geometry, interiorPoint(geometry)!)).toBe(true);
    }
  });

  it("is null for a shape without area", () => {
    expect(
      interiorPoint({
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [2, 2],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
    expect(interiorPoint({ type: "MultiPolygon", coordinates: [] })).toBeNull();
  });
});
