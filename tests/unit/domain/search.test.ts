import { describe, expect, it } from "vitest";
import { searchPlaces } from "../../../src/domain/search";
import { shippedDataset } from "../data/loadShipped";

const dataset = shippedDataset();

describe("search", () => {
  it("finds areas, industries and sites in both languages, prefix matches first", () => {
    expect(searchPlaces(dataset, "gaoyou").map((h) => h.id)).toEqual(["gaoyou", "gaoyou-general-airport"]);
    expect(searchPlaces(dataset, "元宇")[0]).toMatchObject({ type: "industry", id: "metaverse" });
    expect(searchPlaces(dataset, "经开区")[0]).toMatchObject({ type: "area", id: "etdz" });
    expect(searchPlaces(dataset, "  ")).toEqual([]);
    expect(searchPlaces(dataset, "atlantis")).toEqual([]);
  });
});
