import { areaKm2 } from "../geometry/areaKm2";
import { intersection, boxesOverlap } from "./intersection";
import type { Prepared, PreparedInput } from "./prepare";
import type { AreaPair, Containment } from "./types";

// Step 2: the pairs of areas that share an industry, each measured, and which counties each
// zone lies in. Only pairs sharing an industry are candidates, enumerated once each; a
// candidate whose boxes do not overlap (or only touch) is settled without geometry work.

/** Intersections below this (km²; 1 m²) are treated as touching only. */
const TOUCH_KM2 = 1e-6;
/**
 * Pairs that share an industry but are apart on the ground are listed (with 0 km²) while
 * there are at most this many of them; a larger set lists only the pairs that overlap and
 * counts the others in `omittedDisjointPairs` (3,000 areas give millions of such pairs).
 */
export const DISJOINT_PAIR_LIMIT = 20_000;

export interface Pairs {
  /** In input order of a, then of b. */
  pairs: AreaPair[];
  /** Set when the disjoint pairs were too many to list: how many were left out. */
  omittedDisjointPairs?: number;
}

export function findPairs({ areas, members, byId }: PreparedInput): Pairs {
  // For area i, walk the later members of its industries (millions of steps for 3,000
  // areas, so on flat arrays).
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
  return listDisjoint ? { pairs } : { pairs, omittedDisjointPairs: disjointCount };
}

function shared(a: Prepared, b: Prepared): string[] {
  return a.industries.filter((i) => b.industries.includes(i));
}

function emptyPair(a: Prepared, b: Prepared): AreaPair {
  return {
    a: a.id,
    b: b.id,
    sharedIndustries: shared(a, b),
    overlapKm2: 0,
    shareOfA: 0,
    shareOfB: 0,
    approximate: a.approximate || b.approximate,
    intersection: null,
  };
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

/** Each zone against each county whose box it meets; per zone, largest share first. */
export function zoneContainment(areas: Prepared[]): Containment[] {
  const containment: Containment[] = [];
  const counties = areas.filter((a) => a.kind === "county");
  for (const zone of areas) {
    if (zone.kind !== "zone") continue;
    const found: Containment[] = [];
    for (const county of counties) {
      const shape = boxesOverlap(zone.box, county.box) ? intersection(zone, county) : null;
      const km2 = shape ? areaKm2(shape) : 0;
      if (km2 > TOUCH_KM2)
        found.push({
          zone: zone.id,
          county: county.id,
          km2,
          shareOfZone: zone.km2 > 0 ? Math.min(1, km2 / zone.km2) : 0,
          approximate: true,
        });
    }
    found.sort((x, y) => y.km2 - x.km2);
    containment.push(...found);
  }
  return containment;
}
