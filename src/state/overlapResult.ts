import type { OverlapAnalysis } from "../domain/overlap/types";
import type { Assignment, Dataset } from "../domain/dataset/schema";
import { overlapInputFrom } from "../domain/overlap/overlapInput";
import { fetchJson } from "./fetchJson";
import { runOverlapAnalysis } from "./runOverlapAnalysis";

/**
 * The planner's analysis of a dataset (and a draft's assignments). A tiled dataset's polygons
 * are in its tiles, so its analysis was computed at build time (`tiles.overlap`) and is read
 * as it is: the published layout's, draft or not.
 */
export function overlapAnalysisOf(dataset: Dataset, draft?: Pick<Assignment, "industry" | "area">[]): Promise<OverlapAnalysis> {
  if (dataset.tiles?.overlap) return fetchJson(dataset.tiles.overlap) as Promise<OverlapAnalysis>;
  return runOverlapAnalysis(overlapInputFrom(dataset, draft));
}
