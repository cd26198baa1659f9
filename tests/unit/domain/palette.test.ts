import { describe, expect, it } from "vitest";
import { effectivePalette, INDUSTRY_COLOURS } from "../../../src/domain/palette";
import { shippedDataset } from "../data/loadShipped";

describe("effectivePalette", () => {
  it("keeps the built-in colours and the site's overrides for Yangzhou's industries", () => {
    const { industries } = shippedDataset();
    const palette = effectivePalette(industries, { metaverse: "#123456" });
    expect(palette.metaverse).toBe("#123456");
    expect(palette.ccus).toBe(INDUSTRY_COLOURS.ccus);
  });

  it("gives another city's industries distinct colours within a tier, skipping colours already in use", () => {
    const palette = effectivePalette([
      { id: "low-altitude-economy", tier: "key" },
      { id: "sky-widgets", tier: "key" },
      { id: "tidal-gizmos", tier: "key" },
      { id: "paper-robots", tier: "extended" },
    ]);
    const key = [palette["low-altitude-economy"], palette["sky-widgets"], palette["tidal-gizmos"]];
    expect(new Set(key).size).toBe(3);
    expect(palette["paper-robots"]).toMatch(/^#[0-9A-F]{6}$/);
  });
});
