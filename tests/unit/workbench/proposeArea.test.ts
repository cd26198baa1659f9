import { describe, expect, it } from "vitest";
import { proposeArea } from "../../../src/domain/workbench/proposeArea";
import { toWgs84 } from "../../../src/domain/workbench/coordinates";
import { shippedDataset } from "../data/loadShipped";

describe("the proposed area of a position", () => {
  const dataset = shippedDataset();

  it("is the county a point lies in", () => {
    // 高邮 city centre, typed as 高德 (GCJ-02) shows it
    expect(proposeArea(toWgs84([119.4589, 32.7813], "GCJ02"), dataset)).toBe("gaoyou");
    expect(proposeArea([119.23, 32.275], dataset)).toBe("yizheng");
  });

  it("is the zone, not its county, for a point inside a functional zone", () => {
    // The ETDZ's schematic extent lies inside 邗江 and 仪征
    const inZone: [number, number] = [119.33, 32.29];
    expect(proposeArea(inZone, dataset)).toBe("etdz");
    const reversed = { ...dataset, areas: [...dataset.areas].reverse() };
    expect(proposeArea(inZone, reversed)).toBe("etdz");
  });

  it("is null outside every area", () => {
    expect(proposeArea([118.7, 33.4], dataset)).toBeNull();
  });
});
