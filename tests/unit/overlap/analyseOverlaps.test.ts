import { describe, expect, it } from "vitest";
import { area } from "@turf/area";
import { intersect } from "@turf/intersect";
import { featureCollection } from "@turf/helpers";
import type { Polygon, Position } from "geojson";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { COUNT_WEIGHT_KM2 } from "../../../src/domain/overlap/findings";
import type { OverlapInput } from "../../../src/domain/overlap/types";

// Hand-made shapes near the equator. Expected km² are @turf/area of the expected shape;
// tolerance: relative 1e-6 (the clipper returns the same corners, so the figures agree to
// rounding), shares (scale-free) to 1e-9.

const REL = 1e-6;
const ring = (points: [number, number][]): Position[] => [...points, points[0]!];
const poly = (points: [number, number][]): Polygon => ({ type: "Polygon", coordinates: [ring(points)] });
/** Axis-aligned rectangle [west, south, east, north] in degrees. */
const rect = (w: number, s: number, e: number, n: number): Polygon =>
  poly([
    [w, s],
    [e, s],
    [e, n],
    [w, n],
  ]);
const km2 = (g: Polygon) => area(g) / 1e6;

function expectKm2(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * REL + 1e-9);
}

type AreaSpec = [id: string, geometry: Polygon, kind?: "county" | "zone"];
function input(areas: AreaSpec[], assignments: [industry: string, area: string][], industryOrder = ["x", "y", "z"]): OverlapInput {
  return {
    areas: areas.map(([id, geometry, kind = "county"]) => ({ id, kind, approximate: kind === "zone", geometry })),
    assignments: assignments.map(([industry, area]) => ({ industry, area })),
    industryOrder,
  };
}

