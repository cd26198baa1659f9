import { describe, expect, it } from "vitest";
import { isLargeDataset, LARGE_DATASET_PLACES } from "../../../src/domain/dataset/size";

describe("a large dataset (worked through in several tasks)", () => {
  it("has more than LARGE_DATASET_PLACES areas and sites together, checked or not", () => {
    const places = (areas: number, sites: number) => ({ areas: Array.from({ length: areas }), sites: Array.from({ length: sites }) });
    expect(isLargeDataset(places(9, 5))).toBe(false);
    expect(isLargeDataset(places(LARGE_DATASET_PLACES - 10, 10))).toBe(false);
    expect(isLargeDataset(places(LARGE_DATASET_PLACES - 10, 11))).toBe(true);
    expect(isLargeDataset(places(3000, 10_000))).toBe(true);
    // anything that is not a dataset yet is not large: the checks that follow report it
    for (const raw of [null, "areas", 42, { areas: "x".repeat(5000) }, { sites: {} }]) expect(isLargeDataset(raw)).toBe(false);
  });
});
