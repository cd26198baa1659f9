import { describe, expect, it } from "vitest";
import { shippedDataset } from "../data/loadShipped";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { overlapInputFrom } from "../../../src/domain/overlap/overlapInput";
import { runOverlapAnalysis } from "../../../src/state/runOverlapAnalysis";

// The shipped Yangzhou data. Zone shapes are schematic, so the figures are checked loosely
// (data/areas.json: 经开区 ≈120–133 km², its towns in 邗江 ≈72 km² and 朴席 in 仪征 ≈51 km²,
// so ≈59 % / 41 %; 生态科技新城 ≈81 km² inside 广陵; 蜀冈-瘦西湖 inside 邗江).

const dataset = shippedDataset();
const input = overlapInputFrom(dataset);
const analysis = analyseOverlaps(input);
const finding = (id: string) => analysis.findings.find((f) => f.id === id);

describe("overlapInputFrom", () => {
  it("takes every area with its geometry, kind and schematic flag, the assignments and the industry order", () => {
    expect(input.areas.map((a) => [a.id, a.kind, a.approximate])).toEqual(dataset.areas.map((a) => [a.id, a.kind, a.kind === "zone"]));
    expect(input.assignments).toEqual(dataset.assignments.map(({ industry, area }) => ({ industry, area })));
    expect(input.industryOrder).toEqual(dataset.industries.map((i) => i.id));
  });

  it("takes a draft's assignments instead when given", () => {
    const draft = [{ industry: "ccus", area: "hanjiang" }];
    expect(overlapInputFrom(dataset, draft).assignments).toEqual(draft);
  });
});

describe("overlap analysis of the shipped data", () => {
  it("puts each zone in the counties its administered towns lie in", () => {
    const largest = (zone: string) => analysis.containment.filter((c) => c.zone === zone).sort((a, b) => b.shareOfZone - a.shareOfZone)[0];
    const share = (zone: string, county: string) =>
      analysis.containment.find((c) => c.zone === zone && c.county === county)?.shareOfZone ?? 0;
    expect(largest("etdz")).toMatchObject({ county: "hanjiang" });
    // 扬子津, 文汇, 施桥, 八里 ≈ 72.06 km² of ≈ 122.92 km² (58.6 %); 朴席 in 仪征 the rest (41.4 %).
    expect(share("etdz", "hanjiang")).toBeGreaterThan(0.56);
    expect(share("etdz", "hanjiang")).toBeLessThan(0.62);
    expect(share("etdz", "yizheng")).toBeGreaterThan(0.38);
    expect(share("etdz", "yizheng")).toBeLessThan(0.44);
    expect(largest("eco-tech-city")).toMatchObject({ county: "guangling" });
    expect(largest("eco-tech-city")!.shareOfZone).toBeGreaterThan(0.95);
    expect(largest("shugang-slender-west-lake")).toMatchObject({ county: "hanjiang" });
    expect(largest("shugang-slender-west-lake")!.shareOfZone).toBeGreaterThan(0.95);
    for (const zone of ["etdz", "eco-tech-city", "shugang-slender-west-lake"]) {
      const total = analysis.containment.filter((c) => c.zone === zone).reduce((s, c) => s + c.shareOfZone, 0);
      expect(total).toBeGreaterThan(0.99); // the zones lie inside the city
      expect(total).toBeLessThan(1.001);
    }
  });

  it("reports metaverse in 邗江区 and 经开区 as the same industry on the same ground", () => {
    const f = finding("same-ground:metaverse:hanjiang+etdz");
    expect(f).toBeDefined();
    expect(f!.figures.overlapKm2).toBeGreaterThan(50);
    expect(f!.figures.shareOfB).toBeGreaterThan(0.56); // the zone's Hanjiang towns, ≈59 % of it
    expect(f!.figures.shareOfB).toBeLessThan(0.62);
    expect(f!.approximate).toBe(true);
    expect(f!.geometry?.geometry.type).toMatch(/Polygon/);
    const pair = analysis.pairs.find((p) => p.a === "hanjiang" && p.b === "etdz")!;
    expect(pair.sharedIndustries).toEqual(["metaverse"]);
  });

  it("reports metaverse in 仪征市 and 经开区 on the ground of 朴席, which the zone administers", () => {
    const f = finding("same-ground:metaverse:yizheng+etdz");
    expect(f!.figures.overlapKm2).toBeGreaterThan(45);
    expect(f!.figures.overlapKm2).toBeLessThan(56);
    expect(f!.figures.shareOfB).toBeGreaterThan(0.38);
    expect(f!.approximate).toBe(true);
  });

  it("reports metaverse in 广陵区 and the eco-tech city, which lies inside it", () => {
    const f = finding("same-ground:metaverse:guangling+eco-tech-city");
    expect(f!.figures.shareOfB).toBeGreaterThan(0.95);
    expect(f!.figures.overlapKm2).toBeGreaterThan(60);
  });

  it("finds low-altitude economy in three areas that do not share ground", () => {
    const f = finding("industry-in-areas:low-altitude-economy")!;
    expect(f.areas).toEqual(["hanjiang", "gaoyou", "eco-tech-city"]);
    expect(f.figures.doubleCountedKm2).toBeLessThan(0.01);
    expect(analysis.findings.filter((x) => x.kind === "same-ground" && x.industries.includes("low-altitude-economy"))).toEqual([]);
  });

  it("counts metaverse ground twice where zones lie in its counties", () => {
    const spread = analysis.industries.find((s) => s.industry === "metaverse")!;
    expect(spread.areas).toHaveLength(5);
    expect(spread.doubleCountedKm2).toBeGreaterThan(150);
    expect(spread.unionKm2).toBeCloseTo(spread.sumKm2 - spread.doubleCountedKm2, 6);
    expect(analysis.findings[0]!.id).toBe("industry-in-areas:metaverse");
  });

  it("lists the areas carrying two industries, and never paints citywide industries on an area", () => {
    expect(
      analysis.findings
        .filter((f) => f.kind === "industries-in-area")
        .map((f) => f.id)
        .sort(),
    ).toEqual(["industries-in-area:eco-tech-city", "industries-in-area:etdz", "industries-in-area:hanjiang"]);
    const citywide = new Set(dataset.citywide.map((c) => c.industry));
    for (const load of analysis.areas) expect(load.industries.filter((i) => citywide.has(i))).toEqual([]);
  });

  it("gives every finding a unique id", () => {
    expect(new Set(analysis.findings.map((f) => f.id)).size).toBe(analysis.findings.length);
  });

  it("runs here when there is no Worker (node), with the same result", async () => {
    expect(typeof Worker).toBe("undefined");
    const viaRunner = await runOverlapAnalysis(input);
    expect({ ...viaRunner, tookMs: 0 }).toEqual({ ...analysis, tookMs: 0 });
  });
});
