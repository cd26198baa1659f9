import { describe, expect, it } from "vitest";
import { shippedDataset } from "./loadShipped";
import { areasByIndustry } from "../../../src/domain/layout";

// These tests pin data/ to the policy document (data/README.md): if one fails, the data
// has drifted from what the city published.
const dataset = shippedDataset();

describe("the shipped dataset follows the 2024 policy", () => {
  it("has the 9 areas: 6 counties and 3 functional zones, with their canonical ids and codes", () => {
    expect(dataset.areas.map((a) => [a.id, a.kind, a.code])).toEqual([
      ["guangling", "county", "321002"],
      ["hanjiang", "county", "321003"],
      ["jiangdu", "county", "321012"],
      ["baoying", "county", "321023"],
      ["yizheng", "county", "321081"],
      ["gaoyou", "county", "321084"],
      ["etdz", "zone", "321071"],
      ["eco-tech-city", "zone", null],
      ["shugang-slender-west-lake", "zone", null],
    ]);
  });

  it("has 13 industries in 3 tiers: 3 key, 4 extended, 6 exploratory", () => {
    const byTier = (tier: string) => dataset.industries.filter((i) => i.tier === tier).map((i) => i.id);
    expect(byTier("key")).toEqual(["low-altitude-economy", "metaverse", "ccus"]);
    expect(byTier("extended")).toEqual(["hydrogen", "frontier-biomedicine", "pv-storage", "frontier-materials"]);
    expect(byTier("exploratory")).toEqual([
      "third-gen-semiconductors",
      "future-networks",
      "advanced-computing",
      "synthetic-biology",
      "advanced-nuclear",
      "humanoid-robots",
    ]);
    expect(dataset.tiers.map((t) => t.id)).toEqual(["key", "extended", "exploratory"]);
  });

  it("lays out the three key industries exactly where the document says", () => {
    const where = areasByIndustry(dataset);
    expect(new Set(where.get("low-altitude-economy"))).toEqual(new Set(["eco-tech-city", "gaoyou", "hanjiang"]));
    expect(new Set(where.get("metaverse"))).toEqual(new Set(["etdz", "eco-tech-city", "yizheng", "hanjiang", "guangling"]));
    expect(where.get("ccus")).toEqual(["etdz"]);
    expect(dataset.assignments).toHaveLength(9);
  });

  it("traces every assignment to its section and the bracketed layout list", () => {
    const sectionOf = { "low-altitude-economy": "二(一)1", metaverse: "二(一)2", ccus: "二(一)3" } as const;
    for (const a of dataset.assignments) {
      expect(a.section).toBe(sectionOf[a.industry as keyof typeof sectionOf]);
      expect(a.evidence).toMatch(/^〔重点布局:.+〕$/);
      const area = dataset.areas.find((x) => x.id === a.area)!;
      const names = [area.name.zh, area.shortName?.zh, ...(area.aliases ?? [])].filter(Boolean) as string[];
      expect(names.some((n) => a.evidence.includes(n)), `${a.area} named in ${a.evidence}`).toBe(true);
    }
  });

  it("keeps the 10 extended and exploratory industries citywide, never assigned to an area", () => {
    const citywide = dataset.citywide.map((c) => c.industry);
    expect(citywide).toHaveLength(10);
    for (const id of citywide) {
      expect(dataset.industries.find((i) => i.id === id)!.tier).not.toBe("key");
      expect(dataset.assignments.some((a) => a.industry === id)).toBe(false);
    }
  });

  it("records the targets of 一(三): 3 pilot parks by 2025; 5 parks, 50 products, 10 scenarios by 2030", () => {
    const measure = (year: number, m: string) =>
      dataset.targets.find((t) => t.year === year)!.items.find((i) => i.measure === m)?.atLeast;
    expect(measure(2025, "pilot-parks")).toBe(3);
    expect(measure(2030, "pilot-parks")).toBe(5);
    expect(measure(2030, "key-products")).toBe(50);
    expect(measure(2030, "application-scenarios")).toBe(10);
    expect(dataset.targets.every((t) => t.section === "一(三)")).toBe(true);
  });

  it("records the 7 key programmes of 三(一)–(七) with their full lead-department lists", () => {
    expect(dataset.programmes.map((p) => p.section)).toEqual(["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)", "三(七)"]);
    const count = (section: string) => dataset.programmes.find((p) => p.section === section)!.departments.length;
    expect([count("三(一)"), count("三(二)"), count("三(三)"), count("三(四)"), count("三(五)"), count("三(六)"), count("三(七)")]).toEqual([
      5, 5, 10, 10, 16, 10, 9,
    ]);
    expect(dataset.participation.areas).toBe("all");
    expect(dataset.programmes[0]!.platforms?.map((p) => p.zh)).toEqual(["航空科技扬州实验室", "扬州航空谷设计研发中心"]);
  });

  it("records the three safeguards of 四 with the named policy tools", () => {
    expect(dataset.support.map((s) => s.section)).toEqual(["四(一)", "四(二)", "四(三)"]);
    const tools = dataset.support[1]!.measures.map((m) => m.zh).join("|");
    for (const tool of ["研发费用加计扣除", "首台(套)", "科技创新券", "创新产品推广"]) expect(tools).toContain(tool);
  });

  it("designates no pilot park (the document names none) and places no site without a sourced position", () => {
    expect(dataset.sites.filter((s) => s.status === "designated")).toEqual([]);
    expect(dataset.sites.find((s) => s.id === "aviation-lab")!.position.precision).toBe("none");
    for (const site of dataset.sites) expect(site.sources.length).toBeGreaterThan(0);
  });

  it("carries the policy's issuer, title and date, and an as-of date", () => {
    expect(dataset.meta.policy.title.zh).toBe("市政府关于加快培育发展未来产业的指导意见");
    expect(dataset.meta.policy.date).toBe("2024-10-26");
    expect(dataset.meta.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
