import { describe, expect, it } from "vitest";
import { convertSize, parseSizeUnit, roundForDisplay, sizeInAllUnits } from "../../../src/domain/workbench/siteSize";

describe("site sizes", () => {
  it("convert between 亩, hectares and km² (15 亩 = 1 ha, 100 ha = 1 km²)", () => {
    expect(convertSize(15, "mu", "ha")).toBeCloseTo(1, 12);
    expect(convertSize(1, "km2", "ha")).toBe(100);
    expect(convertSize(1500, "mu", "km2")).toBeCloseTo(1, 12);
    expect(convertSize(450, "mu", "mu")).toBe(450);
  });

  it("give the figure in every unit, rounded for reading", () => {
    const all = sizeInAllUnits({ value: 450, unit: "mu" });
    expect(all.mu).toBe(450);
    expect(roundForDisplay(all.ha)).toBe(30);
    expect(roundForDisplay(all.km2)).toBe(0.3);
    expect(roundForDisplay(convertSize(572, "mu", "ha"))).toBe(38.1);
  });

  it("read the units as maintainers write them", () => {
    expect(["亩", " MU ", "公顷", "ha", "km²", "平方公里", "km2"].map(parseSizeUnit)).toEqual([
      "mu",
      "mu",
      "ha",
      "ha",
      "km2",
      "km2",
      "km2",
    ]);
    expect(parseSizeUnit("acres")).toBeNull();
  });
});