describe("analyseOverlaps: pairs", () => {
  it("two identical squares overlap completely", () => {
    const sq = rect(0, 0, 1, 1);
    const r = analyseOverlaps(
      input(
        [
          ["a", sq],
          ["b", sq],
        ],
        [
          ["x", "a"],
          ["x", "b"],
        ],
      ),
    );
    expect(r.pairs).toHaveLength(1);
    const p = r.pairs[0]!;
    expect([p.a, p.b, p.sharedIndustries]).toEqual(["a", "b", ["x"]]);
    expectKm2(p.overlapKm2, km2(sq));
    expect(p.shareOfA).toBeCloseTo(1, 9);
    expect(p.shareOfB).toBeCloseTo(1, 9);
    expect(p.intersection?.properties).toMatchObject({ a: "a", b: "b", industries: ["x"], approximate: false });
    expectKm2(p.intersection!.properties!.overlapKm2 as number, km2(sq));
    const spread = r.industries.find((s) => s.industry === "x")!;
    expectKm2(spread.sumKm2, 2 * km2(sq));
    expectKm2(spread.unionKm2, km2(sq));
    expectKm2(spread.doubleCountedKm2, km2(sq));
  });

  it("a square inside a square: all of the inner one, the area ratio of the outer", () => {
    const outer = rect(0, 0, 2, 2);
    const inner = rect(0.5, 0.5, 1.5, 1.5);
    const r = analyseOverlaps(
      input(
        [
          ["outer", outer],
          ["inner", inner, "zone"],
        ],
        [
          ["x", "outer"],
          ["x", "inner"],
        ],
      ),
    );
    const p = r.pairs[0]!;
    expectKm2(p.overlapKm2, km2(inner));
    expect(p.shareOfA).toBeCloseTo(km2(inner) / km2(outer), 9);
    expect(p.shareOfB).toBeCloseTo(1, 9);
    expect(p.approximate).toBe(true);
    expect(r.containment).toHaveLength(1);
    expect(r.containment[0]).toMatchObject({ zone: "inner", county: "outer", approximate: true });
    expect(r.containment[0]!.shareOfZone).toBeCloseTo(1, 9);
    expectKm2(r.industries[0]!.unionKm2, km2(outer));
  });

  it("disjoint squares: 0 km², no intersection, still listed as a pair", () => {
    const r = analyseOverlaps(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["b", rect(3, 0, 4, 1)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
        ],
      ),
    );
    expect(r.pairs).toEqual([
      { a: "a", b: "b", sharedIndustries: ["x"], overlapKm2: 0, shareOfA: 0, shareOfB: 0, approximate: false, intersection: null },
    ]);
    expect(r.findings.filter((f) => f.kind === "same-ground")).toEqual([]);
    expectKm2(r.industries[0]!.unionKm2, km2(rect(0, 0, 1, 1)) + km2(rect(3, 0, 4, 1)));
    expect(r.industries[0]!.doubleCountedKm2).toBe(0);
  });

  it("squares touching along an edge, and triangles sharing a diagonal inside one box: 0 km²", () => {
    const edge = analyseOverlaps(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["b", rect(1, 0, 2, 1)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
        ],
      ),
    );
    expect(edge.pairs[0]).toMatchObject({ overlapKm2: 0, intersection: null });
    // Same bounding box, so the geometry step runs and must find nothing of positive size.
    const lower = poly([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    const upper = poly([
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    const diagonal = analyseOverlaps(
      input(
        [
          ["a", lower],
          ["b", upper, "zone"],
        ],
        [
          ["x", "a"],
          ["x", "b"],
        ],
      ),
    );
    expect(diagonal.pairs[0]).toMatchObject({ overlapKm2: 0, intersection: null });
    expect(diagonal.containment).toEqual([]);
    expect(diagonal.findings.map((f) => f.kind)).toEqual(["industry-in-areas"]);
  });

  it("pairs sharing no industry are not pairs; shared industries are listed in industry order", () => {
    const sq = rect(0, 0, 1, 1);
    const r = analyseOverlaps(
      input(
        [
          ["a", sq],
          ["b", sq],
          ["c", sq],
        ],
        [
          ["z", "a"],
          ["x", "a"],
          ["x", "b"],
          ["z", "b"],
          ["y", "c"],
        ],
      ),
    );
    expect(r.pairs.map((p) => [p.a, p.b, p.sharedIndustries])).toEqual([["a", "b", ["x", "z"]]]);
    expect(r.areas).toEqual([
      { area: "a", industries: ["x", "z"] },
      { area: "b", industries: ["x", "z"] },
      { area: "c", industries: ["y"] },
    ]);
  });

  it("clipping to the boxes' overlap before intersecting changes nothing (concave shape)", () => {
    // A U open to the north, and a bar across its mouth that covers parts of both arms.
    const u = poly([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
    ]);
    const bar = rect(0.5, 2, 2.5, 4);
    const r = analyseOverlaps(
      input(
        [
          ["u", u],
          ["bar", bar],
        ],
        [
          ["x", "u"],
          ["x", "bar"],
        ],
      ),
    );
    const direct = intersect(
      featureCollection([
        { type: "Feature", properties: {}, geometry: u },
        { type: "Feature", properties: {}, geometry: bar },
      ]),
    )!;
    expectKm2(r.pairs[0]!.overlapKm2, area(direct) / 1e6);
    expectKm2(r.pairs[0]!.overlapKm2, km2(rect(0.5, 2, 1, 3)) + km2(rect(2, 2, 2.5, 3)));
    expect(r.pairs[0]!.intersection!.geometry.type).toBe("MultiPolygon");
  });

  it("a MultiPolygon area overlaps with the part that meets the other area", () => {
    const multi = { type: "MultiPolygon" as const, coordinates: [rect(0, 0, 1, 1).coordinates, rect(5, 0, 6, 1).coordinates] };
    const r = analyseOverlaps({
      areas: [
        { id: "m", kind: "county", approximate: false, geometry: multi },
        { id: "s", kind: "zone", approximate: true, geometry: rect(5.5, 0, 6.5, 1) },
      ],
      assignments: [
        { industry: "x", area: "m" },
        { industry: "x", area: "s" },
      ],
      industryOrder: ["x"],
    });
    expectKm2(r.pairs[0]!.overlapKm2, km2(rect(5.5, 0, 6, 1)));
    expect(r.pairs[0]!.shareOfA).toBeCloseTo(km2(rect(5.5, 0, 6, 1)) / (area(multi) / 1e6), 9);
    expect(r.containment[0]!.shareOfZone).toBeCloseTo(0.5, 3);
  });
});

describe("analyseOverlaps: unions", () => {
  it("an industry on two overlapping squares: union = sum − overlap", () => {
    const a = rect(0, 0, 1, 1);
    const b = rect(0.5, 0, 1.5, 1);
    const r = analyseOverlaps(
      input(
        [
          ["a", a],
          ["b", b],
        ],
        [
          ["x", "a"],
          ["x", "b"],
        ],
      ),
    );
    const s = r.industries.find((i) => i.industry === "x")!;
    expectKm2(s.sumKm2, km2(a) + km2(b));
    expectKm2(s.unionKm2, km2(rect(0, 0, 1.5, 1)));
    expectKm2(s.unionKm2, s.sumKm2 - r.pairs[0]!.overlapKm2);
    expectKm2(s.doubleCountedKm2, km2(rect(0.5, 0, 1, 1)));
  });

  it("a chain of overlaps (no ground in three areas) and three mutually overlapping squares", () => {
    const chain = analyseOverlaps(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["b", rect(0.8, 0, 1.8, 1)],
          ["c", rect(1.6, 0, 2.6, 1)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
          ["x", "c"],
        ],
      ),
    );
    expectKm2(chain.industries[0]!.unionKm2, km2(rect(0, 0, 2.6, 1)));
    const triple = analyseOverlaps(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["b", rect(0.5, 0, 1.5, 1)],
          ["c", rect(0.25, 0, 1.25, 1)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
          ["x", "c"],
        ],
      ),
    );
    const s = triple.industries[0]!;
    expectKm2(s.unionKm2, km2(rect(0, 0, 1.5, 1)));
    expectKm2(s.doubleCountedKm2, s.sumKm2 - km2(rect(0, 0, 1.5, 1)));
  });

  it("every industry of the order is reported, those with no area too; approximate if any area is", () => {
    const r = analyseOverlaps(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["z1", rect(0, 0, 0.5, 0.5), "zone"],
        ],
        [
          ["x", "a"],
          ["y", "z1"],
        ],
      ),
    );
    expect(r.industries.map((s) => [s.industry, s.areas, s.approximate])).toEqual([
      ["x", ["a"], false],
      ["y", ["z1"], true],
      ["z", [], false],
    ]);
    expect(r.industries[2]).toMatchObject({ sumKm2: 0, unionKm2: 0, doubleCountedKm2: 0 });
  });
});

