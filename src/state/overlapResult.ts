import type { OverlapAnalysis } from "../domain/overlap/types";
import type { Assignment, Dataset } from "../domain/dataset/schema";
import { overlapInputFrom } from "../domain/overlap/overlapInput";
import { joinGround } from "../domain/overlap/publishedGround";
import { readPublishedFigures, readPublishedGround } from "../domain/overlap/publishedSchema";
import { fetchJson, LoadError, takeJson } from "./fetchJson";
import { runOverlapAnalysis } from "./runOverlapAnalysis";

/**
 * The planner's analysis of a dataset (and a draft's assignments). A tiled dataset's polygons
 * are in its tiles, so its analysis was computed at build time (`tiles.overlap`) and is read
 * as it is: the published layout's, draft or not; its figures first, without the shapes
 * (see `publishedGroundOf`).
 */
export function overlapAnalysisOf(dataset: Dataset, draft?: Pick<Assignment, "industry" | "area">[]): Promise<OverlapAnalysis> {
  const url = dataset.tiles?.overlap;
  if (url) {
    const known = { areas: new Set(dataset.areas.map((a) => a.id)), industries: new Set(dataset.industries.map((i) => i.id)) };
    return takeJson(url).then((raw) => checked(url, readPublishedFigures(raw, known)));
  }
  return runOverlapAnalysis(overlapInputFrom(dataset, draft));
}

/**
 * A published analysis's shapes (`tiles.overlapGround`), joined to its figures: null when the
 * dataset publishes none (the analysis was computed here, shapes included).
 */
export function publishedGroundOf(dataset: Dataset, figures: OverlapAnalysis): Promise<OverlapAnalysis> | null {
  const url = dataset.tiles?.overlapGround;
  if (!url) return null;
  return fetchJson(url).then((raw) => joinGround(figures, checked(url, readPublishedGround(raw))));
}

function checked<T>(url: string, read: { ok: true; value: T } | { ok: false; problems: string[] }): T {
  if (read.ok) return read.value;
  // The problems go in the message: the planner view shows the message alone.
  throw new LoadError(`${url} is not a readable published analysis: ${read.problems.join("; ")}`);
}
