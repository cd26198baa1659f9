import { bbox } from "@turf/bbox";
import { featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import { union } from "@turf/union";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { areaKm2 } from "../geometry/areaKm2";
import type { AreaLoad, AreaPair, Containment, Finding, IndustrySpread, OverlapAnalysis, OverlapInput } from "./types";

// The planners' overlap analysis (issue 5): pure, Turf only, run once per dataset or draft
// change (in a worker: src/state/runOverlapAnalysis.ts), never per filter click.
//
// Cost control, so a 3,000-area set stays feasible:
// - only pairs of areas that share an industry are candidates, enumerated once each;
// - a candidate whose bounding boxes do not overlap (or only touch) cannot share ground, and
//   is settled without any geometry work;
// - before Turf's intersect (polyclip-ts: exact but slow, ≈ 40 ms for two county outlines),
//   both shapes are clipped to the overlap of their boxes, which cannot change A ∩ B
//   (A ∩ B lies inside that box) but drops most vertices;
// - an industry's union size comes from the pairwise overlaps (inclusion–exclusion) when no
//   three of its areas overlap each other pairwise, which makes it exact; otherwise that
//   group of areas is unioned with Turf.
//
// Ranking (Finding.weight), in "km² equivalents" so the three kinds share one scale:
// - same-ground:        overlapKm2 × shared industries (ground laid out twice, once per industry);
// - industry-in-areas:  doubleCountedKm2 + 10 × (areas − 1);
// - industries-in-area: 10 × (industries − 1).
// One extra area for an industry, or one extra industry for an area, weighs as much as
// 10 km² of ground counted twice. Ties: kind (the order above), then id.

/** Overlaps below this (km²) are boundary slivers, not findings. */
export const MIN_FINDING_KM2 = 0.01;
/** Intersections below this (km²; 1 m²) are treated as touching only. */
const TOUCH_KM2 = 1e-6;
/** What one extra area (or industry) weighs in the ranking, in km² of double-counted ground. */
export const COUNT_WEIGHT_KM2 = 10;
/**
 * Pairs that share an industry but are apart on the ground are listed (with 0 km²) while
 * there are at most this many of them; a larger set lists only the pairs that overlap and
 * counts the others in `omittedDisjointPairs` (3,000 areas give millions of such pairs).
 */
export const DISJOINT_PAIR_LIMIT = 20_000;

type Geometry = Polygon | MultiPolygon;
type Box = [number, number, number, number];

interface Prepared {
  id: string;
  index: number;
  kind: "county" | "zone";
  approximate: boolean;
  geometry: Geometry;
  feature: Feature<Geometry>;
  box: Box;
  km2: number;
  industries: string[];
}

const KIND_RANK: Record<Finding["kind"], number> = { "same-ground": 0, "industry-in-areas": 1, "industries-in-area": 2 };

export function analyseOverlaps(input: OverlapInput): OverlapAnalysis {
  const started = performance.now();

  // Industry order: the dataset's, then any industry only the assignments name.
  const industryOrder = [...input.industryOrder];
  const industryRank = new Map(industryOrder.map((id, n) => [id, n]));
  for (const a of input.assignments) {
    if (!industryRank.has(a.industry)) {
      industryRank.set(a.industry, industryOrder.length);
      industryOrder.push(a.industry);
    }
  }

  const areas: Prepared[] = input.areas.map((a, index) => ({
    id: a.id,
    index,
    kind: a.kind,
    approximate: a.approximate,
    geometry: a.geometry,
    feature: { type: "Feature", properties: { id: a.id }, geometry: a.geometry },
    box: bbox(a.geometry) as Box,
    km2: areaKm2(a.geometry),
    industries: [],
  }));
  const byId = new Map(areas.map((a) => [a.id, a]));

  // Members of each industry, in input order of areas; duplicates and unknown areas ignored.
  const members = new Map<string, Prepared[]>(industryOrder.map((id) => [id, []]));
  const seen = new Set<string>();
  for (const a of input.assignments) {
    const area = byId.get(a.area);
    const key = `${a.industry}\u0000${a.area}`;
    if (!area || seen.has(key)) continue;
    seen.add(key);
    members.get(a.industry)!.push(area);
    area.industries.push(a.industry);
  }
  for (const list of members.values()) list.sort((x, y) => x.index - y.index);
  for (const area of areas) area.industries.sort((x, y) => industryRank.get(x)! - industryRank.get(y)!);

  // Pairs sharing an industry, each once: for area i, walk the later members of its
  // industries (millions of steps for 3,000 areas, so on flat arrays).
  const pairs: AreaPair[] = [];
  const disjoint: [Prepared, Prepared][] = [];
  let disjointCount = 0;
  const stamp = new Int32Array(areas.length).fill(-1);
  const boxes = new Float64Array(areas.length * 4);
  areas.forEach((a, n) => boxes.set(a.box, n * 4));
  const memberIndex = new Map([...members].map(([industry, list]) => [industry, Int32Array.from(list, (a) => a.index)]));
  for (const a of areas) {
    const i = a.index;
    const [w, s, e, n] = a.box;
    for (const industry of a.industries) {
      const list = memberIndex.get(industry)!;
      for (let k = list.indexOf(i) + 1; k < list.length; k++) {
        const j = list[k]!;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        const o = j * 4;
        // Boxes share ground of positive size (boxes that only touch cannot).
        if (w < boxes[o + 2]! && boxes[o]! < e && s < boxes[o + 3]! && boxes[o + 1]! < n) {
          const pair = measurePair(a, areas[j]!);
          if (pair.intersection) {
            pairs.push(pair);
            continue;
          }
        }
        disjointCount++;
        if (disjoint.length <= DISJOINT_PAIR_LIMIT) disjoint.push([a, areas[j]!]);
      }
    }
  }
  const listDisjoint = disjointCount <= DISJOINT_PAIR_LIMIT;
  if (listDisjoint) for (const [a, b] of disjoint) pairs.push(emptyPair(a, b));
  pairs.sort((p, q) => byId.get(p.a)!.index - byId.get(q.a)!.index || byId.get(p.b)!.index - byId.get(q.b)!.index);

  // Overlapping pairs by industry, for unions and the double-counted ground.
  const overlapsByIndustry = new Map<string, AreaPair[]>();
  for (const p of pairs) {
    if (!p.intersection) continue;
    for (const industry of p.sharedIndustries) {
      const list = overlapsByIndustry.get(industry) ?? [];
      list.push(p);
      overlapsByIndustry.set(industry, list);
    }
  }

  const industries: IndustrySpread[] = industryOrder.map((industry) => {
    const list = members.get(industry)!;
    const sumKm2 = list.reduce((s, a) => s + a.km2, 0);
    const unionKm2 = unionSize(list, overlapsByIndustry.get(industry) ?? [], byId);
    return {
      industry,
      areas: list.map((a) => a.id),
      sumKm2,
      unionKm2,
      doubleCountedKm2: Math.max(0, sumKm2 - unionKm2),
      approximate: list.some((a) => a.approximate),
    };
  });

  const areaLoads: AreaLoad[] = areas.map((a) => ({ area: a.id, industries: [...a.industries] }));

  // Containment: each zone against each county whose box it meets.
  const containment: Containment[] = [];
  const counties = areas.filter((a) => a.kind === "county");
  for (const zone of areas) {
    if (zone.kind !== "zone") continue;
    const found: Containment[] = [];
    for (const county of counties) {
      const shape = boxesOverlap(zone.box, county.box) ? intersection(zone, county) : null;
      const km2 = shape ? areaKm2(shape) : 0;
      if (km2 > TOUCH_KM2) found.push({ zone: zone.id, county: county.id, km2, shareOfZone: zone.km2 > 0 ? Math.min(1, km2 / zone.km2) : 0, approximate: true });
    }
    found.sort((x, y) => y.km2 - x.km2);
    containment.push(...found);
  }

  const findings = rankFindings([
    ...sameGroundFindings(pairs),
    ...industryFindings(industries, overlapsByIndustry),
    ...areaFindings(areas),
  ]);

  const result: OverlapAnalysis = { industries, pairs, areas: areaLoads, containment, findings, tookMs: 0 };
  if (!listDisjoint) result.omittedDisjointPairs = disjointCount;
  result.tookMs = performance.now() - started;
  return result;
}

/** Do the boxes share ground of positive size? (Boxes that only touch cannot.) */
function boxesOverlap(p: Box, q: Box): boolean {
  return p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
}

/** A ∩ B, computed on both shapes clipped to the overlap of their boxes (null when empty). */
function intersection(a: Prepared, b: Prepared): Geometry | null {
  const box: Box = [Math.max(a.box[0], b.box[0]), Math.max(a.box[1], b.box[1]), Math.min(a.box[2], b.box[2]), Math.min(a.box[3], b.box[3])];
  const ca = clipToBox(a, box);
  const cb = clipToBox(b, box);
  if (!ca || !cb) return null;
  const shape = intersect(featureCollection([ca, cb]));
  return shape ? shape.geometry : null;
}

function clipToBox(area: Prepared, box: Box): Feature<Geometry> | null {
  const [w, s, e, n] = area.box;
  if (w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3]) return area.feature;
  const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
  const clipped: Position[][][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => clipRing(ring, box));
    if (!outer) continue;
    clipped.push([outer, ...holes.filter((h): h is Position[] => h !== null)]);
  }
  if (clipped.length === 0) return null;
  return { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: clipped } };
}

