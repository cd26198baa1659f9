import type { OverlapAnalysis } from "../domain/overlap/types";
import type { Assignment, Dataset } from "../domain/dataset/schema";
import { overlapInputFrom } from "../domain/overlap/overlapInput";
import { joinGround, type PublishedGround } from "../domain/overlap/publishedGround";
import { fetchJson } from "./fetchJson";
import { runOverlapAnalysis } from "./runOverlapAnalysis";

/**
 * The planner's analysis of a dataset (and a draft's assignments). A tiled dataset's polygons
 * are in its tiles, so its analysis was computed at build time (`tiles.overlap`) and is read
 * as it is: the published layout's, draft or not; its figures first, without the shapes
 * (see `publishedGroundOf`).
 */
export function overlapAnalysisOf(dataset: Dataset, draft?: Pick<Assignment, "industry" | "area">[]): Promise<OverlapAnalysis> {
  if (dataset.tiles?.overlap) return fetchJson(dataset.tiles.overlap) as Promise<OverlapAnalysis>;
  return runOverlapAnalysis(overlapInputFrom(dataset, draft));
}

/**
 * A published analysis's shapes (`tiles.overlapGround`), joined to its figures: null when the
 * dataset publishes none (the analysis was computed here, shapes included).
 */
export function publishedGroundOf(dataset: Dataset, figures: OverlapAnalysis): Promise<OverlapAnalysis> | null {
  const url = dataset.tiles?.overlapGround;
  if (!url) return null;
  return fetchJson(url).then((ground) => joinGround(figures, ground as PublishedGround));
}
