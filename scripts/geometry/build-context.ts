/**
 * Builds data/geometry/context.geojson (+ context.provenance.json): quiet map context around
 * Yangzhou — the city outline (union of the shipped counties) and the neighbouring prefectures,
 * strongly simplified except along the Yangzhou border, where they follow the city outline
 * exactly (no gap, no overlap), plus one label point per neighbour on its Yangzhou side.
 * Run after build-counties.ts: npx tsx scripts/geometry/build-context.ts
 */
import path from "node:path";
import fs from "node:fs";
import union from "@turf/union";
import difference from "./difference.ts";
import intersect from "@turf/intersect";
import bbox from "@turf/bbox";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { featureCollection, polygon as turfPolygon } from "@turf/helpers";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { polygonProblems } from "../../src/domain/geometry/polygonProblems.ts";
import { areaKm2 } from "../../src/domain/geometry/areaKm2.ts";
import { contextSchema } from "../../src/domain/dataset/schema.ts";
import {
  OUT_DIR,
  PKG,
  PKG_DIR,
  dedupeRing,
  featureCollectionText,
  gcjToWgs,
  geometryOf,
  key,
  mapPositions,
  packageVersion,
  polysOf,
  readJson,
  round5,
  roundPosition,
  serialize,
  simplifyShared,
  writeText,
} from "./lib.ts";
import type { Poly, Pos, Ring } from "./lib.ts";
import { repairPolygon } from "./repair.ts";

const NEIGHBOURS = [
  { id: "nanjing", file: "jiang1_su1_nan2_jing1", name_zh: "南京市", name_en: "Nanjing" },
  { id: "zhenjiang", file: "jiang1_su1_zhen4_jiang1", name_zh: "镇江市", name_en: "Zhenjiang" },
  { id: "taizhou", file: "jiang1_su1_tai4_zhou1", name_zh: "泰州市", name_en: "Taizhou" },
  { id: "huaian", file: "jiang1_su1_huai2_an1", name_zh: "淮安市", name_en: "Huai'an" },
  { id: "yancheng", file: "jiang1_su1_yan2_cheng2", name_zh: "盐城市", name_en: "Yancheng" },
  { id: "chuzhou", file: "an1_hui1_chu2_zhou1", name_zh: "滁州市", name_en: "Chuzhou (Anhui)" },
];
/** Tolerance (degrees) for the neighbours' borders away from Yangzhou. */
const COARSE = 0.006;
/** Tolerance (degrees) for the city outline (and the neighbours along it, identically). */
const OUTLINE = 0.0015;
/** Neighbours are clipped to Yangzhou's bounding box grown by this many degrees. */
const CLIP_MARGIN = 0.5;
/** Neighbour pieces smaller than this after cutting out Yangzhou are slivers and dropped. */
const MIN_PART_KM2 = 1;
/** Frame around Yangzhou (degrees) in which label points are placed. */
const LABEL_MARGIN = 0.12;

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/**
 * The simplified rings are written at 4 decimals (≈ 11 m), a tenth of the finest tolerance
 * (OUTLINE, ≈ 167 m): the context is drawn beneath the counties and nobody measures it, and
 * the fifth decimal cost 1.7 kB of the first view's gzip. Shared chains round alike, so
 * the outline and the neighbours still meet without gaps (checked below, after rounding).
 */
const round4 = (p: Pos): Pos => roundPosition(p, 4);

