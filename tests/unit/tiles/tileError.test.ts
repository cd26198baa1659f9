import { describe, expect, it } from "vitest";
import type { FeatureCollection, Polygon } from "geojson";
import { cutTiles, tileUnitKm } from "../../../scripts/tiles/cutTiles";
import { simplificationError } from "../../../scripts/bench/tileError";

// The bench's simplification error: source vertices against the outline decoded from tiles.

/** A 0.5° circle-like polygon of 400 vertices around (119.5, 32.5), wobbling by ±0.01°. */
function wobbly(id: string, cx: number): { id: string; geometry: Polygon } {
  const ring = Array.from({ length: 400 }, (_, k) => {
    const a = (2 * Math.PI * k) / 400;
    const r = 0.25 + 0.01 * Math.sin(37 * a);
    return [cx + r * Math.cos(a), 32.5 + r * Math.sin(a)];
  });
  return { id, geometry: { type: "Polygon", coordinates: [[...ring, ring[0]!]] } };
}

const areas = [wobbly("a", 119.5), wobbly("b", 120.2)];
const collection: FeatureCollection = {
  type: "FeatureCollection",
  features: areas.map((a) => ({ type: "Feature", properties: { id: a.id }, geometry: a.geometry })),
};
const cut = cutTiles(collection, { maxZoom: 8 });

describe("simplificationError", () => {
  it("is within the tile grid's rounding at the deepest zoom, where nothing is simplified", () => {
    const e = simplificationError(cut, areas, 8);
    expect(e.missingAreas).toBe(0);
    expect(e.vertices).toBe(120);
    expect(e.maxKm).toBeLessThan(tileUnitKm(8));
  });

  it("grows as the zoom goes down, where the wobble is simplified away, and stays within a few tile units", () => {
    const e3 = simplificationError(cut, areas, 3);
    const e6 = simplificationError(cut, areas, 6);
    // the wobble is ±0.01° ≈ 1 km: gone at zoom 3 (tolerance ≈ 3.7 km), kept at zoom 6
    expect(e3.maxKm).toBeGreaterThan(0.5);
    expect(e3.maxKm).toBeLessThan(4 * tileUnitKm(3));
    expect(e6.maxKm).toBeLessThan(e3.maxKm);
  });

  it("counts an area the tiles do not hold as not drawn", () => {
    const e = simplificationError(cut, [...areas, { ...wobbly("absent", 121), id: "absent" }], 8);
    expect(e.missingAreas).toBe(1);
  });
});
