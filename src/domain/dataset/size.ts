// A dataset this large (areas plus sites) is worked through in several tasks, so the page
// can paint and answer input between them; a city-size one is not split, because each hop
// waits behind the start-up's long tasks (map-ready 1.23 → 1.37 × the bare page when it was).
export const LARGE_DATASET_PLACES = 1000;

/** Whether `raw` (checked or not) has more than LARGE_DATASET_PLACES areas and sites. */
export function isLargeDataset(raw: unknown): boolean {
  const length = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (typeof raw !== "object" || raw === null) return false;
  const { areas, sites } = raw as { areas?: unknown; sites?: unknown };
  return isLargePlaceCount(length(areas) + length(sites));
}

/** Whether this many places (areas plus sites) make a large dataset. */
export function isLargePlaceCount(places: number): boolean {
  return places > LARGE_DATASET_PLACES;
}
