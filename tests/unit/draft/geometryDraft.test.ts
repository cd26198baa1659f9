import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { readDataTree } from "../../../scripts/data/readDataDir";
import { draftRecord, draftTexts, parseTexts, setRecord } from "../../../src/domain/draft/fileDraft";

// A geometry file's feature changed in the draft (an outline replaced in the workbench) is
// in the files the draft makes, as it is for the fixed files' records.
describe("the draft of a geometry file", () => {
  it("puts a replaced outline into the file it makes", () => {
    const texts = readDataTree(resolve(import.meta.dirname, "../../../data"));
    const values = parseTexts(texts);
    const before = draftRecord(values, null, "geometry/zones.geojson", "etdz")!;
    const ring = [
      [119.37, 32.27],
      [119.41, 32.27],
      [119.41, 32.3],
      [119.37, 32.27],
    ];
    const after = { ...before, geometry: { type: "Polygon", coordinates: [ring] } };
    const draft = setRecord(values, null, { dataset: "d", asOf: "2026-11-28" }, "geometry/zones.geojson", "etdz", after);
    const made = JSON.parse(draftTexts(texts, draft)["geometry/zones.geojson"]!) as { features: { id: string; geometry: unknown }[] };
    expect(made.features.find((f) => f.id === "etdz")?.geometry).toEqual(after.geometry);
  });
});
