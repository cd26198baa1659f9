import type { MultiPolygon, Polygon } from "geojson";
import { seededRandom, syntheticOverlapInput } from "./overlapInput";
import type { Area, AreaFeature, Assignment, Bilingual, Dataset, Site } from "../../src/domain/dataset/schema";
import { containsPoint } from "../../src/domain/geometry/pointInPolygon";
import type { Bounds, LngLat } from "../../src/domain/geometry/lngLat";

// A deterministic national-size dataset for scale tests and the bench: never shipped data,
// generated at run time (≈ 7 MB of JSON, so never committed). The areas, their grid
// geometry and their industries come from the overlap analysis's synthetic input (one
// grid, one PRNG); this adds what the app needs besides: names in both languages, seats,
// land areas, sites, and the policy text of a real dataset (`base`) so every panel has
// something to show. The industries are the base's own 13; the key and extended tiers are
// laid out on areas, the exploratory tier stays citywide, so both paths are exercised.

export interface SyntheticDatasetOptions {
  areas?: number;
  sites?: number;
  seed?: number;
}

// The grid spans 73–135 °E, 18–53 °N; the declared bounds leave room for rounding.
export const SYNTHETIC_BOUNDS: Bounds = [72.5, 17.5, 135.5, 53.5];
const CITYWIDE_TIER = "exploratory";
const KM_PER_DEGREE = 111.32;
const MAX_SITE_DRAWS = 20;

