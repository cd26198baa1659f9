import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Assignment } from "../dataset/schema";

// The planners' overlap analysis: what `analyseOverlaps` returns. Every km² figure that
// involves a functional zone's drawn (schematic) shape is approximate and says so.

export interface IndustrySpread {
  industry: string;
  areas: string[];
  /** Sum of the areas' drawn sizes: ground counted once per assignment. */
  sumKm2: number;
  /** Size of the union of those areas: ground counted once. */
  unionKm2: number;
  /** sumKm2 − unionKm2: ground the layout counts more than once. */
  doubleCountedKm2: number;
  approximate: boolean;
}

export interface AreaPair {
  a: string;
  b: string;
  /** Industries assigned to both. */
  sharedIndustries: string[];
  overlapKm2: number;
  shareOfA: number; // 0..1
  shareOfB: number; // 0..1
  approximate: boolean;
  /** The ground both cover (null when they do not overlap). */
  intersection: Feature<Polygon | MultiPolygon> | null;
}

export interface AreaLoad {
  area: string;
  industries: string[];
}

export interface Containment {
  zone: string;
  county: string;
  km2: number;
  shareOfZone: number; // 0..1
  approximate: true;
}

type FindingKind = "same-ground" | "industry-in-areas" | "industries-in-area";

export interface Finding {
  id: string; // stable, e.g. "same-ground:metaverse:hanjiang+etdz"
  kind: FindingKind;
  /** Rank order: larger is more important. */
  weight: number;
  industries: string[];
  areas: string[];
  /** The numbers behind the sentence (km², shares, counts). */
  figures: Record<string, number>;
  approximate: boolean;
  /**
   * Ground to hatch on the map when the finding is in focus: an overlap's shape. Null for a
   * finding about one area as a whole (industries-in-area: the map hatches that area's own
   * feature, see `highlightAreasOf`), and for one with no shared ground.
   */
  geometry: Feature<Polygon | MultiPolygon> | null;
}

export interface OverlapAnalysis {
  industries: IndustrySpread[];
  pairs: AreaPair[];
  areas: AreaLoad[];
  containment: Containment[];
  findings: Finding[];
  /**
   * Set only when pairs that share an industry but do not overlap were too many to list
   * (large synthetic sets): how many were left out of `pairs`. Overlapping pairs are always listed.
   */
  omittedDisjointPairs?: number;
  /** Milliseconds the analysis took (for the note and the bench). */
  tookMs: number;
}

/** Input: the dataset's areas with geometry, and the assignments to analyse (published or a draft). */
export interface OverlapInput {
  areas: { id: string; kind: "county" | "zone"; approximate: boolean; geometry: Polygon | MultiPolygon }[];
  assignments: Pick<Assignment, "industry" | "area">[];
  industryOrder: string[];
}
