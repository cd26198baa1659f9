import { describe, expect, it } from "vitest";
import { byArea, tileSource } from "../../../src/map/tiledAreas";
import { withAbsoluteTileUrls } from "../../../src/domain/dataset/tiles";
import { NEUTRAL_FILL } from "../../../src/domain/palette";
import type { AreaProps } from "../../../src/map/mapInput";
import type { Dataset, DatasetTiles } from "../../../src/domain/dataset/schema";

const area = (id: string, fill: string, pattern: string | null): AreaProps => ({
  id,
  kind: "county",
  approximate: false,
  name: id,
  fill,
  pattern,
  industryCount: pattern ? 2 : 1,
});
const areas = [area("a", "#111111", null), area("b", "#111111", null), area("c", NEUTRAL_FILL, "stripes:x+y"), area("d", "#222222", null)];

const tiles: DatasetTiles = {
  url: "tiles/0123456789ab/{z}/{x}/{y}.pbf",
  layer: "areas",
  minzoom: 0,
  maxzoom: 8,
  bounds: [119, 32, 120, 33],
  areas: {},
  overlap: "overlap-0123456789ab.json",
};

describe("a tiled dataset's paint by id", () => {
  it("reads fill and pattern by the feature's id, one branch per value, the GeoJSON defaults otherwise", () => {
    expect(byArea(["get", "fill"], areas)).toEqual(["match", ["get", "id"], ["a", "b"], "#111111", ["d"], "#222222", NEUTRAL_FILL]);
    expect(byArea(["to-boolean", ["get", "pattern"]], areas)).toEqual(["to-boolean", ["match", ["get", "id"], ["c"], "stripes:x+y", ""]]);
    // nothing to match: the default alone (a match needs a branch)
    expect(byArea(["get", "pattern"], [areas[0]!])).toBe("");
  });

  it("leaves every other expression as it is", () => {
    const filter = ["all", ["==", ["get", "kind"], "county"], ["!", ["to-boolean", ["get", "pattern"]]]];
    expect((byArea(filter, areas) as unknown[])[1]).toEqual(["==", ["get", "kind"], "county"]);
    const opacity = ["case", ["boolean", ["feature-state", "dimmed"], false], 0.18, 0.88];
    expect(byArea(opacity, areas)).toEqual(opacity);
    expect(byArea(0.5, areas)).toBe(0.5);
  });
});

describe("a tiled dataset's source", () => {
  it("is a vector source of the tile folder, features promoted by their id property", () => {
    expect(tileSource(tiles)).toEqual({
      type: "vector",
      tiles: [tiles.url],
      minzoom: 0,
      maxzoom: 8,
      bounds: [119, 32, 120, 33],
      promoteId: { areas: "id" },
    });
  });

  it("reads a PMTiles archive through the pmtiles protocol when the dataset names one", () => {
    expect(tileSource({ ...tiles, pmtiles: "https://example.org/data/tiles/x.pmtiles" })).toEqual({
      type: "vector",
      url: "pmtiles://https://example.org/data/tiles/x.pmtiles",
      promoteId: { areas: "id" },
    });
  });

  it("has its addresses made absolute against dataset.json's, placeholders kept", () => {
    const dataset = { tiles: { ...tiles, pmtiles: "tiles/x.pmtiles" } } as unknown as Dataset;
    const resolved = withAbsoluteTileUrls(dataset, "https://example.org/app/data/dataset.json").tiles!;
    expect(resolved.url).toBe("https://example.org/app/data/tiles/0123456789ab/{z}/{x}/{y}.pbf");
    expect(resolved.pmtiles).toBe("https://example.org/app/data/tiles/x.pmtiles");
    expect(resolved.overlap).toBe("https://example.org/app/data/overlap-0123456789ab.json");
    const plain = {} as Dataset;
    expect(withAbsoluteTileUrls(plain, "https://example.org/")).toBe(plain);
  });
});
