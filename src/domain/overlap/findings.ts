import { featureCollection } from "@turf/helpers";
import { union } from "@turf/union";
import { areaKm2 } from "../geometry/areaKm2";
import type { Geometry, Prepared } from "./prepare";
import type { AreaPair, Finding, IndustrySpread } from "./types";

// Step 4: the findings, ranked. Finding.weight is in "km² equivalents" so the three kinds
// share one scale:
// - same-ground:        overlapKm2 × shared industries (ground laid out twice, once per industry);
// - industry-in-areas:  doubleCountedKm2 + 10 × (areas − 1);
// - industries-in-area: 10 × (industries − 1).
// One extra area for an industry, or one extra industry for an area, weighs as much as
// 10 km² of ground counted twice. Ties: kind (the order above), then id.

/** Overlaps below this (km²) are boundary slivers, not findings. */
const MIN_FINDING_KM2 = 0.01;
/** What one extra area (or industry) weighs in the ranking, in km² of double-counted ground. */
export const COUNT_WEIGHT_KM2 = 10;

const KIND_RANK: Record<Finding["kind"], number> = { "same-ground": 0, "industry-in-areas": 1, "industries-in-area": 2 };

export function findings(
  pairs: AreaPair[],
  spreads: IndustrySpread[],
  overlapsByIndustry: Map<string, AreaPair[]>,
  areas: Prepared[],
): Finding[] {
  return rankFindings([...sameGroundFindings(pairs), ...industryFindings(spreads, overlapsByIndustry), ...areaFindings(areas)]);
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

function doubleCountedGround(industry: string, overlaps: AreaPair[]): Finding["geometry"] {
  const shapes = overlaps.filter((p) => p.overlapKm2 > MIN_FINDING_KM2).map((p) => p.intersection!);
  if (shapes.length === 0) return null;
  const shape = shapes.length === 1 ? shapes[0]! : union(featureCollection(shapes));
  if (!shape) return null;
  const km2 = areaKm2(shape.geometry);
  const geometry: Geometry = shape.geometry;
  return { type: "Feature", properties: { industry, doubleCountedKm2: km2, approximate: overlaps.some((p) => p.approximate) }, geometry };
}

/**
 * "N industries in one area"; a count, so not approximate. Its ground is the area itself, which
 * the map already draws: the finding names it (`areas`) instead of carrying a copy of its outline
 * (at national size those copies were 210 of the result's 243 MB).
 */
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
      geometry: null,
    }));
}

export function rankFindings(list: Finding[]): Finding[] {
  return list.sort((x, y) => y.weight - x.weight || KIND_RANK[x.kind] - KIND_RANK[y.kind] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
