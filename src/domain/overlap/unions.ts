import { featureCollection } from "@turf/helpers";
import { union } from "@turf/union";
import { areaKm2 } from "../geometry/areaKm2";
import type { Prepared, PreparedInput } from "./prepare";
import type { AreaPair, IndustrySpread } from "./types";

// Step 3: each industry's ground counted once. Its union size comes from the pairwise
// overlaps (inclusion–exclusion) when no three of its areas overlap each other pairwise,
// which makes it exact; otherwise that group of areas is unioned with Turf.

/** Overlapping pairs by shared industry. */
export function overlapsByIndustry(pairs: AreaPair[]): Map<string, AreaPair[]> {
  const byIndustry = new Map<string, AreaPair[]>();
  for (const p of pairs) {
    if (!p.intersection) continue;
    for (const industry of p.sharedIndustries) {
      const list = byIndustry.get(industry) ?? [];
      list.push(p);
      byIndustry.set(industry, list);
    }
  }
  return byIndustry;
}

export function industrySpreads(
  { industryOrder, members }: Pick<PreparedInput, "industryOrder" | "members">,
  overlaps: Map<string, AreaPair[]>,
): IndustrySpread[] {
  return industryOrder.map((industry) => {
    const list = members.get(industry)!;
    const sumKm2 = list.reduce((s, a) => s + a.km2, 0);
    const unionKm2 = unionSize(list, overlaps.get(industry) ?? []);
    return {
      industry,
      areas: list.map((a) => a.id),
      sumKm2,
      unionKm2,
      doubleCountedKm2: Math.max(0, sumKm2 - unionKm2),
      approximate: list.some((a) => a.approximate),
    };
  });
}

/**
 * Size of the union of `list`. Groups of areas linked by overlaps are measured apart: a lone
 * area adds its size; a group without three mutually overlapping areas adds its sizes less
 * its pairwise overlaps (exact: no ground lies in three of them); any other group is unioned.
 */
export function unionSize(list: Prepared[], overlaps: AreaPair[]): number {
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
    const shape = union(featureCollection(group.map((a) => a.feature)));
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