describe("analyseOverlaps: containment", () => {
  it("a zone across two counties: each county's share, largest first, summing to 1", () => {
    const west = rect(0, 0, 1, 1);
    const east = rect(1, 0, 2, 1);
    const zone = rect(0.7, 0.2, 1.1, 0.6);
    const r = analyseOverlaps(
      input(
        [
          ["west", west],
          ["east", east],
          ["zone", zone, "zone"],
        ],
        [],
      ),
    );
    expect(r.containment.map((c) => c.county)).toEqual(["west", "east"]);
    expectKm2(r.containment[0]!.km2, km2(rect(0.7, 0.2, 1, 0.6)));
    expect(r.containment[0]!.shareOfZone).toBeCloseTo(0.75, 3);
    expect(r.containment[0]!.shareOfZone + r.containment[1]!.shareOfZone).toBeCloseTo(1, 9);
    expect(r.pairs).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe("analyseOverlaps: findings", () => {
  // county c1 (x, y, z) holds zone z1 (x, y) inside it; county c2 (x) lies apart.
  const c1 = rect(0, 0, 1, 1);
  const z1 = rect(0.2, 0.2, 0.4, 0.4);
  const c2 = rect(3, 0, 4, 1);
  const r = analyseOverlaps(
    input(
      [
        ["c1", c1],
        ["c2", c2],
        ["z1", z1, "zone"],
      ],
      [
        ["x", "c1"],
        ["y", "c1"],
        ["z", "c1"],
        ["x", "z1"],
        ["y", "z1"],
        ["x", "c2"],
      ],
    ),
  );
  const byId = new Map(r.findings.map((f) => [f.id, f]));

  it("has one finding per subject, each with its stable id", () => {
    expect([...byId.keys()].sort()).toEqual(
      ["same-ground:x,y:c1+z1", "industry-in-areas:x", "industry-in-areas:y", "industries-in-area:c1", "industries-in-area:z1"].sort(),
    );
    expect(byId.size).toBe(r.findings.length);
  });

  it("ranks by weight, largest first, ties by kind then id", () => {
    const overlap = km2(z1);
    const same = byId.get("same-ground:x,y:c1+z1")!;
    expect(same.weight).toBeCloseTo(overlap * 2, 6);
    expect(same.figures).toMatchObject({ sharedCount: 2 });
    expectKm2(same.figures.overlapKm2!, overlap);
    expect(same.figures.shareOfB).toBeCloseTo(1, 9);
    expect(same.approximate).toBe(true);
    expect(same.geometry?.properties).toMatchObject({ a: "c1", b: "z1" });
    // x: 3 areas, the zone's ground counted twice.
    expect(byId.get("industry-in-areas:x")!.weight).toBeCloseTo(overlap + 2 * COUNT_WEIGHT_KM2, 6);
    expect(byId.get("industry-in-areas:x")!.figures).toMatchObject({ areaCount: 3 });
    expect(byId.get("industry-in-areas:x")!.geometry).not.toBeNull();
    expect(byId.get("industries-in-area:c1")).toMatchObject({
      weight: 2 * COUNT_WEIGHT_KM2,
      figures: { industryCount: 3 },
      approximate: false,
    });
    // the area's own outline is the map's to draw: the finding names it and carries no copy
    expect(byId.get("industries-in-area:c1")!.geometry).toBeNull();
    expect(byId.get("industries-in-area:c1")!.areas).toEqual(["c1"]);
    expect(byId.get("industries-in-area:z1")!.weight).toBe(COUNT_WEIGHT_KM2);
    const weights = r.findings.map((f) => f.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(r.findings.map((f) => f.id)).toEqual([
      "same-ground:x,y:c1+z1", // ≈ 492 km² × 2 shared industries
      "industry-in-areas:x", // ≈ 492 + 2 × 10
      "industry-in-areas:y", // ≈ 492 + 10
      "industries-in-area:c1", // 2 × 10
      "industries-in-area:z1", // 10
    ]);
  });

  it("breaks equal weights by kind, then id, whatever the input order", () => {
    const sq = (x: number) => rect(x, 0, x + 0.5, 0.5);
    const spec: AreaSpec[] = [
      ["b", sq(0)],
      ["a", sq(2)],
      ["c", sq(4)],
    ];
    const assignments: [string, string][] = [
      ["x", "b"],
      ["y", "b"],
      ["x", "a"],
      ["y", "a"],
    ];
    const one = analyseOverlaps(input(spec, assignments)).findings.map((f) => f.id);
    const two = analyseOverlaps(input([...spec].reverse(), [...assignments].reverse())).findings.map((f) => f.id);
    expect(one).toEqual(two);
    expect(one).toEqual(["industry-in-areas:x", "industry-in-areas:y", "industries-in-area:a", "industries-in-area:b"]);
  });

  it("ignores duplicate assignments and areas without geometry, and measures its time", () => {
    const r2 = analyseOverlaps(
      input(
        [["a", c1]],
        [
          ["x", "a"],
          ["x", "a"],
          ["x", "nowhere"],
        ],
      ),
    );
    expect(r2.industries[0]!.areas).toEqual(["a"]);
    expect(r2.findings).toEqual([]);
    expect(r2.tookMs).toBeGreaterThan(0);
  });
});
