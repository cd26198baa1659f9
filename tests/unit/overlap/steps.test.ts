import { describe, expect, it } from "vitest";
import { area } from "@turf/area";
import type { Polygon, Position } from "geojson";
import { prepare } from "../../../src/domain/overlap/prepare";
import { boxesOverlap, clipToBox, intersection } from "../../../src/domain/overlap/intersection";
import { DISJOINT_PAIR_LIMIT, findPairs, zoneContainment } from "../../../src/domain/overlap/pairs";
import { industrySpreads, overlapsByIndustry, unionSize } from "../../../src/domain/overlap/unions";
import { COUNT_WEIGHT_KM2, findings, rankFindings } from "../../../src/domain/overlap/findings";
import type { Finding, OverlapInput } from "../../../src/domain/overlap/types";

// Each step of the overlap analysis on its own (analyseOverlaps.test.ts checks them chained).

const ring = (points: [number, number][]): Position[] => [...points, points[0]!];
const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: "Polygon",
  coordinates: [
    ring([
      [w, s],
      [e, s],
      [e, n],
      [w, n],
    ]),
  ],
});
const km2 = (g: Polygon) => area(g) / 1e6;

function input(
  areas: [string, Polygon, ("county" | "zone")?][],
  assignments: [string, string][],
  industryOrder = ["x", "y"],
): OverlapInput {
  return {
    areas: areas.map(([id, geometry, kind = "county"]) => ({ id, kind, approximate: kind === "zone", geometry })),
    assignments: assignments.map(([industry, a]) => ({ industry, area: a })),
    industryOrder,
  };
}

describe("prepare", () => {
  it("measures each area, appends industries only the assignments name, ignores duplicates and unknown areas", () => {
    const p = prepare(
      input(
        [
          ["a", rect(0, 0, 1, 1)],
          ["b", rect(2, 0, 4, 1)],
        ],
        [
          ["y", "a"],
          ["x", "a"],
          ["x", "a"],
          ["w", "b"],
          ["x", "ghost"],
        ],
      ),
    );
    expect(p.industryOrder).toEqual(["x", "y", "w"]);
    expect(p.byId.get("a")!.industries).toEqual(["x", "y"]);
    expect(p.byId.get("b")!.box).toEqual([2, 0, 4, 1]);
    expect(p.byId.get("b")!.km2).toBeCloseTo(km2(rect(2, 0, 4, 1)), 6);
    expect([...p.members].map(([industry, list]) => [industry, list.map((m) => m.id)])).toEqual([
      ["x", ["a"]],
      ["y", ["a"]],
      ["w", ["b"]],
    ]);
  });
});

