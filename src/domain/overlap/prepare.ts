import { bbox } from "@turf/bbox";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { areaKm2 } from "../geometry/areaKm2";
import type { OverlapInput } from "./types";
import type { Bounds } from "../geometry/lngLat";

// Step 1 of the overlap analysis: each area measured once (box, size, feature for Turf) and
// the industries' members, so the later steps never touch the raw input.

export type Geometry = Polygon | MultiPolygon;

export interface Prepared {
  id: string;
  /** Position in the input: the order every list of the result follows. */
  index: number;
  kind: "county" | "zone";
  approximate: boolean;
  geometry: Geometry;
  feature: Feature<Geometry>;
  box: Bounds;
  km2: number;
  /** The area's industries, in industry order. */
  industries: string[];
}

export interface PreparedInput {
  /** The dataset's industry order, then any industry only the assignments name. */
  industryOrder: string[];
  areas: Prepared[];
  byId: Map<string, Prepared>;
  /** Members of each industry, in input order of areas; duplicates and unknown areas ignored. */
  members: Map<string, Prepared[]>;
}

export function prepare(input: OverlapInput): PreparedInput {
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
    box: bbox(a.geometry) as Bounds,
    km2: areaKm2(a.geometry),
    industries: [],
  }));
  const byId = new Map(areas.map((a) => [a.id, a]));

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
  return { industryOrder, areas, byId, members };
}
