import { describe, expect, it } from "vitest";
import { polygonProblems, positionsOutside } from "../../../src/domain/geometry/polygonProblems";
import { areaKm2 } from "../../../src/domain/geometry/areaKm2";

const square = (x: number, y: number, s = 1) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe("polygonProblems", () => {
  it("accepts a valid square", () => {
    expect(polygonProblems({ type: "Polygon", coordinates: [square(0, 0)] })).toEqual([]);
  });

  it("accepts a square with a hole, and repeated consecutive positions", () => {
    const ring = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(polygonProblems({ type: "Polygon", coordinates: [ring, [...square(1, 1)].reverse()] })).toEqual([]);
  });

  it("reports an unclosed ring", () => {
    const p = polygonProblems({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^polygon, ring 0: not closed/);
  });

  it("reports a ring of 3 positions", () => {
    const p = polygonProblems({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    });
    expect(p.some((m) => /ring 0: 3 positions, a ring needs at least 4/.test(m))).toBe(true);
  });

  it("reports NaN, Infinity and non-numbers", () => {
    for (const bad of [NaN, Infinity, "1"]) {
      const ring = [
        [0, 0],
        [1, 0],
        [1, bad],
        [0, 1],
        [0, 0],
      ];
      const p = polygonProblems({ type: "Polygon", coordinates: [ring] });
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/ring 0, position 2: not a pair of finite numbers/);
    }
  });

  it("reports a bow-tie self-intersection with its place", () => {
    const p = polygonProblems({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    });
    expect(p).toEqual(["polygon, ring 0: self-intersection near 1.0000, 1.0000"]);
  });

  it("names the polygon of a MultiPolygon", () => {
    const bowtie = [
      [10, 10],
      [12, 12],
      [12, 10],
      [10, 12],
      [10, 10],
    ];
    const p = polygonProblems({ type: "MultiPolygon", coordinates: [[square(0, 0)], [square(3, 0)], [bowtie]] });
    expect(p).toEqual(["polygon 2, ring 0: self-intersection near 11.0000, 11.0000"]);
  });

  it("reports a ring that touches itself and a spike", () => {
    const pinch = [
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
      [1, 1],
      [0, 0],
    ];
    expect(polygonProblems({ type: "Polygon", coordinates: [pinch] }).join()).toMatch(/self-intersection \(touch\) near 1.0000, 1.0000/);
    const spike = [
      [0, 0],
      [2, 0],
      [3, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(polygonProblems({ type: "Polygon", coordinates: [spike] }).length).toBeGreaterThan(0);
  });

  it("accepts two squares of a MultiPolygon touching at one corner (OGC)", () => {
    expect(polygonProblems({ type: "MultiPolygon", coordinates: [[square(0, 0)], [square(1, 1)]] })).toEqual([]);
  });

  it("reports parts that cross each other", () => {
    const p = polygonProblems({ type: "MultiPolygon", coordinates: [[square(0, 0, 2)], [square(1, 1, 2)]] });
    expect(p[0]).toMatch(/polygon 0, ring 0 crosses polygon 1, ring 0/);
  });

  it("rejects other geometry types and junk", () => {
    expect(polygonProblems({ type: "Point", coordinates: [0, 0] })[0]).toMatch(/not Polygon or MultiPolygon/);
    expect(polygonProblems(null)).toEqual(["not a geometry object"]);
    expect(polygonProblems({ type: "Polygon", coordinates: [] })).toEqual(["polygon: no rings"]);
    expect(polygonProblems({ type: "Polygon", coordinates: [5] })[0]).toMatch(/not an array/);
  });
});

describe("positionsOutside", () => {
  const bounds: [number, number, number, number] = [119, 32, 120, 33.5];
  it("is empty when everything is inside", () => {
    expect(positionsOutside({ type: "Polygon", coordinates: [square(119.2, 32.2, 0.1)] }, bounds)).toEqual([]);
  });
  it("lists the first positions outside, with where they are", () => {
    const ring = [
      [119.2, 32.2],
      [121, 32.2],
      [121, 31],
      [119.2, 31],
      [119.2, 32.2],
    ];
    const out = positionsOutside({ type: "MultiPolygon", coordinates: [[square(119.2, 32.2, 0.1)], [ring]] }, bounds, 2);
    expect(out).toEqual([
      "polygon 1, ring 0, position 1: 121, 32.2 is outside the bounds [119, 32, 120, 33.5]",
      "polygon 1, ring 0, position 2: 121, 31 is outside the bounds [119, 32, 120, 33.5]",
    ]);
  });
  it("works for points", () => {
    expect(positionsOutside({ type: "Point", coordinates: [0, 0] }, bounds)).toEqual([
      "position: 0, 0 is outside the bounds [119, 32, 120, 33.5]",
    ]);
  });
});

describe("areaKm2", () => {
  it("gives about 12 364 km² for a 1° square at the equator", () => {
    expect(areaKm2({ type: "Polygon", coordinates: [square(0, 0)] })).toBeCloseTo(12364, -2);
  });
});
