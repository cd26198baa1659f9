import { describe, expect, it } from "vitest";
import { areaFacts, departmentList, findPlace, industryFacts, isWebUrl, profileBounds } from "../../../src/domain/areaFacts";
import { shippedDataset } from "../data/loadShipped";

const dataset = shippedDataset();

describe("areaFacts", () => {
  it("gathers the ETDZ's assignments in industry order, with section and evidence", () => {
    const facts = areaFacts(dataset, "etdz")!;
    expect(facts.assignments.map((a) => [a.industry.id, a.assignment.section, a.assignment.evidence])).toEqual([
      ["metaverse", "二(一)2", "〔重点布局:扬州经开区、生态科技新城、仪征市、邗江区、广陵区〕"],
      ["ccus", "二(一)3", "〔重点布局:扬州经开区〕"],
    ]);
    expect(facts.containedIn.map((a) => a.id)).toEqual(["hanjiang", "yizheng"]);
    expect(facts.sites).toEqual([]);
  });

  it("lets every area take part in all seven programmes, with their departments", () => {
    for (const area of dataset.areas) expect(areaFacts(dataset, area.id)!.programmes).toHaveLength(7);
    const first = areaFacts(dataset, "gaoyou")!.programmes[0]!;
    expect(first.departments.map((d) => d.id)).toEqual(["ndrc", "science", "industry-it", "county-governments", "zone-committees"]);
  });

  it("lists the sites lying in an area, never a citywide industry as the area's", () => {
    const facts = areaFacts(dataset, "yizheng")!;
    expect(facts.sites.map((s) => s.id)).toEqual(["cimc-green-hydrogen-park"]);
    expect(facts.assignments.map((a) => a.industry.id)).toEqual(["metaverse"]);
  });

  it("returns null for an unknown area", () => {
    expect(areaFacts(dataset, "nowhere")).toBeNull();
  });
});

describe("industryFacts", () => {
  it("gives a key industry's areas in area order", () => {
    const facts = industryFacts(dataset, "metaverse")!;
    expect(facts.areas.map((a) => a.area.id)).toEqual(["guangling", "hanjiang", "yizheng", "etdz", "eco-tech-city"]);
    expect(facts.citywide).toBeNull();
    expect(facts.tier?.id).toBe("key");
  });

  it("gives a citywide industry no area, its citywide evidence, and its sites", () => {
    const facts = industryFacts(dataset, "hydrogen")!;
    expect(facts.areas).toEqual([]);
    expect(facts.citywide?.section).toBe("二(二)");
    expect(facts.sites.map((s) => s.id)).toEqual(["cimc-green-hydrogen-park"]);
  });
});

describe("helpers", () => {
  it("finds areas and sites by the URL's area id", () => {
    expect(findPlace(dataset, "etdz")?.kind).toBe("area");
    expect(findPlace(dataset, "aviation-lab")?.kind).toBe("site");
    expect(findPlace(dataset, "x")).toBeNull();
  });

  it("writes department lists as the document does", () => {
    const deps = dataset.departments.filter((d) => ["ndrc", "science"].includes(d.id));
    expect(departmentList(deps, true, "zh")).toBe("市发改委、市科技局等");
    expect(departmentList(deps, false, "en")).toBe("Municipal Development and Reform Commission; Municipal Science and Technology Bureau");
    expect(departmentList(deps, true, "en")).toMatch(/; etc\.$/);
  });

  it("accepts only http(s) URLs as links", () => {
    expect(isWebUrl("https://example.org/a")).toBe(true);
    expect(isWebUrl("http://example.org")).toBe(true);
    expect(isWebUrl("javascript:alert(1)")).toBe(false);
    expect(isWebUrl(undefined)).toBe(false);
  });
});

describe("profileBounds", () => {
  const inside = (outer: readonly number[], inner: readonly number[]) =>
    outer[0]! <= inner[0]! && outer[1]! <= inner[1]! && outer[2]! >= inner[2]! && outer[3]! >= inner[3]!;

  it("frames an area on its own shape, inside the city's extent", () => {
    const city = profileBounds(dataset, { industry: "no-such-industry" })!;
    const gaoyou = profileBounds(dataset, { area: "gaoyou" })!;
    const etdz = profileBounds(dataset, { area: "etdz" })!;
    expect(inside(city, gaoyou)).toBe(true);
    expect(gaoyou[2] - gaoyou[0]).toBeLessThan(city[2] - city[0]);
    // the ETDZ and Gaoyou lie apart: the north of one is south of the other
    expect(etdz[3]).toBeLessThan(gaoyou[1]);
  });

  it("frames an industry on the areas it is laid out in, a citywide one on the city", () => {
    const city = profileBounds(dataset, { industry: "no-such-industry" })!;
    const ccus = profileBounds(dataset, { industry: "ccus" })!;
    expect(ccus).toEqual(profileBounds(dataset, { area: "etdz" }));
    const citywide = dataset.citywide[0]!.industry;
    expect(profileBounds(dataset, { industry: citywide })).toEqual(city);
  });

  it("is null for an area without a shape", () => {
    expect(profileBounds({ ...dataset, geometry: { type: "FeatureCollection", features: [] } }, { area: "gaoyou" })).toBeNull();
    expect(profileBounds(dataset, { area: "nowhere" })).toBeNull();
  });
});
