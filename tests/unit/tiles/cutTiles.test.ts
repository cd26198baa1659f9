import { describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import type { FeatureCollection } from "geojson";
import { cutTiles, tileUnitKm } from "../../../scripts/tiles/cutTiles";

const square = (id: string, w: number, s: number, size: number) => ({
  type: "Feature" as const,
  properties: { id, kind: "county" },
  geometry: {
    type: "Polygon" as const,
    coordinates: [
      [
        [w, s],
        [w + size, s],
        [w + size, s + size],
        [w, s + size],
        [w, s],
      ],
    ],
  },
});

const collection: FeatureCollection = { type: "FeatureCollection", features: [square("a", 119, 32, 0.5), square("b", 119.6, 32, 0.5)] };

describe("cutTiles", () => {
  it("cuts every zoom down to maxZoom, and each tile decodes to the features with their id property", () => {
    const cut = cutTiles(collection, { maxZoom: 6 });
    const zooms = new Set([...cut.tiles.keys()].map((key) => Number(key.split("/")[0])));
    expect([...zooms].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(cut.tiles.get("0/0/0")).toBeDefined();
    const tile = new VectorTile(new Pbf(cut.tiles.get("0/0/0")!));
    const layer = tile.layers.areas!;
    expect(layer.length).toBe(2);
    const ids = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.id).sort();
    expect(ids).toEqual(["a", "b"]);
    expect(layer.feature(0).type).toBe(3);
    // The zoom-6 tile holding 119.25° E, 32.25° N (x = 53, y = 25) carries square a.
    const deep = new VectorTile(new Pbf(cut.tiles.get("6/53/25")!));
    expect(deep.layers.areas!.feature(0).properties.id).toBe("a");
  });

  it("writes no empty tiles", () => {
    const cut = cutTiles(collection, { maxZoom: 4 });
    for (const bytes of cut.tiles.values()) expect(new VectorTile(new Pbf(bytes)).layers.areas?.length).toBeGreaterThan(0);
  });

  it("gives a tile unit of about 38 m at zoom 8", () => {
    expect(tileUnitKm(8)).toBeCloseTo(0.0382, 3);
  });
});
