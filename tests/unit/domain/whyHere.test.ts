import { describe, expect, it } from "vitest";
import { whyHere } from "../../../src/domain/whyHere";
import { shippedDataset } from "../data/loadShipped";
import type { Dataset, Site } from "../../../src/domain/dataset/schema";

const dataset = shippedDataset();

describe("whyHere", () => {
  it("gives the layout's section, the other areas it names and the sites here carrying the industry", () => {
    const why = whyHere(dataset, "eco-tech-city", "low-altitude-economy")!;
    expect(why.section).toBe("二(一)1");
    expect(why.alongside.map((a) => a.id)).toEqual(["hanjiang", "gaoyou"].sort((x, y) => order(x) - order(y)));
    expect(why.sites.map((s) => s.id)).toEqual(["aviation-valley", "aviation-valley-design-centre"]);
    expect(why.parks).toEqual([]);
  });

  it("names no other area when the policy lays the industry out in this area alone", () => {
    const why = whyHere(dataset, "etdz", "ccus")!;
    expect(why.section).toBe("二(一)3");
    expect(why.alongside).toEqual([]);
    expect(why.sites).toEqual([]);
  });

  it("leaves out sites in the area that carry other industries, and sites of the industry elsewhere", () => {
    // Gaoyou's airport carries the low-altitude economy; the eco-tech city's sites do too, but lie elsewhere.
    expect(whyHere(dataset, "gaoyou", "low-altitude-economy")!.sites.map((s) => s.id)).toEqual(["gaoyou-general-airport"]);
    expect(whyHere(dataset, "yizheng", "metaverse")?.sites.map((s) => s.id) ?? []).not.toContain("cimc-green-hydrogen-park");
  });

  it("puts designated parks apart from the other sites", () => {
    const park: Site = { ...dataset.sites.find((s) => s.id === "aviation-valley")!, id: "test-park", status: "designated" };
    const data: Dataset = { ...dataset, sites: [...dataset.sites, park] };
    const why = whyHere(data, "eco-tech-city", "low-altitude-economy")!;
    expect(why.parks.map((s) => s.id)).toEqual(["test-park"]);
    expect(why.sites.map((s) => s.id)).not.toContain("test-park");
  });

  it("says nothing for an industry the policy does not lay out in the area", () => {
    expect(whyHere(dataset, "baoying", "low-altitude-economy")).toBeNull();
    expect(whyHere(dataset, "no-such-area", "metaverse")).toBeNull();
  });
});

function order(id: string): number {
  return dataset.areas.findIndex((a) => a.id === id);
}
