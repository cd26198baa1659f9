import type { Polygon } from "geojson";
import { pinyin } from "pinyin-pro";
import type { Dataset } from "../../src/domain/dataset/schema.ts";
import type { Bounds, LngLat } from "../../src/domain/geometry/lngLat.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";
import { containsPoint, interiorPoint } from "../../src/domain/geometry/pointInPolygon.ts";
import { bboxOf, datasetOnLayout, type AreaLayout, type LaidOutArea } from "../synthetic/dataset.ts";
import { carriedIndustries, seededRandom, syntheticIndustryIds } from "../synthetic/overlapInput.ts";
import { readNationalCounties, type NationalCounty, type NationalReport, type ReadOptions } from "./counties.ts";

// A dataset on the real county boundaries of support/national/counties.ts, with the synthetic
// facts of the synthetic set (support/synthetic/dataset.ts datasetOnLayout): industries laid
// out 2–3 per area, about one functional zone per ten counties, sites. Only the boundaries,
// names, codes and seats are the source's. Bench and test data: generated at run time, never
// committed (AMap's terms).

export interface NationalOptions extends ReadOptions {
  sites?: number;
  seed?: number;
  id?: string;
  name?: { zh: string; en: string };
}

/** The source files of one province, by the pinyin prefix of their names (jiang1_su1 → 江苏). */
export const provinceFiles =
  (prefix: string) =>
  (file: string): boolean =>
    file.startsWith(`${prefix}_`);

/**
 * The province tests/e2e/scale.spec.ts runs on: 河北, 11 cities, 168 counties (16 of 沧州's
 * without a code), ≈ 0.15 M vertices; enough counties in one view to fill the map's marker
 * caps (150 labels, 150 seats), which 江苏's 96 do not.
 */
export const SCALE_PROVINCE = "he2_bei3";

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** "蜀山区" → "Shushanqu": a readable English-side name (the set is synthetic; the Chinese name is the source's). */
function romanised(zh: string): string {
  const reading = pinyin(zh, { toneType: "none", type: "array", v: true }).join("");
  return reading.charAt(0).toUpperCase() + reading.slice(1);
}

/** A zone: a square a quarter of the county's smaller extent, around a point inside the county. */
function zoneOf(county: NationalCounty): Polygon | null {
  const inside =
    county.labelPoint && containsPoint(county.geometry, county.labelPoint) ? county.labelPoint : interiorPoint(county.geometry);
  if (!inside) return null;
  const [w, s, e, n] = bboxOf(county.geometry);
  const half = Math.min(e - w, n - s) / 8;
  const [x, y] = inside;
  const ring: LngLat[] = [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ].map(([a, b]) => [round5(a!), round5(b!)] as LngLat);
  return { type: "Polygon", coordinates: [ring] };
}

/** Bounds around every position, widened to the next half degree. */
function boundsOf(areas: readonly LaidOutArea[]): Bounds {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of areas) {
    const [aw, as, ae, an] = bboxOf(a.geometry);
    [w, s, e, n] = [Math.min(w, aw), Math.min(s, as), Math.max(e, ae), Math.max(n, an)];
  }
  const down = (x: number) => Math.floor(x * 2) / 2;
  const up = (x: number) => Math.ceil(x * 2) / 2;
  return [down(w), down(s), up(e), up(n)];
}

export function nationalDataset(
  base: Dataset,
  { sites = 10_000, seed = 20241026, id = "national-real", name, ...read }: NationalOptions = {},
): { dataset: Dataset; report: NationalReport } {
  const { counties, report } = readNationalCounties(read);
  const laidOut = base.industries.filter((i) => i.tier !== "exploratory").length;
  const industryOrder = syntheticIndustryIds(laidOut);
  const random = seededRandom(seed);
  const areas: LaidOutArea[] = [];
  const assignments: AreaLayout["assignments"] = [];
  for (const [n, county] of counties.entries()) {
    const seat =
      county.labelPoint && containsPoint(county.geometry, county.labelPoint) ? county.labelPoint : interiorPoint(county.geometry);
    areas.push({
      id: county.id,
      kind: "county",
      geometry: county.geometry,
      code: county.code !== null && /^\d{6}$/.test(county.code) ? county.code : null,
      name: { zh: county.zh, en: `${romanised(county.zh)} (${county.code ?? county.file})` },
      ...(seat ? { seat: [round5(seat[0]), round5(seat[1])] as LngLat } : {}),
      km2: Math.max(1, Math.round(areaKm2(county.geometry))),
    });
    for (const industry of carriedIndustries(random, industryOrder)) assignments.push({ industry, area: county.id });
    // As on the grid: every tenth area also has a functional zone.
    const zone = n % 10 === 9 ? zoneOf(county) : null;
    if (zone) {
      const zoneId = `zone-${county.id}`;
      areas.push({
        id: zoneId,
        kind: "zone",
        geometry: zone,
        containedIn: county.id,
        name: { zh: `${county.zh}合成功能区`, en: `${romanised(county.zh)} synthetic zone` },
      });
      for (const industry of carriedIndustries(random, industryOrder)) assignments.push({ industry, area: zoneId });
    }
  }
  const dataset = datasetOnLayout(
    base,
    { areas, assignments, industryOrder },
    { sites, seed },
    {
      id,
      name: name ?? { zh: "全国县级区划(真实边界,合成数据)", en: "China's counties (real boundaries, synthetic facts)" },
      bounds: boundsOf(areas),
    },
  );
  return { dataset, report };
}
