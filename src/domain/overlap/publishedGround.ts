import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { OverlapAnalysis } from "./types";

// A tiled (large) dataset's analysis is published as two files: the figures, which the planner
// view opens with, and the ground (the overlaps' shapes, for the hatch and the GeoJSON export),
// which follows. At national size the shapes are most of the bytes: they would hold the view
// back for tens of megabytes. Each shape is written once: a same-ground finding's ground is
// its pair's intersection, so it is filed under the pair.

type Ground = Feature<Polygon | MultiPolygon>;

/** The shapes of an analysis, by pair (`a+b`) and by finding id for those that are not a pair's. */
export type PublishedGround = Record<string, Ground>;

const pairKey = (a: string, b: string) => `${a}+${b}`;

/** The analysis without its shapes (every `intersection` and `geometry` null), and the shapes apart. */
export function splitGround(analysis: OverlapAnalysis): { figures: OverlapAnalysis; ground: PublishedGround } {
  const ground: PublishedGround = {};
  const pairs = analysis.pairs.map((p) => {
    if (p.intersection) ground[pairKey(p.a, p.b)] = p.intersection;
    return { ...p, intersection: null };
  });
  const findings = analysis.findings.map((f) => {
    if (f.geometry && f.kind !== "same-ground") ground[f.id] = f.geometry;
    return { ...f, geometry: null };
  });
  return { figures: { ...analysis, pairs, findings }, ground };
}

/** `splitGround` undone: the figures with their shapes back in place (a shape the ground lacks stays null). */
export function joinGround(figures: OverlapAnalysis, ground: PublishedGround): OverlapAnalysis {
  const shape = (key: string): Ground | null => (Object.hasOwn(ground, key) ? ground[key]! : null);
  return {
    ...figures,
    pairs: figures.pairs.map((p) => ({ ...p, intersection: shape(pairKey(p.a, p.b)) })),
    findings: figures.findings.map((f) => ({
      ...f,
      geometry: f.kind === "same-ground" ? shape(pairKey(f.areas[0]!, f.areas[1]!)) : shape(f.id),
    })),
  };
}