/** Sutherland–Hodgman clipping of a closed ring to a box; null when less than a triangle is left. */
function clipRing(ring: Position[], box: Box): Position[] | null {
  let points = ring.slice(0, -1);
  for (let edge = 0; edge < 4 && points.length; edge++) {
    const inside = (p: Position): boolean =>
      edge === 0 ? p[0]! >= box[0] : edge === 1 ? p[0]! <= box[2] : edge === 2 ? p[1]! >= box[1] : p[1]! <= box[3];
    const cross = (p: Position, q: Position): Position => {
      if (edge < 2) {
        const x = edge === 0 ? box[0] : box[2];
        return [x, p[1]! + ((q[1]! - p[1]!) * (x - p[0]!)) / (q[0]! - p[0]!)];
      }
      const y = edge === 2 ? box[1] : box[3];
      return [p[0]! + ((q[0]! - p[0]!) * (y - p[1]!)) / (q[1]! - p[1]!), y];
    };
    const out: Position[] = [];
    let prev = points[points.length - 1]!;
    let prevIn = inside(prev);
    for (const p of points) {
      const pIn = inside(p);
      if (pIn !== prevIn) out.push(cross(prev, p));
      if (pIn) out.push(p);
      prev = p;
      prevIn = pIn;
    }
    points = out.filter((p, k) => {
      const q = out[(k + out.length - 1) % out.length]!;
      return out.length === 1 || p[0] !== q[0] || p[1] !== q[1];
    });
  }
  if (points.length < 3) return null;
  return [...points, points[0]!];
}