export function bboxOf(geometry: Polygon | MultiPolygon): Bounds {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const shells = geometry.type === "Polygon" ? [geometry.coordinates[0]!] : geometry.coordinates.map((p) => p[0]!);
  for (const shell of shells)
    for (const [x, y] of shell as LngLat[]) {
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** One area a dataset is laid out on: its boundary, and what a real source knows about it. */
export interface LaidOutArea {
  id: string;
  kind: "county" | "zone";
  geometry: Polygon | MultiPolygon;
  /** A zone's county. */
  containedIn?: string;
  /** What a real source gives; synthetic values otherwise. */
  code?: string | null;
  name?: Bilingual;
  seat?: LngLat;
  km2?: number;
}

/** Areas with the industries they carry (ids of `industryOrder`, mapped onto the base's laid-out industries in order). */
export interface AreaLayout {
  areas: LaidOutArea[];
  assignments: { industry: string; area: string }[];
  industryOrder: string[];
}

export interface SetIdentity {
  id: string;
  name: Bilingual;
  bounds: Bounds;
}

export function syntheticDataset(
  base: Dataset,
  { areas: areaCount = 3000, sites: siteCount = 10_000, seed = 20241026 }: SyntheticDatasetOptions = {},
): Dataset {
  const laidOut = base.industries.filter((i) => i.tier !== CITYWIDE_TIER);
  const grid = syntheticOverlapInput({ areas: areaCount, industries: laidOut.length, seed });
  const layout: AreaLayout = {
    industryOrder: grid.industryOrder,
    assignments: grid.assignments,
    areas: grid.areas.map((a, n) => ({
      id: a.id,
      kind: a.kind,
      geometry: a.geometry as Polygon,
      ...(a.kind === "zone" ? { containedIn: grid.areas[n - 1]!.id } : {}),
    })),
  };
  return datasetOnLayout(
    base,
    layout,
    { sites: siteCount, seed },
    {
      id: "synthetic-national",
      name: { zh: "合成全国数据", en: "Synthetic national set" },
      bounds: SYNTHETIC_BOUNDS,
    },
  );
}

/**
 * A whole dataset on `layout`'s areas: the synthetic names (where the layout has none), seats,
 * land areas, sites and policy text of `syntheticDataset`, for any boundaries (the grid's
 * rectangles, or real counties: support/national/).
 */
export function datasetOnLayout(
  base: Dataset,
  layout: AreaLayout,
  { sites: siteCount = 10_000, seed = 20241026 }: Pick<SyntheticDatasetOptions, "sites" | "seed">,
  identity: SetIdentity,
): Dataset {
  const laidOut = base.industries.filter((i) => i.tier !== CITYWIDE_TIER);
  const citywideIndustries = base.industries.filter((i) => i.tier === CITYWIDE_TIER);
  const industryOf = new Map(layout.industryOrder.map((id, n) => [id, laidOut[n]!]));
  const random = seededRandom(seed + 1);

  const carried = new Map<string, string[]>();
  const assignments: Assignment[] = layout.assignments.map(({ industry, area }) => {
    const real = industryOf.get(industry)!;
    carried.set(area, [...(carried.get(area) ?? []), real.id]);
    return { industry: real.id, area, section: real.section, evidence: `〔合成数据:${area}〕` };
  });

  const areas: Area[] = [];
  const features: AreaFeature[] = [];
  const boxes: Bounds[] = [];
  for (const [n, a] of layout.areas.entries()) {
    const box = bboxOf(a.geometry);
    boxes.push(box);
    const [w, s, e, north] = box;
    const midLat = (s + north) / 2;
    const km2 =
      a.km2 ?? Math.max(1, Math.round((e - w) * (north - s) * KM_PER_DEGREE * KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180)));
    const zone = a.kind === "zone";
    const number = pad(n, 4);
    areas.push({
      id: a.id,
      kind: a.kind,
      code: zone ? null : a.code === undefined ? String(100000 + n) : a.code,
      name:
        a.name ??
        (zone
          ? { zh: `合成功能区${number}`, en: `Synthetic Zone ${number}` }
          : { zh: `合成县${number}`, en: `Synthetic County ${number}` }),
      ...(zone
        ? { containedIn: [a.containedIn!] }
        : {
            seat: a.seat ?? ([round5(w + (e - w) * (0.3 + 0.4 * random())), round5(s + (north - s) * (0.3 + 0.4 * random()))] as LngLat),
          }),
      landArea: { km2, approximate: zone, source: { zh: "合成数据", en: "synthetic data" } },
    });
    features.push({
      type: "Feature",
      id: a.id,
      properties: { id: a.id, kind: a.kind, approximate: zone },
      geometry: a.geometry as AreaFeature["geometry"],
    });
  }

  const sites: Site[] = [];
  for (let n = 0; n < siteCount; n++) {
    const at = Math.floor(random() * areas.length);
    const area = areas[at]!;
    const [w, s, e, north] = boxes[at]!;
    const own = carried.get(area.id) ?? [];
    const industries = own.length > 1 && random() < 0.3 ? own.slice(0, 2) : own.slice(0, 1);
    const roll = random();
    const precision = roll < 0.05 ? "none" : roll < 0.3 ? "exact" : "town";
    // A point of the area's box; on real boundaries drawn again (a few times) until it lies in
    // the area. A rectangle's first draw always does, so the grid's sites never redraw.
    const draw = (): LngLat => [round5(w + (e - w) * (0.1 + 0.8 * random())), round5(s + (north - s) * (0.1 + 0.8 * random()))];
    let coordinates = draw();
    for (let tries = 0; tries < MAX_SITE_DRAWS && !containsPoint(layout.areas[at]!.geometry, coordinates); tries++) coordinates = draw();
    const status = n % 50 === 0 ? "designated" : n % 12 === 0 ? "candidate" : "related-site";
    const number = pad(n, 5);
    sites.push({
      id: `site-${number}`,
      kind: "site",
      status,
      name: { zh: `合成站点${number}`, en: `Synthetic Site ${number}` },
      industries,
      area: area.id,
      position: precision === "none" ? { precision } : { precision, coordinates },
      location: { zh: `${area.name.zh}境内`, en: `in ${area.name.en}` },
      // A designated park must cite its designation (title, date, document number).
      sources: [
        status === "designated"
          ? { title: "合成数据 synthetic data", date: "2025-01-01", docNumber: `合成〔2025〕${n}号` }
          : { title: "合成数据 synthetic data" },
      ],
      confidence: "low",
    });
  }

  // The base's map context (neighbours of its city) means nothing here.
  const meta = { ...base.meta };
  delete meta.context;
  // So are its search keys (its places' pinyin): a script that wants keys for this set
  // computes them (src/domain/searchKeys.ts withSearchKeys), as the bench does.
  const fromBase = { ...base };
  delete fromBase.searchKeys;
  return {
    ...fromBase,
    meta: {
      ...meta,
      id: identity.id,
      city: { name: identity.name, code: null, landAreaKm2: null },
      bounds: identity.bounds,
      geometry: [
        { file: "geometry/counties.geojson", kind: "county" },
        { file: "geometry/zones.geojson", kind: "zone", approximate: true },
      ],
    },
    areas,
    assignments,
    citywide: citywideIndustries.map((i) => ({ industry: i.id, section: i.section, evidence: `〔合成数据:${i.id} 全市布局〕` })),
    sites,
    // The base's contacts are for the base's areas.
    contacts: { areas: [] },
    // Platforms may name the base's sites, which this set does not have.
    programmes: base.programmes.map((p) => (p.platforms ? { ...p, platforms: p.platforms.map(({ zh, en }) => ({ zh, en })) } : p)),
    geometry: { type: "FeatureCollection", features },
  };
}
