import { describe, expect, it } from "vitest";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import { datasetSchema } from "../../../src/domain/dataset/schema";
import { SYNTHETIC_BOUNDS, syntheticDataset } from "../../../support/synthetic/dataset";
import { shippedDataset } from "./loadShipped";
import { asDataFiles } from "./asDataFiles";
import { areaFacts, findPlace, industryFacts } from "../../../src/domain/areaFacts";
import { searchPlaces } from "../../../src/domain/search";

// The national-size synthetic set the scale bench and browser tests load: it must be a
// dataset the app accepts (the runtime schema, and the same cross-checks data/ passes),
// of the size asked, and the same on every run.

const base = shippedDataset();
const dataset = syntheticDataset(base);

describe("synthetic national-size dataset", () => {
  it("passes the runtime dataset schema", () => {
    const parsed = datasetSchema.safeParse(JSON.parse(JSON.stringify(dataset)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it("passes the cross-checks data/ must pass (ids, citywide vs assigned, bounds, valid polygons)", () => {
    const { issues } = assembleDataset(asDataFiles(dataset));
    expect(issues.slice(0, 5)).toEqual([]);
  });

  it("has 3,000 areas (counties and about 10 % zones), 10,000 sites and the 13 industries of the shipped data", () => {
    expect(dataset.areas).toHaveLength(3000);
    expect(dataset.geometry.features).toHaveLength(3000);
    const zones = dataset.areas.filter((a) => a.kind === "zone").length;
    expect(zones).toBeGreaterThan(250);
    expect(zones).toBeLessThanOrEqual(300);
    expect(dataset.sites).toHaveLength(10_000);
    expect(dataset.industries.map((i) => i.id)).toEqual(base.industries.map((i) => i.id));
    expect(dataset.industries).toHaveLength(13);
    expect(dataset.meta.bounds).toEqual(SYNTHETIC_BOUNDS);
  });

  it("lays industries out on areas with section and evidence, and keeps some industries citywide", () => {
    const assigned = new Set(dataset.assignments.map((a) => a.industry));
    const citywide = new Set(dataset.citywide.map((c) => c.industry));
    expect(assigned.size).toBeGreaterThanOrEqual(3);
    expect(citywide.size).toBeGreaterThanOrEqual(1);
    expect([...assigned].filter((id) => citywide.has(id))).toEqual([]);
    expect(assigned.size + citywide.size).toBe(13);
    for (const a of dataset.assignments) {
      expect(a.section).toBe(base.industries.find((i) => i.id === a.industry)!.section);
      expect(a.evidence.length).toBeGreaterThan(0);
    }
    const perArea = new Map<string, number>();
    for (const a of dataset.assignments) perArea.set(a.area, (perArea.get(a.area) ?? 0) + 1);
    expect(perArea.size).toBe(3000);
  });

  it("is the same on every run and differs with the seed", () => {
    expect(syntheticDataset(base)).toEqual(dataset);
    const a = syntheticDataset(base, { areas: 40, sites: 100, seed: 1 });
    const b = syntheticDataset(base, { areas: 40, sites: 100, seed: 2 });
    expect(a.sites).toHaveLength(100);
    expect(a).not.toEqual(b);
  });
});

describe("lookups at national size (indexed per dataset) agree with a scan of the arrays", () => {
  it("area and industry facts, places by id, search", () => {
    const industry = dataset.assignments[0]!.industry;
    const facts = industryFacts(dataset, industry)!;
    const scanned = dataset.areas.filter((a) => dataset.assignments.some((x) => x.area === a.id && x.industry === industry));
    expect(facts.areas.map((a) => a.area.id)).toEqual(scanned.map((a) => a.id));
    expect(facts.sites).toEqual(dataset.sites.filter((s) => s.industries.includes(industry)));

    const zone = dataset.areas.find((a) => a.kind === "zone")!;
    const area = areaFacts(dataset, zone.id)!;
    const order = dataset.industries.map((i) => i.id);
    const expected = dataset.assignments.filter((a) => a.area === zone.id).sort((x, y) => order.indexOf(x.industry) - order.indexOf(y.industry));
    expect(area.assignments.map((a) => a.assignment)).toEqual(expected);
    expect(area.sites).toEqual(dataset.sites.filter((s) => s.area === zone.id));
    expect(area.containedIn.map((a) => a.id)).toEqual(zone.containedIn);

    expect(findPlace(dataset, "site-09999")).toEqual({ kind: "site", site: dataset.sites[9999] });
    expect(searchPlaces(dataset, "synthetic site 0999").map((h) => h.id)).toEqual(
      ["site-09990", "site-09991", "site-09992", "site-09993", "site-09994", "site-09995", "site-09996", "site-09997"],
    );
  });
});