function shared(a: Prepared, b: Prepared): string[] {
  return a.industries.filter((i) => b.industries.includes(i));
}

function emptyPair(a: Prepared, b: Prepared): AreaPair {
  return { a: a.id, b: b.id, sharedIndustries: shared(a, b), overlapKm2: 0, shareOfA: 0, shareOfB: 0, approximate: a.approximate || b.approximate, intersection: null };
}

function measurePair(a: Prepared, b: Prepared): AreaPair {
  const pair = emptyPair(a, b);
  const shape = intersection(a, b);
  const km2 = shape ? areaKm2(shape) : 0;
  if (!shape || km2 <= TOUCH_KM2) return pair;
  pair.overlapKm2 = km2;
  pair.shareOfA = a.km2 > 0 ? Math.min(1, km2 / a.km2) : 0;
  pair.shareOfB = b.km2 > 0 ? Math.min(1, km2 / b.km2) : 0;
  pair.intersection = {
    type: "Feature",
    properties: { a: a.id, b: b.id, industries: pair.sharedIndustries, overlapKm2: km2, approximate: pair.approximate },
    geometry: shape,
  };
  return pair;
}

/**
 * Size of the union of `list`. Groups of areas linked by overlaps are measured apart: a lone
 * area adds its size; a group without three mutually overlapping areas adds its sizes less
 * its pairwise overlaps (exact: no ground lies in three of them); any other group is unioned.
 */
