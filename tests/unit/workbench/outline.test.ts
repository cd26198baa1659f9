import { describe, expect, it } from "vitest";
import { DOMParser } from "@xmldom/xmldom";
import { zip } from "@mapbox/shp-write";
import type { FeatureCollection } from "geojson";
import { toWgs84 } from "../../../src/domain/workbench/coordinates";
import {
  outlineChangeProblems,
  outlineToWgs84,
  polygonOf,
  readGeoJson,
  replacedFeature,
  type OutlineGeometry,
} from "../../../src/domain/workbench/outline";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import { shippedFiles } from "../data/loadShipped";

// An outline near the Eco-Tech New City, with a hole, and a second part: as a GIS office might send it.
const OUTER = [
  [119.5, 32.3],
  [119.56, 32.3],
  [119.58, 32.34],
  [119.54, 32.38],
  [119.5, 32.36],
  [119.5, 32.3],
];
const HOLE = [
  [119.52, 32.32],
  [119.52, 32.34],
  [119.54, 32.34],
  [119.54, 32.32],
  [119.52, 32.32],
];
const ISLAND = [
  [119.6, 32.3],
  [119.62, 32.3],
  [119.62, 32.32],
  [119.6, 32.3],
];
const COLLECTION: FeatureCollection = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { name: "新城" }, geometry: { type: "Polygon", coordinates: [OUTER, HOLE] } },
    { type: "Feature", properties: { name: "飞地" }, geometry: { type: "Polygon", coordinates: [ISLAND] } },
  ],
};

const kmlRing = (ring: number[][]) =>
  `<LinearRing><coordinates>${ring.map(([x, y]) => `${x},${y},0`).join(" ")}</coordinates></LinearRing>`;
const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>新城</name><Polygon><outerBoundaryIs>${kmlRing(OUTER)}</outerBoundaryIs><innerBoundaryIs>${kmlRing(HOLE)}</innerBoundaryIs></Polygon></Placemark>
  <Placemark><name>飞地</name><Polygon><outerBoundaryIs>${kmlRing(ISLAND)}</outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

// Node has no DOMParser; the browser uses its own.
const parseXml = (text: string) => new DOMParser({ onError: () => undefined }).parseFromString(text, "application/xml");
const encode = (text: string) => new TextEncoder().encode(text);

async function read(bytes: Uint8Array, format: "geojson" | "kml" | "shapefile"): Promise<OutlineGeometry> {
  // The lazy module, loaded as the workbench loads it.
  const { readOutlineFile } = await import("../../../src/domain/workbench/outlineFiles");
  const result = await readOutlineFile(bytes, format, parseXml);
  if (!("geometry" in result)) throw new Error(`${format}: ${JSON.stringify(result.problem)}`);
  return result.geometry;
}

describe("an imported outline", () => {
  it("is the same geometry from GeoJSON, KML and a zipped shapefile", async () => {
    const fromGeoJson = await read(encode(JSON.stringify(COLLECTION)), "geojson");
    expect(fromGeoJson.type).toBe("MultiPolygon");
    expect(fromGeoJson.coordinates).toHaveLength(2);
    expect(await read(encode(KML), "kml")).toEqual(fromGeoJson);
    const shapefile = await zip<"uint8array">(COLLECTION, { outputType: "uint8array", compression: "DEFLATE" });
    expect(await read(shapefile, "shapefile")).toEqual(fromGeoJson);
  });

  it("says why a file cannot be used", async () => {
    const { readOutlineFile } = await import("../../../src/domain/workbench/outlineFiles");
    expect(readGeoJson("{ not json")).toMatchObject({ problem: { key: "outlineUnreadable" } });
    expect(readGeoJson(JSON.stringify({ type: "Point", coordinates: [119.5, 32.3] }))).toEqual({ problem: { key: "outlineNoPolygon" } });
    expect(await readOutlineFile(encode("<kml><Document>"), "kml", parseXml)).toMatchObject({ problem: { key: "outlineUnreadable" } });
    expect(await readOutlineFile(encode("not a zip"), "shapefile")).toMatchObject({ problem: { key: "outlineUnreadable" } });
  });

  it("is converted to WGS84 from the system it was drawn in", () => {
    const gcj = polygonOf(COLLECTION)!;
    const wgs = outlineToWgs84(gcj, "GCJ02");
    const [lng, lat] = toWgs84([119.5, 32.3], "GCJ02");
    expect(wgs.coordinates[0]![0]![0]).toEqual([expect.closeTo(lng, 7), expect.closeTo(lat, 7)]);
    expect(outlineToWgs84(gcj, "WGS84")).toEqual(gcj);
  });

  it("must be a valid polygon inside the bounds, say whether it is approximate, and carry source, date and licence", () => {
    const bounds: [number, number, number, number] = [118.6, 32, 120.2, 33.5];
    const geometry = polygonOf(COLLECTION)!;
    const provenance = { source: "扬州市自然资源和规划局", date: "2026-03-01", licence: "经授权使用" };
    expect(outlineChangeProblems({ geometry, approximate: false, provenance }, bounds)).toEqual([]);
    expect(outlineChangeProblems({ geometry }, bounds).map((p) => p.field)).toEqual([
      "approximate",
      "provenance.source",
      "provenance.date",
      "provenance.licence",
    ]);
    const bowTie: OutlineGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [119.5, 32.3],
          [119.6, 32.4],
          [119.6, 32.3],
          [119.5, 32.4],
          [119.5, 32.3],
        ],
      ],
    };
    const open: OutlineGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [119.5, 32.3],
          [119.6, 32.4],
          [119.6, 32.3],
          [119.5, 32.4],
        ],
      ],
    };
    const outside: OutlineGeometry = {
      type: "Polygon",
      coordinates: [
        [
          [121, 31],
          [121.1, 31],
          [121.1, 31.1],
          [121, 31],
        ],
      ],
    };
    const keys = (g: OutlineGeometry) =>
      outlineChangeProblems({ geometry: g, approximate: true, provenance }, bounds).map((p) => p.message.key);
    expect(keys(bowTie)).toEqual(["outlineInvalid"]);
    expect(keys(open)).toEqual(["outlineInvalid"]);
    expect(keys(outside)).toEqual(["outlineOutsideBounds", "outlineOutsideBounds", "outlineOutsideBounds", "outlineOutsideBounds"]);
  });

  it("replaces a schematic zone extent, and the dataset shows it as official, with its provenance", () => {
    const files = shippedFiles();
    const zones = files["geometry/zones.geojson"] as FeatureCollection;
    const at = zones.features.findIndex((f) => f.properties?.id === "eco-tech-city");
    const provenance = { source: "扬州市自然资源和规划局", date: "2026-03-01", licence: "经授权使用" };
    const feature = replacedFeature(
      "eco-tech-city",
      { geometry: polygonOf(COLLECTION)!, approximate: false, provenance },
      zones.features[at] as never,
    );
    const features = zones.features.map((f, i) => (i === at ? feature : f));
    const { dataset, issues } = assembleDataset({ ...files, "geometry/zones.geojson": { ...zones, features } });
    expect(issues).toEqual([]);
    const merged = dataset!.geometry.features.find((f) => f.properties.id === "eco-tech-city")!;
    expect(merged.properties).toMatchObject({ approximate: false, provenance });
    // the other zones of the file stay schematic
    expect(dataset!.geometry.features.find((f) => f.properties.id === "etdz")!.properties.approximate).toBe(true);
  });
});
