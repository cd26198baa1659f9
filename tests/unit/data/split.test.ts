import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDataFiles } from "../../../src/domain/dataset/dataFiles";
import { split } from "../../../src/domain/dataset/split";
import { isJsonFile, serializeFile } from "../../../src/domain/dataset/serialize";
import { readDataTree } from "../../../scripts/data/readDataDir";

const data = readDataTree(resolve(import.meta.dirname, "../../../data"));
const published = assembleDataFiles((path) => data[path]);
const dataset = published.dataset!;
const meta: unknown = JSON.parse(data["meta.json"]!);

// What a bare dataset.json does not carry, as docs/data.md lists it.
const GEOMETRY = ["geometry/counties.geojson", "geometry/zones.geojson"];
// The pinyin overrides: the dataset carries the keys made with them, not the table.
const NOT_CARRIED = ["README.md", "geometry/README.md", "geometry/counties.provenance.json", "geometry/context.provenance.json", "pinyin-overrides.json"];

describe("split(assemble(data/))", () => {
  const files = split(dataset, published.context);
  it("gives back every data file but the READMEs, provenance files and pinyin overrides", () => {
    expect(published.issues).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(Object.keys(data).filter((p) => !NOT_CARRIED.includes(p)).sort());
  });
  it.each(Object.keys(data).filter((p) => isJsonFile(p) && !GEOMETRY.includes(p) && !NOT_CARRIED.includes(p)))("%s: byte for byte", (path) => {
    expect(files[path]).toBe(data[path]);
  });
  it.each(GEOMETRY)("%s: byte for byte once its features' other properties are left out", (path) => {
    const source = JSON.parse(data[path]!) as { features: { properties: Record<string, unknown> }[] };
    for (const f of source.features) f.properties = Object.fromEntries(Object.entries(f.properties).filter(([k]) => k === "id" || k === "approximate"));
    expect(files[path]).toBe(serializeFile(path, source, meta));
  });
  it("assembles again to the same dataset", () => {
    const again = assembleDataFiles((path) => files[path]);
    expect(again.issues).toEqual([]);
    expect(again.dataset).toEqual(dataset);
  });
  it("without the context, leaves the context file out (the map shows none)", () => {
    expect(split(dataset)["geometry/context.geojson"]).toBeUndefined();
  });
});