function main() {
  const counties = readJson<FeatureCollection<Polygon | MultiPolygon>>(path.join(OUT_DIR, "counties.geojson"));
  const cityUnion = union(featureCollection(counties.features));
  if (!cityUnion) throw new Error("union of counties is empty");
  // Holes < 1 km² in the union are slivers between counties (e.g. a one-cell speck dropped in repair).
  const cityPolys: Poly[] = dropSmall(polysOf(cityUnion.geometry).map((p) => p.map((r) => dedupeRing(r.map(round5)))));
  const cityGeom = geometryOf(cityPolys);
  const cityProblems = polygonProblems(cityGeom);
  if (cityProblems.length) throw new Error(`city outline invalid: ${cityProblems.join("; ")}`);
  const cityVertices = new Set(cityPolys.flat(2).map(key));
  const [w, s, e, n] = bbox(cityGeom);

  // Source shared-border vertices on the grid, to measure which prefectures touch Yangzhou.
  const yzSrc = readJson<FeatureCollection<Polygon | MultiPolygon>>(
    path.join(PKG_DIR, "geojson/shape-with-internal-borders/jiang1_su1_yang2_zhou1.geojson"),
  );
  const yzGrid = new Set(
    yzSrc.features.flatMap((f) =>
      polysOf(f.geometry)
        .flat(2)
        .map((p) => key(p as Pos)),
    ),
  );

  type N = (typeof NEIGHBOURS)[number] & { polys: Poly[]; sharedSourceVertices: number; sourceFile: string; repairs: string[] };
  const neighbours: N[] = [];
  for (const nb of NEIGHBOURS) {
    const sourceFile = `geojson/shape-only/${nb.file}.geojson`;
    const src = readJson<FeatureCollection<Polygon | MultiPolygon>>(path.join(PKG_DIR, sourceFile));
    const grid: Poly[] = [];
    const repairs: string[] = [];
    let shared = 0;
    for (const f of src.features) {
      for (const p of polysOf(f.geometry)) {
        const r = repairPolygon(p);
        grid.push(...r.polys);
        repairs.push(...r.log.map((l) => `${l.step} ×${l.count}`));
        for (const q of p.flat()) if (yzGrid.has(key(q as Pos))) shared++;
      }
    }
    if (shared < 20) {
      console.log(`${nb.id}: shares ${shared} source vertices with Yangzhou — not a neighbour, skipped`);
      continue;
    }
    const wgs = mapPositions(grid, (p) => round5(gcjToWgs(p)));
    // Cut out Yangzhou so the neighbour ends exactly on the shipped city outline.
    const cut = difference(geometryOf(wgs), cityGeom);
    const clipped = intersect(
      featureCollection([
        { type: "Feature", properties: {}, geometry: cut },
        { type: "Feature", properties: {}, geometry: box(w - CLIP_MARGIN, s - CLIP_MARGIN, e + CLIP_MARGIN, n + CLIP_MARGIN) },
      ]),
    );
    if (!clipped) throw new Error(`${nb.id}: nothing left inside the frame`);
    const polys = dropSmall(polysOf(clipped.geometry).map((p) => p.map((r) => dedupeRing(r.map(round5)))));
    neighbours.push({ ...nb, polys, sharedSourceVertices: shared, sourceFile, repairs });
  }

  // Joint simplification: chains on the city outline at OUTLINE tolerance (the same simplified
  // chain for the outline and the neighbour), the rest coarsely; chains shared between
  // neighbours are simplified identically, so the context has no gaps or overlaps of its own.
  const cityRings = cityPolys.flat();
  const nbRings = neighbours.flatMap((nb) => nb.polys.flat());
  let tol = COARSE;
  let outlineTol = OUTLINE;
  let cityOut: Poly[] = cityPolys;
  for (;;) {
    const simplified = simplifyShared([...cityRings, ...nbRings], (chain) =>
      chain.every((p) => cityVertices.has(key(p))) ? outlineTol : tol,
    );
    let k = 0;
    const cityTrial = cityPolys.map((p) => p.map(() => dedupeRing(simplified[k++]!.map(round4))));
    const trial = neighbours.map((nb) => dropSmall(nb.polys.map((p) => p.map(() => dedupeRing(simplified[k++]!.map(round4))))));
    const bad = [cityTrial, ...trial].flatMap((p, i) =>
      polygonProblems(geometryOf(p)).map((m) => `${i === 0 ? "city" : neighbours[i - 1]!.id}: ${m}`),
    );
    const all = polygonProblems({ type: "MultiPolygon", coordinates: [...cityTrial, ...trial.flat()] });
    const cityChange = areaKm2(geometryOf(cityTrial)) / areaKm2(cityGeom) - 1;
    if (Math.abs(cityChange) > 0.005) bad.push(`city outline area changed by ${round(cityChange * 100)} %`);
    if (bad.length === 0 && all.length === 0) {
      neighbours.forEach((nb, i) => (nb.polys = trial[i]!));
      cityOut = cityTrial;
      break;
    }
    if (tol < 1e-4) throw new Error(`context still invalid: ${[...bad, ...all].slice(0, 3).join("; ")}`);
    console.log(`tolerance ${tol}: ${[...bad, ...all][0]} — retrying finer`);
    tol = tol / 2;
    outlineTol = outlineTol / 2;
  }

  const features: Feature[] = [
    {
      type: "Feature",
      id: "yangzhou-city",
      properties: { id: "yangzhou-city", role: "city-outline", name_zh: "扬州市", name_en: "Yangzhou" },
      geometry: geometryOf(cityOut),
    },
  ];
  const frame = turfPolygon([
    [
      [w - LABEL_MARGIN, s - LABEL_MARGIN],
      [e + LABEL_MARGIN, s - LABEL_MARGIN],
      [e + LABEL_MARGIN, n + LABEL_MARGIN],
      [w - LABEL_MARGIN, n + LABEL_MARGIN],
      [w - LABEL_MARGIN, s - LABEL_MARGIN],
    ],
  ]);
  const labels: Feature[] = [];
  const summary = [];
  for (const nb of neighbours) {
    const geometry = geometryOf(nb.polys);
    features.push({
      type: "Feature",
      id: nb.id,
      properties: { id: nb.id, role: "neighbour", name_zh: nb.name_zh, name_en: nb.name_en },
      geometry,
    });
    const label = labelPoint(geometry, frame.geometry);
    if (!booleanPointInPolygon(label, geometry)) throw new Error(`${nb.id}: label point outside polygon`);
    labels.push({
      type: "Feature",
      id: `${nb.id}-label`,
      properties: { id: `${nb.id}-label`, role: "neighbour-label", neighbour: nb.id, name_zh: nb.name_zh, name_en: nb.name_en },
      geometry: { type: "Point", coordinates: label },
    });
    summary.push({
      id: nb.id,
      name_zh: nb.name_zh,
      name_en: nb.name_en,
      sourceFile: `node_modules/${PKG}/${nb.sourceFile}`,
      sharedBorderSourceVertices: nb.sharedSourceVertices,
      repairs: nb.repairs,
      parts: nb.polys.length,
      vertices: nb.polys.flat(2).length,
      labelPoint: label,
    });
  }
  features.push(...labels);
  const file = path.join(OUT_DIR, "context.geojson");
  writeText(file, featureCollectionText(features, contextSchema));

  const provenance = {
    file: "data/geometry/context.geojson",
    generatedBy: "scripts/geometry/build-context.ts (npm run geometry, after build-counties.ts)",
    generated: new Date().toISOString().slice(0, 10),
    purpose: "quiet map context only (not for analysis): city outline, neighbouring prefectures, their label points",
    source: {
      package: PKG,
      version: packageVersion(PKG),
      cityOutline: "union (@turf/union) of the six features of data/geometry/counties.geojson — see counties.provenance.json",
      neighbours: `node_modules/${PKG}/geojson/shape-only/<prefecture>.geojson`,
      licence:
        "The package's code is MIT, but its README states that the geojson files were downloaded from AMap (高德地图, " +
        "amap.com) and are subject to AMap's service and content licence (https://lbs.amap.com/home/terms/): no content " +
        "right is transferred, and AMap must be engaged (its consent obtained) before commercial use. No liability or guarantee.",
    },
    crs: {
      original: "GCJ-02, quantised to 1/1024°",
      output: "WGS84",
      conversion: `gcoord ${packageVersion("gcoord")} transform GCJ02 → WGS84, every position`,
    },
    neighbourTest:
      "a prefecture is included when its source polygon shares at least 20 vertices with Yangzhou's source polygons " +
      "(both files come from the same AMap extract, so common borders have identical vertices)",
    method: [
      "repair rings on the source grid as for the counties (scripts/geometry/repair.ts)",
      "convert GCJ-02 → WGS84, round to 5 decimals",
      "cut out the city outline (difference with the union of the shipped counties), so neighbours never cover Yangzhou",
      `clip neighbours to Yangzhou's bounding box grown by ${CLIP_MARGIN}° (context only; far parts are not needed)`,
      `drop pieces and holes < ${MIN_PART_KM2} km² (slivers)`,
      `simplify jointly (Douglas-Peucker per border chain, each shared chain once): the city outline and the neighbours' borders along it at ${outlineTol}° (≈${round(outlineTol * 111_320, 0)} m), other borders at ${tol}° (≈${round(tol * 111_320, 0)} m), then round to 4 decimals (≈ 11 m); so the outline and the neighbours meet without gaps, but they follow the county polygons only to within about that tolerance — draw the context beneath the counties`,
      `label point: the point of the neighbour inside a frame of ${LABEL_MARGIN}° around Yangzhou's bounding box that is farthest from the edge of that visible piece (grid search)`,
    ],
    toleranceDegrees: { outline: outlineTol, other: tol },
    neighbours: summary,
    cityOutlineAreaKm2: { unionOfCounties: round(areaKm2(cityGeom), 1), simplifiedOutline: round(areaKm2(geometryOf(cityOut)), 1) },
  };
  writeText(path.join(OUT_DIR, "context.provenance.json"), serialize(provenance));
  console.log(`tolerance outline ${outlineTol}°, other ${tol}°; ${features.length} features, ${fs.statSync(file).size} bytes`);
  for (const x of summary)
    console.log(
      `${x.id}: shared source vertices ${x.sharedBorderSourceVertices}, ${x.parts} parts, ${x.vertices} vertices, label ${x.labelPoint.join(", ")}`,
    );
}

