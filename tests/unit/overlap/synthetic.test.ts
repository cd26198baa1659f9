import { describe, expect, it } from "vitest";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { seededRandom, syntheticOverlapInput } from "../../../support/synthetic/overlapInput";

// The synthetic national-size set: deterministic, dataset-shaped, and analysable. Time is
// printed (scripts/tools/overlap-timing.ts gives the median of 5), never asserted.

describe("synthetic overlap input", () => {
  const input = syntheticOverlapInput({ areas: 3000 });

  it("is deterministic and seeded", () => {
    expect(syntheticOverlapInput({ areas: 3000 })).toEqual(input);
    expect(syntheticOverlapInput({ areas: 50, seed: 1 })).not.toEqual(syntheticOverlapInput({ areas: 50, seed: 2 }));
    const r = seededRandom(7);
    const values = Array.from({ length: 1000 }, r);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it("has 3,000 areas, about 10 % zones, 13 industries, 2–3 per area", () => {
    expect(input.areas).toHaveLength(3000);
    const zones = input.areas.filter((a) => a.kind === "zone").length;
    expect(zones).toBeGreaterThan(250);
    expect(zones).toBeLessThanOrEqual(300);
    expect(input.industryOrder).toHaveLength(13);
    const perArea = new Map<string, number>();
    for (const a of input.assignments) perArea.set(a.area, (perArea.get(a.area) ?? 0) + 1);
    expect(new Set(perArea.values())).toEqual(new Set([2, 3]));
    expect(perArea.size).toBe(3000);
  });

  it("is analysed with every zone found mostly inside a county, touching counties not overlapping", () => {
    const analysis = analyseOverlaps(input);
    console.log(
      `synthetic 3,000 areas: ${analysis.tookMs.toFixed(0)} ms, ${analysis.pairs.length} overlapping pairs, ${analysis.omittedDisjointPairs} disjoint pairs not listed, ${analysis.findings.length} findings`,
    );
    const zones = input.areas.filter((a) => a.kind === "zone").map((a) => a.id);
    for (const zone of zones) {
      const best = Math.max(...analysis.containment.filter((c) => c.zone === zone).map((c) => c.shareOfZone));
      expect(best).toBeCloseTo(0.7, 1);
    }
    expect(analysis.omittedDisjointPairs).toBeGreaterThan(100_000);
    for (const pair of analysis.pairs) {
      expect(pair.intersection).not.toBeNull();
      expect([pair.a, pair.b].some((id) => id.startsWith("zone-"))).toBe(true);
    }
  });
});
