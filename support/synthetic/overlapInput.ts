import type { Polygon } from "geojson";
import type { OverlapInput } from "../../src/domain/overlap/types";
import type { LngLat } from "../../src/domain/geometry/lngLat";

// A deterministic, dataset-shaped overlap input for scale tests and the timing script:
// never shipped data. Counties are grid cells over a China-sized extent (73–135 °E,
// 18–53 °N) that share their edges exactly with their neighbours (so every neighbour pair
// sharing an industry reaches the geometry step and must come out as "touching only").
// Every tenth area is a functional zone: a smaller square straddling the edge of the county
// to its west, about 70 % inside it. Each area carries 2–3 of 13 industries.

export interface SyntheticOptions {
  areas?: number;
  industries?: number;
  seed?: number;
}

const WEST = 73;
const EAST = 135;
const SOUTH = 18;
const NORTH = 53;

/** mulberry32: a small seeded PRNG (no Math.random, so every run gives the same set). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rectangle with `perEdge` points on each edge (square-ish rings with realistic vertex counts). */
function rectangle(w: number, s: number, e: number, n: number, perEdge = 4): Polygon {
  const ring: LngLat[] = [];
  const edge = (x0: number, y0: number, x1: number, y1: number) => {
    for (let k = 0; k < perEdge; k++) ring.push([x0 + ((x1 - x0) * k) / perEdge, y0 + ((y1 - y0) * k) / perEdge]);
  };
  edge(w, s, e, s);
  edge(e, s, e, n);
  edge(e, n, w, n);
  edge(w, n, w, s);
  ring.push([w, s]);
  return { type: "Polygon", coordinates: [ring] };
}

/** The synthetic industries' ids, `industry-01` … (a dataset maps them onto its own). */
export function syntheticIndustryIds(industries: number): string[] {
  return Array.from({ length: industries }, (_, n) => `industry-${String(n + 1).padStart(2, "0")}`);
}

/** The 2–3 industries one area carries, drawn from `industryOrder` with `random`. */
export function carriedIndustries(random: () => number, industryOrder: readonly string[]): Set<string> {
  const carried = new Set<string>();
  const want = random() < 0.5 ? 2 : 3;
  while (carried.size < want) carried.add(industryOrder[Math.floor(random() * industryOrder.length)]!);
  return carried;
}

export function syntheticOverlapInput({ areas: count = 3000, industries = 13, seed = 20241026 }: SyntheticOptions = {}): OverlapInput {
  const random = seededRandom(seed);
  const columns = Math.ceil(Math.sqrt((count * (EAST - WEST)) / (NORTH - SOUTH)));
  const rows = Math.ceil(count / columns);
  const dx = (EAST - WEST) / columns;
  const dy = (NORTH - SOUTH) / rows;
  const industryOrder = syntheticIndustryIds(industries);
  const areas: OverlapInput["areas"] = [];
  const assignments: OverlapInput["assignments"] = [];

  for (let n = 0; n < count; n++) {
    const col = n % columns;
    const row = Math.floor(n / columns);
    const w = WEST + col * dx;
    const s = SOUTH + row * dy;
    const isZone = n % 10 === 9 && col > 0;
    const id = `${isZone ? "zone" : "county"}-${String(n).padStart(4, "0")}`;
    let geometry: Polygon;
    if (isZone) {
      // About 0.4 × 0.4 of a cell, its centre 0.1 cell west of the shared edge: ~70 % inside the western county.
      const size = 0.35 + 0.1 * random();
      const cx = w - 0.2 * size * dx;
      const cy = s + (0.3 + 0.4 * random()) * dy;
      geometry = rectangle(cx - (size * dx) / 2, cy - (size * dy) / 2, cx + (size * dx) / 2, cy + (size * dy) / 2, 3);
    } else {
      geometry = rectangle(w, s, w + dx, s + dy);
    }
    areas.push({ id, kind: isZone ? "zone" : "county", approximate: isZone, geometry });

    for (const industry of carriedIndustries(random, industryOrder)) assignments.push({ industry, area: id });
  }
  return { areas, assignments, industryOrder };
}