/** Point inside `geom` ∩ `frame` farthest from the edge of that piece (coarse grid search). */
function labelPoint(geom: Polygon | MultiPolygon, frame: Polygon): Pos {
  const piece = intersect(
    featureCollection([
      { type: "Feature", properties: {}, geometry: geom },
      { type: "Feature", properties: {}, geometry: frame },
    ]),
  );
  const target = piece ? piece.geometry : geom;
  const rings = polysOf(target).flat();
  const [w, s, e, n] = bbox(target);
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  let best: Pos = rings[0]![0]!;
  let bestD = -1;
  const steps = 60;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p: Pos = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
      if (!booleanPointInPolygon(p, target)) continue;
      let d = Infinity;
      for (const r of rings) {
        for (let k = 0; k + 1 < r.length; k++) d = Math.min(d, segDist(p, r[k]!, r[k + 1]!, kx));
      }
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
  }
  return round5(best);
}

function box(w: number, s: number, e: number, n: number): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** Drops rings with fewer than 4 positions, holes and parts smaller than MIN_PART_KM2. */
function dropSmall(polys: Poly[]): Poly[] {
  const big = (r: Ring) => r.length >= 4 && areaKm2({ type: "Polygon", coordinates: [r] }) >= MIN_PART_KM2;
  return polys.filter((p) => big(p[0]!)).map((p) => [p[0]!, ...p.slice(1).filter(big)]);
}

function segDist(p: Pos, a: Pos, b: Pos, kx: number): number {
  const ax = a[0] * kx,
    bx = b[0] * kx,
    px = p[0] * kx;
  const dx = bx - ax,
    dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(px - (ax + t * dx), p[1] - (a[1] + t * dy));
}

main();
