import { describe, expect, it } from "vitest";
import { buildMapFeatures, buildPlaceStates, withHover } from "../../../src/map/mapInput";
import { shippedDataset } from "../data/loadShipped";
import { INDUSTRY_COLOURS, NEUTRAL_FILL } from "../../../src/domain/palette";
import { DEFAULT_URL_STATE } from "../../../src/domain/url/urlState";

const dataset = shippedDataset();
const features = buildMapFeatures({ dataset, lang: "zh", tiers: ["key", "extended", "exploratory"], palette: {} });
const props = (id: string) => features.areas.features.find((f) => f.properties.id === id)!.properties;

describe("state → map input", () => {
  it("gives an area with several industries a pattern made of all their colours, never just the first", () => {
    expect(props("etdz").pattern).toBe("stripes:metaverse+ccus");
    const pattern = features.patterns.find((p) => p.id === "stripes:metaverse+ccus")!;
    expect(pattern.colours).toEqual([INDUSTRY_COLOURS.metaverse, INDUSTRY_COLOURS.ccus]);
    expect(props("hanjiang").pattern).toBe("stripes:low-altitude-economy+metaverse");
  });

  it("fills an area with one industry in its colour, and areas without any in neutral", () => {
    expect(props("gaoyou")).toMatchObject({ fill: INDUSTRY_COLOURS["low-altitude-economy"], pattern: null, industryCount: 1 });
    expect(props("jiangdu")).toMatchObject({ fill: NEUTRAL_FILL, pattern: null, industryCount: 0 });
    expect(props("baoying").industryCount).toBe(0);
  });

  it("never paints a citywide industry onto an area", () => {
    const citywide = new Set(dataset.citywide.map((c) => c.industry));
    for (const p of features.patterns) for (const id of p.id.replace("stripes:", "").split("+")) expect(citywide.has(id)).toBe(false);
    const citywideColours = new Set([...citywide].map((id) => INDUSTRY_COLOURS[id]));
    for (const f of features.areas.features) expect(citywideColours.has(f.properties.fill)).toBe(false);
  });

  it("marks the zones approximate and labels areas in the reader's language", () => {
    expect(props("eco-tech-city").approximate).toBe(true);
    expect(props("guangling").approximate).toBe(false);
    const en = buildMapFeatures({ dataset, lang: "en", tiers: ["key"], palette: {} });
    expect(en.labels.find((l) => l.id === "gaoyou")!.name).toBe("Gaoyou City");
    expect(features.labels.find((l) => l.id === "gaoyou")!.name).toBe("高邮市");
  });

  it("leaves out sites without a sourced position", () => {
    expect(features.sites.map((site) => site.id)).not.toContain("aviation-lab");
    expect(features.sites.find((site) => site.id === "gaoyou-general-airport")!.precision).toBe("town");
  });

  it("applies palette overrides from site configuration", () => {
    const custom = buildMapFeatures({ dataset, lang: "zh", tiers: ["key"], palette: { "low-altitude-economy": "#123456" } });
    expect(custom.areas.features.find((f) => f.properties.id === "gaoyou")!.properties.fill).toBe("#123456");
  });

  it("derives selection, hover and dimming per place", () => {
    const states = buildPlaceStates(dataset, { ...DEFAULT_URL_STATE, industries: ["ccus"], area: "gaoyou" }, "etdz");
    expect(states.get("gaoyou")).toEqual({ selected: true, hover: false, dimmed: true });
    expect(states.get("etdz")).toEqual({ selected: false, hover: true, dimmed: false });
    expect(states.get("cimc-green-hydrogen-park")!.dimmed).toBe(true);
  });

  it("moves the hover between two places as a full rebuild would, and names only those two", () => {
    const view = { ...DEFAULT_URL_STATE, industries: ["ccus"], area: "gaoyou" };
    const before = buildPlaceStates(dataset, view, "etdz");
    const { states, changed } = withHover(before, "etdz", "gaoyou");
    expect(states).toEqual(buildPlaceStates(dataset, view, "gaoyou"));
    expect(changed).toEqual(["etdz", "gaoyou"]);
    expect(before.get("etdz")!.hover).toBe(true); // the map keeps the previous states: never changed in place
    expect(withHover(states, "gaoyou", null).changed).toEqual(["gaoyou"]);
    expect(withHover(states, "no-such-place", "gaoyou").changed).toEqual([]);
  });
});
