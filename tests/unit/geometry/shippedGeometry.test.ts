import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import centroid from "@turf/centroid";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { polygonProblems } from "../../../src/domain/geometry/polygonProblems";
import { areaKm2 } from "../../../src/domain/geometry/areaKm2";

const dir = path.resolve(import.meta.dirname, "../../../data/geometry");
type Props = { id: string; [k: string]: unknown };
const read = <G extends Polygon | MultiPolygon | Point>(file: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as FeatureCollection<G, Props>;

const counties = read<Polygon | MultiPolygon>("counties.geojson");
const zones = read<Polygon | MultiPolygon>("zones.geojson");
const context = read<Polygon | MultiPolygon | Point>("context.geojson");

const PUBLISHED: Record<string, { km2: number; seat: [number, number] }> = {
  guangling: { km2: 342, seat: [119.426, 32.397] },
  hanjiang: { km2: 641, seat: [119.393, 32.38] },
  jiangdu: { km2: 1333, seat: [119.565, 32.437] },
  baoying: { km2: 1467, seat: [119.355, 33.242] },
  yizheng: { km2: 857, seat: [119.179, 32.274] },
  gaoyou: { km2: 1963, seat: [119.454, 32.783] },
};
const ZONES: Record<string, { county: string; min: number; max: number }> = {
  etdz: { county: "hanjiang", min: 110, max: 140 },
  "eco-tech-city": { county: "guangling", min: 70, max: 92 },
  "shugang-slender-west-lake": { county: "hanjiang", min: 10, max: 36 },
};
const county = (id: string) => {
  const f = counties.features.find((c) => c.properties.id === id);
  if (!f) throw new Error(`no county ${id}`);
  return f;
};

describe("data/geometry/counties.geojson", () => {
  it("has exactly the six counties, with canonical ids and only id/code/source", () => {
    expect(counties.features.map((f) => f.id).sort()).toEqual(Object.keys(PUBLISHED).sort());
    for (const f of counties.features) {
      expect(f.properties.id).toBe(f.id);
      expect(Object.keys(f.properties).sort()).toEqual(["code", "id", "source"]);
    }
  });

  it.each(Object.keys(PUBLISHED))("%s is a valid polygon", (id) => {
    expect(polygonProblems(county(id).geometry)).toEqual([]);
  });

  it("counties do not cross each other", () => {
    const all = counties.features.flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates));
    expect(polygonProblems({ type: "MultiPolygon", coordinates: all })).toEqual([]);
  });

  it.each(Object.entries(PUBLISHED))("%s area is within 5 % of the published figure", (id, p) => {
    const a = areaKm2(county(id).geometry);
    expect(Math.abs(a / p.km2 - 1)).toBeLessThan(0.05);
  });

  it.each(Object.entries(PUBLISHED))("%s contains its county seat, and no other county does", (id, p) => {
    for (const f of counties.features) {
      expect(booleanPointInPolygon(p.seat, f), `${p.seat} in ${f.id}`).toBe(f.id === id);
    }
  });

  it("the six counties add up to within 5 % of the city's 6591 km²", () => {
    const total = counties.features.reduce((s, f) => s + areaKm2(f.geometry), 0);
    expect(Math.abs(total / 6591 - 1)).toBeLessThan(0.05);
  });

  it("coordinates have at most 5 decimals", () => {
    const text = fs.readFileSync(path.join(dir, "counties.geojson"), "utf8");
    expect(text).not.toMatch(/\d\.\d{6,}/);
  });
});

describe("data/geometry/zones.geojson", () => {
  it("has the three zones", () => {
    expect(zones.features.map((f) => f.id).sort()).toEqual(Object.keys(ZONES).sort());
  });

  it.each(Object.keys(ZONES))("%s is flagged approximate, has a basis and is valid", (id) => {
    const z = zones.features.find((f) => f.id === id)!;
    expect(z.properties.id).toBe(id);
    expect(z.properties.approximate).toBe(true);
    expect(typeof z.properties.basis).toBe("string");
    expect(polygonProblems(z.geometry)).toEqual([]);
  });

  it.each(Object.entries(ZONES).map(([id, z]) => [id, z.county] as const))("%s has its centroid inside %s", (id, home) => {
    const z = zones.features.find((f) => f.id === id)!;
    const c = centroid(z).geometry.coordinates;
    expect(booleanPointInPolygon(c, county(home))).toBe(true);
  });

  it.each(Object.entries(ZONES))("%s area is near the published figure", (id, expected) => {
    const a = areaKm2(zones.features.find((f) => f.id === id)!.geometry);
    expect(a).toBeGreaterThanOrEqual(expected.min);
    expect(a).toBeLessThanOrEqual(expected.max);
  });
});

describe("data/geometry/context.geojson", () => {
  it("has the city outline, valid polygons and a label inside each neighbour", () => {
    const outline = context.features.find((f) => f.properties.role === "city-outline");
    expect(outline?.id).toBe("yangzhou-city");
    const neighbours = context.features.filter((f) => f.properties.role === "neighbour");
    expect(neighbours.length).toBeGreaterThanOrEqual(4);
    for (const f of [outline!, ...neighbours]) expect(polygonProblems(f.geometry), String(f.id)).toEqual([]);
    for (const n of neighbours) {
      const label = context.features.find((f) => f.properties.role === "neighbour-label" && f.properties.neighbour === n.id);
      expect(label?.geometry.type).toBe("Point");
      expect(booleanPointInPolygon((label!.geometry as Point).coordinates, n.geometry as Polygon | MultiPolygon)).toBe(true);
    }
  });
});
