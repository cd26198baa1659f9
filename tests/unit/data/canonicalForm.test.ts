import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isJsonFile, serialize, serializeFile } from "../../../src/domain/dataset/serialize";
import { z } from "zod/mini";
import { areaSchema } from "../../../src/domain/dataset/schema";
import { readDataTree } from "../../../scripts/data/readDataDir";

const dir = resolve(import.meta.dirname, "../../../data");
const files = readDataTree(dir);
const meta: unknown = JSON.parse(readFileSync(resolve(dir, "meta.json"), "utf8"));

describe("data/ is in the serializer's canonical form", () => {
  const json = Object.keys(files).filter(isJsonFile);
  it("covers every JSON and GeoJSON file, geometry included", () => {
    expect(json).toEqual(expect.arrayContaining(["meta.json", "sites.json", "geometry/counties.geojson", "geometry/zones.geojson", "geometry/context.geojson", "geometry/counties.provenance.json"]));
  });
  it.each(json)("serialize(parse(%s)) is the file, byte for byte", (path) => {
    const text = files[path]!;
    expect(serializeFile(path, JSON.parse(text), meta)).toBe(text);
  });
});

describe("serialize", () => {
  it("orders keys as the schema declares them, unknown keys after in their order, with positions on one line", () => {
    const area = { landArea: { approximate: true, km2: 3 }, seat: [119.5, 32.25], extra: 1, name: { en: "A", zh: "甲" }, kind: "zone", id: "a", code: null };
    expect(serialize([area], z.array(areaSchema))).toBe(
      [
        "[",
        "  {",
        '    "id": "a",',
        '    "kind": "zone",',
        '    "code": null,',
        '    "name": {',
        '      "zh": "甲",',
        '      "en": "A"',
        "    },",
        '    "seat": [119.5, 32.25],',
        '    "landArea": {',
        '      "km2": 3,',
        '      "approximate": true',
        "    },",
        '    "extra": 1',
        "  }",
        "]",
        "",
      ].join("\n"),
    );
  });
  it("writes empty lists and objects inline, leaves out undefined fields, and ends with a newline", () => {
    expect(serialize({ a: [], b: {}, c: undefined, d: [[1, 2], [3, 4]] })).toBe('{\n  "a": [],\n  "b": {},\n  "d": [\n    [1, 2],\n    [3, 4]\n  ]\n}\n');
  });
});