describe("intersection", () => {
  it("boxes that only touch do not overlap", () => {
    expect(boxesOverlap([0, 0, 1, 1], [1, 0, 2, 1])).toBe(false);
    expect(boxesOverlap([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
  });

  it("clips a shape to a box, keeps a shape inside it as it is, and gives null when nothing is left", () => {
    const [a] = prepare(input([["a", rect(0, 0, 2, 2)]], [])).areas;
    const cut = clipToBox(a!, [1, 1, 3, 3])!;
    expect(area(cut) / 1e6).toBeCloseTo(km2(rect(1, 1, 2, 2)), 6);
    expect(clipToBox(a!, [-1, -1, 3, 3])).toBe(a!.feature);
    expect(clipToBox(a!, [5, 5, 6, 6])).toBeNull();
  });

  it("gives A ∩ B, null for shapes that only touch", () => {
    const [a, b, c] = prepare(
      input(
        [
          ["a", rect(0, 0, 2, 2)],
          ["b", rect(1, 1, 3, 3)],
          ["c", rect(2, 0, 3, 1)],
        ],
        [],
      ),
    ).areas;
    expect(km2(intersection(a!, b!) as Polygon)).toBeCloseTo(km2(rect(1, 1, 2, 2)), 6);
    expect(intersection(a!, c!)).toBeNull();
  });
});

describe("pairs", () => {
  it("pairs only areas that share an industry, in input order, disjoint ones with 0 km²", () => {
    const p = prepare(
      input(
        [
          ["a", rect(0, 0, 2, 2)],
          ["b", rect(1, 1, 3, 3)],
          ["c", rect(5, 5, 6, 6)],
          ["d", rect(0, 0, 1, 1)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
          ["x", "c"],
          ["y", "d"],
        ],
      ),
    );
    const { pairs, omittedDisjointPairs } = findPairs(p);
    expect(pairs.map((q) => [q.a, q.b, q.overlapKm2 > 0])).toEqual([
      ["a", "b", true],
      ["a", "c", false],
      ["b", "c", false],
    ]);
    expect(omittedDisjointPairs).toBeUndefined();
    expect(DISJOINT_PAIR_LIMIT).toBeGreaterThan(0);
  });

  it("puts each zone in the counties it meets, largest share first", () => {
    const p = prepare(
      input(
        [
          ["w", rect(0, 0, 1, 1)],
          ["e", rect(1, 0, 2, 1)],
          ["z", rect(0.75, 0.25, 1.25, 0.75), "zone"],
        ],
        [],
      ),
    );
    const rows = zoneContainment(p.areas);
    expect(rows.map((r) => r.county)).toEqual(["w", "e"]);
    expect(rows[0]!.shareOfZone + rows[1]!.shareOfZone).toBeCloseTo(1, 6);
  });
});

describe("unions", () => {
  it("sums the areas less their overlaps, and unions a group with ground in three of them", () => {
    const p = prepare(
      input(
        [
          ["a", rect(0, 0, 2, 2)],
          ["b", rect(1, 0, 3, 2)],
          ["c", rect(1.5, 0, 4, 2)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
          ["y", "a"],
          ["y", "b"],
          ["y", "c"],
        ],
      ),
    );
    const { pairs } = findPairs(p);
    const overlaps = overlapsByIndustry(pairs);
    expect(overlaps.get("x")!.map((q) => `${q.a}+${q.b}`)).toEqual(["a+b"]);
    const [x, y] = industrySpreads(p, overlaps);
    expect(x!.unionKm2).toBeCloseTo(km2(rect(0, 0, 3, 2)), 3);
    expect(x!.doubleCountedKm2).toBeCloseTo(km2(rect(1, 0, 2, 2)), 3);
    expect(y!.unionKm2).toBeCloseTo(km2(rect(0, 0, 4, 2)), 3);
    expect(unionSize(p.areas, [])).toBeCloseTo(
      p.areas.reduce((s, a) => s + a.km2, 0),
      9,
    );
  });
});

describe("findings", () => {
  it("makes one finding per subject and ranks by weight, then kind, then id", () => {
    const p = prepare(
      input(
        [
          ["a", rect(0, 0, 2, 2)],
          ["b", rect(1, 0, 3, 2)],
        ],
        [
          ["x", "a"],
          ["x", "b"],
          ["y", "a"],
        ],
      ),
    );
    const { pairs } = findPairs(p);
    const overlaps = overlapsByIndustry(pairs);
    const list = findings(pairs, industrySpreads(p, overlaps), overlaps, p.areas);
    // The industry weighs its double-counted ground (= the overlap) plus one extra area: above the same-ground finding.
    expect(list.map((f) => f.id)).toEqual(["industry-in-areas:x", "same-ground:x:a+b", "industries-in-area:a"]);
    expect(list[2]!.weight).toBe(COUNT_WEIGHT_KM2);
    const tie = (id: string, kind: Finding["kind"]): Finding => ({
      id,
      kind,
      weight: 1,
      industries: [],
      areas: [],
      figures: {},
      approximate: false,
      geometry: null,
    });
    expect(
      rankFindings([tie("b", "industries-in-area"), tie("b", "same-ground"), tie("a", "same-ground")]).map((f) => `${f.kind}:${f.id}`),
    ).toEqual(["same-ground:a", "same-ground:b", "industries-in-area:b"]);
  });
});
