import { PMTiles } from "pmtiles";
import { describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import bbox from "@turf/bbox";
import type { MultiPolygon, Polygon } from "geojson";
import { tileDataset } from "../../../scripts/tiles/tiledDataset";
import { geometryBytes, publishedAsTiles, TILE_THRESHOLD_BYTES } from "../../../src/domain/dataset/tileThreshold";
import { shippedDataset } from "../data/loadShipped";
import { datasetSchema } from "../../../src/domain/dataset/schema";
import { labelPoints } from "../../../src/domain/geometry/labelPoints";
import { areaKm2 } from "../../../src/domain/geometry/areaKm2";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { joinGround, splitGround } from "../../../src/domain/overlap/publishedGround";
import { overlapInputFrom } from "../../../src/domain/overlap/overlapInput";

const yangzhou = shippedDataset();
const tiled = tileDataset(yangzhou, { thresholdBytes: 0 })!;

describe("tileDataset", () => {
  it("leaves a dataset whose geometry is at or below the threshold as one file", () => {
    expect(geometryBytes(yangzhou)).toBeLessThan(TILE_THRESHOLD_BYTES);
    expect(tileDataset(yangzhou)).toBeNull();
    expect(tileDataset(yangzhou, { thresholdBytes: geometryBytes(yangzhou) })).toBeNull();
    expect(publishedAsTiles(yangzhou)).toBe(false);
    expect(publishedAsTiles(yangzhou, geometryBytes(yangzhou) - 1)).toBe(true);
    expect(geometryBytes(yangzhou)).toBe(Buffer.byteLength(JSON.stringify(yangzhou.geometry)));
  });

  it("tiles a dataset above the threshold: no polygons left in dataset.json, which still passes the app's schema", () => {
    expect(tileDataset(yangzhou, { thresholdBytes: geometryBytes(yangzhou) - 1 })).not.toBeNull();
    expect(tiled.dataset.geometry.features).toEqual([]);
    expect(datasetSchema.safeParse(JSON.parse(JSON.stringify(tiled.dataset))).success).toBe(true);
    // a tiled dataset is not tiled again
    expect(publishedAsTiles(tiled.dataset)).toBe(true);
    expect(tileDataset(tiled.dataset, { thresholdBytes: 0 })).toBeNull();
    // the facts are untouched
    expect(tiled.dataset.areas).toBe(yangzhou.areas);
    expect(tiled.dataset.sites).toBe(yangzhou.sites);
  });

  it("names a content-hashed tile folder whose tiles, zoom 0 to 8, carry every area by its id and kind", () => {
    const tiles = tiled.dataset.tiles!;
    const match = /^tiles\/([0-9a-f]{12})\/\{z\}\/\{x\}\/\{y\}\.pbf$/.exec(tiles.url);
    expect(match).not.toBeNull();
    expect([tiles.minzoom, tiles.maxzoom, tiles.layer]).toEqual([0, 8, "areas"]);
    const tilePaths = [...tiled.files.keys()].filter((p) => p.endsWith(".pbf"));
    expect(tilePaths.every((p) => p.startsWith(`tiles/${match![1]}/`))).toBe(true);
    expect(new Set(tilePaths.map((p) => Number(p.split("/")[2])))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    // every area is in the deepest zoom's tiles (the smallest zones drop out of the world-scale ones)
    const found = new Map<string, unknown>();
    for (const path of tilePaths.filter((p) => p.split("/")[2] === "8")) {
      const layer = new VectorTile(new Pbf(tiled.files.get(path)!)).layers.areas!;
      for (let i = 0; i < layer.length; i++) found.set(String(layer.feature(i).properties.id), layer.feature(i).properties.kind);
    }
    expect(new Map([...found].sort())).toEqual(new Map(yangzhou.areas.map((a) => [a.id, a.kind] as [string, unknown]).sort()));
  });

  it("gives the same folder for the same geometry, and a new one when an outline changes", () => {
    expect(tileDataset(yangzhou, { thresholdBytes: 0 })!.dataset.tiles!.url).toBe(tiled.dataset.tiles!.url);
    const moved = structuredClone(yangzhou) as typeof yangzhou;
    const first = moved.geometry.features[0]!.geometry as unknown as Polygon | MultiPolygon;
    const coordinate = first.type === "Polygon" ? first.coordinates[0]![1]! : first.coordinates[0]![0]![1]!;
    coordinate[0] = coordinate[0]! + 0.01;
    expect(tileDataset(moved, { thresholdBytes: 0 })!.dataset.tiles!.url).not.toBe(tiled.dataset.tiles!.url);
  });

  it("carries per area what the domain computes from its polygon: box, label point and km²", () => {
    const points = labelPoints(yangzhou);
    const summaries = tiled.dataset.tiles!.areas;
    expect(Object.keys(summaries).sort()).toEqual(yangzhou.geometry.features.map((f) => f.properties.id).sort());
    for (const f of yangzhou.geometry.features) {
      const s = summaries[f.properties.id]!;
      expect(s.bbox).toEqual(bbox(f as unknown as Parameters<typeof bbox>[0]));
      expect(s.label).toEqual(points.get(f.properties.id));
      expect(s.km2).toBe(areaKm2(f.geometry as unknown as Polygon | MultiPolygon));
      expect(s.approximate === true).toBe(f.properties.approximate === true);
    }
    expect(tiled.dataset.tiles!.bounds).toEqual(bbox(yangzhou.geometry as unknown as Parameters<typeof bbox>[0]));
    // and the app's label points for the tiled dataset are those
    expect(labelPoints(tiled.dataset)).toEqual(points);
  });

  it("writes the overlap analysis of the published layout beside it, as the domain computes it: figures, then shapes", () => {
    const domain = { ...analyseOverlaps(overlapInputFrom(yangzhou)), tookMs: 0 };
    const path = tiled.dataset.tiles!.overlap!;
    expect(path).toMatch(/^tiles\/overlap-[0-9a-f]{12}\.json$/);
    const written = JSON.parse(new TextDecoder().decode(tiled.files.get(path)));
    // the figures file: every figure as computed, no shape
    expect(written).toEqual(JSON.parse(JSON.stringify(splitGround(domain).figures)));
    expect(written.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(written)).not.toContain("coordinates");
    // the shapes file: joined back, the domain's analysis with its coordinates at 6 decimals
    const groundPath = tiled.dataset.tiles!.overlapGround!;
    expect(groundPath).toMatch(/^tiles\/overlap-ground-[0-9a-f]{12}\.json$/);
    const joined = joinGround(written, JSON.parse(new TextDecoder().decode(tiled.files.get(groundPath))));
    const coordinates = (a: typeof domain) =>
      JSON.stringify([a.pairs.map((p) => p.intersection), a.findings.map((f) => f.geometry)])
        .match(/-?\d+\.\d+/g)!
        .map(Number);
    const exact = coordinates(domain);
    const rounded = coordinates(joined);
    expect(rounded).toHaveLength(exact.length);
    expect(Math.max(...rounded.map((x, n) => Math.abs(x - exact[n]!)))).toBeLessThanOrEqual(5e-7 + 1e-12);
    expect(joined.findings.filter((f) => f.geometry).length).toBe(domain.findings.filter((f) => f.geometry).length);
  });

  it("also writes the tiles as one PMTiles v3 archive when asked, and points the dataset at it", async () => {
    const withArchive = tileDataset(yangzhou, { thresholdBytes: 0, pmtiles: true })!;
    const path = withArchive.dataset.tiles!.pmtiles!;
    expect(path).toMatch(/^tiles\/[0-9a-f]{12}\.pmtiles$/);
    const bytes = withArchive.files.get(path)!;
    const archive = new PMTiles({
      getKey: () => path,
      getBytes: async (offset: number, length: number) => ({ data: bytes.slice(offset, offset + length).buffer }),
    });
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 8]);
    // Every tile of the folder is in the archive (stored gzip'd, read back as the same MVT bytes).
    for (const [file, tile] of withArchive.files) {
      const m = /^tiles\/[0-9a-f]{12}\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(file);
      if (!m) continue;
      const read = await archive.getZxy(Number(m[1]), Number(m[2]), Number(m[3]));
      expect(new Uint8Array(read!.data)).toEqual(tile);
    }
    expect(tiled.dataset.tiles!.pmtiles).toBeUndefined();
  });
});