function unionSize(list: Prepared[], overlaps: AreaPair[], byId: Map<string, Prepared>): number {
  if (overlaps.length === 0) return list.reduce((s, a) => s + a.km2, 0);
  const parent = new Map(list.map((a) => [a.id, a.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const p of overlaps) parent.set(root(p.a), root(p.b));
  const groups = new Map<string, Prepared[]>();
  for (const a of list) {
    const r = root(a.id);
    groups.set(r, [...(groups.get(r) ?? []), a]);
  }
  const overlapping = new Set(overlaps.map((p) => `${p.a}\u0000${p.b}`));
  const meet = (x: Prepared, y: Prepared) => overlapping.has(`${x.id}\u0000${y.id}`) || overlapping.has(`${y.id}\u0000${x.id}`);
  let total = 0;
  for (const group of groups.values()) {
    const sum = group.reduce((s, a) => s + a.km2, 0);
    if (group.length === 1 || !hasTriangle(group, meet)) {
      const ids = new Set(group.map((a) => a.id));
      total += sum - overlaps.filter((p) => ids.has(p.a)).reduce((s, p) => s + p.overlapKm2, 0);
      continue;
    }
    const shape = union(featureCollection(group.map((a) => byId.get(a.id)!.feature)));
    total += shape ? areaKm2(shape.geometry) : 0;
  }
  return total;
}

function hasTriangle(group: Prepared[], meet: (x: Prepared, y: Prepared) => boolean): boolean {
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) {
      if (!meet(group[i]!, group[j]!)) continue;
      for (let k = j + 1; k < group.length; k++) if (meet(group[i]!, group[k]!) && meet(group[j]!, group[k]!)) return true;
    }
  return false;
}

function sameGroundFindings(pairs: AreaPair[]): Finding[] {
  return pairs
    .filter((p) => p.intersection && p.overlapKm2 > MIN_FINDING_KM2)
    .map((p) => ({
      id: `same-ground:${p.sharedIndustries.join(",")}:${p.a}+${p.b}`,
      kind: "same-ground" as const,
      weight: p.overlapKm2 * p.sharedIndustries.length,
      industries: [...p.sharedIndustries],
      areas: [p.a, p.b],
      figures: { overlapKm2: p.overlapKm2, shareOfA: p.shareOfA, shareOfB: p.shareOfB, sharedCount: p.sharedIndustries.length },
      approximate: p.approximate,
      geometry: p.intersection,
    }));
}

/** "One industry in N areas"; its geometry is the ground the industry counts more than once (null if none). */
function industryFindings(spreads: IndustrySpread[], overlapsByIndustry: Map<string, AreaPair[]>): Finding[] {
  return spreads
    .filter((s) => s.areas.length >= 2)
    .map((s) => ({
      id: `industry-in-areas:${s.industry}`,
      kind: "industry-in-areas" as const,
      weight: s.doubleCountedKm2 + COUNT_WEIGHT_KM2 * (s.areas.length - 1),
      industries: [s.industry],
      areas: [...s.areas],
      figures: { areaCount: s.areas.length, sumKm2: s.sumKm2, unionKm2: s.unionKm2, doubleCountedKm2: s.doubleCountedKm2 },
      approximate: s.approximate,
      geometry: doubleCountedGround(s.industry, overlapsByIndustry.get(s.industry) ?? []),
    }));
}

function doubleCountedGround(industry: string, overlaps: AreaPair[]): Feature<Geometry> | null {
  const shapes = overlaps.filter((p) => p.overlapKm2 > MIN_FINDING_KM2).map((p) => p.intersection!);
  if (shapes.length === 0) return null;
  const shape = shapes.length === 1 ? shapes[0]! : union(featureCollection(shapes));
  if (!shape) return null;
  const km2 = areaKm2(shape.geometry);
  return { type: "Feature", properties: { industry, doubleCountedKm2: km2, approximate: overlaps.some((p) => p.approximate) }, geometry: shape.geometry };
}

/** "N industries in one area"; a count, so not approximate. */
function areaFindings(areas: Prepared[]): Finding[] {
  return areas
    .filter((a) => a.industries.length >= 2)
    .map((a) => ({
      id: `industries-in-area:${a.id}`,
      kind: "industries-in-area" as const,
      weight: COUNT_WEIGHT_KM2 * (a.industries.length - 1),
      industries: [...a.industries],
      areas: [a.id],
      figures: { industryCount: a.industries.length },
      approximate: false,
      geometry: { type: "Feature", properties: { id: a.id, approximate: a.approximate }, geometry: a.geometry },
    }));
}

function rankFindings(findings: Finding[]): Finding[] {
  return findings.sort((x, y) => y.weight - x.weight || KIND_RANK[x.kind] - KIND_RANK[y.kind] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
