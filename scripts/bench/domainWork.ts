import type { Dataset } from "../../src/domain/dataset/schema";
import type { Lang } from "../../src/domain/labels";
import { DEFAULT_URL_STATE, serializeUrlState, type UrlState } from "../../src/domain/url/urlState";
import { buildMapFeatures, buildPlaceStates } from "../../src/map/mapInput";
import { matchingPlaces, placeRows } from "../../src/domain/matchingPlaces";
import { searchPlaces } from "../../src/domain/search";
import { areaFacts, findPlace, industryFacts } from "../../src/domain/areaFacts";
import { industriesByArea } from "../../src/domain/layout";
import { vocabularyOf } from "../../src/state/urlSync";

/** Rows per list page, as src/ui/PlaceLists.tsx renders (not imported: that module is React). */
const LIST_PAGE = 100;

// The domain work the app does on each state change (docs/performance.md: matching, colouring,
// lists; no geometry), replayed in node over a realistic sequence of changes. Each step
// runs exactly what the app's subscribers run for that kind of change: MapHost's
// buildMapFeatures (language, tiers) and buildPlaceStates (view, hover), the lists, the
// URL, the hover card, the area / site / industry panel facts and the search box.

interface Step {
  name: string;
  view: UrlState & { lang: Lang };
  hovered: string | null;
  query: string;
}

/** A session: filter toggles, match, select, hover, language, tiers, kinds, search, panels. */
function sessionSteps(dataset: Dataset): Step[] {
  const assigned = [...new Set(dataset.assignments.map((a) => a.industry))];
  const citywide = dataset.citywide[0]?.industry;
  const areas = dataset.areas;
  const sites = dataset.sites;
  const steps: Step[] = [];
  let view: Step["view"] = { ...DEFAULT_URL_STATE, lang: "zh" };
  let hovered: string | null = null;
  let query = "";
  const push = (name: string, change: Partial<Step["view"]> = {}, hover: string | null = hovered, q = query) => {
    // Only a change of the view makes a new view object, as in the store.
    if (Object.keys(change).length) view = { ...view, ...change };
    hovered = hover;
    query = q;
    steps.push({ name, view, hovered, query });
  };
  push("first view");
  for (const id of assigned.slice(0, 3)) push(`filter +${id}`, { industries: [...view.industries, id] });
  push("match all", { match: "all" });
  push("match any", { match: "any" });
  if (citywide) push(`filter +${citywide} (citywide)`, { industries: [...view.industries, citywide] });
  for (const n of [0, Math.floor(areas.length / 2), areas.length - 1]) push(`hover area ${n}`, {}, areas[n]!.id);
  if (sites[0]) push("hover site", {}, sites[0].id);
  push("hover none", {}, null);
  push("select area", { area: areas[Math.floor(areas.length / 3)]!.id });
  if (sites.length) push("select site", { area: sites[Math.floor(sites.length / 2)]!.id });
  push("open industry panel", { area: null, industry: assigned[0]! });
  push("close panel", { industry: null });
  push("language en", { lang: "en" });
  push("tiers key only", {
    tiers: ["key"],
    industries: view.industries.filter((id) => dataset.industries.find((i) => i.id === id)?.tier === "key"),
  });
  push("tiers all", { tiers: ["key", "extended", "exploratory"] });
  push("kinds without sites", { kinds: ["county", "zone"] });
  push("kinds all", { kinds: ["county", "zone", "site"] });
  for (const q of ["s", "sy", "syn", "合", "合成", "Yang"]) push(`search "${q}"`, {}, hovered, q);
  push("search cleared", {}, hovered, "");
  for (const id of [...view.industries]) push(`filter -${id}`, { industries: view.industries.filter((x) => x !== id) });
  push("language zh", { lang: "zh" });
  return steps;
}

/** Runs what the app runs for the change from `prev` to `next`. Returns a count so nothing is optimised away. */
function stateChangeWork(dataset: Dataset, vocab: ReturnType<typeof vocabularyOf>, prev: Step | null, next: Step): number {
  let touched = 0;
  const v = next.view;
  if (!prev || prev.view.lang !== v.lang || prev.view.tiers !== v.tiers) {
    touched += buildMapFeatures({ dataset, lang: v.lang, tiers: v.tiers, palette: {} }).areas.features.length;
  }
  if (!prev || prev.view !== v || prev.hovered !== next.hovered) touched += buildPlaceStates(dataset, v, next.hovered).size;
  if (!prev || prev.view !== v) {
    // The lists: every match counted, one page of rows made (src/ui/PlaceLists.tsx).
    const lists = matchingPlaces(dataset, v);
    touched += placeRows(dataset, lists.areas.slice(0, LIST_PAGE), v, v.lang).length;
    touched += placeRows(dataset, lists.sites.slice(0, LIST_PAGE), v, v.lang).length;
    touched += serializeUrlState(v, vocab).length;
  }
  if (next.hovered && prev?.hovered !== next.hovered) {
    const place = findPlace(dataset, next.hovered);
    if (place?.kind === "area") touched += industriesByArea(dataset).get(place.area.id)?.length ?? 0;
  }
  if (v.area && prev?.view.area !== v.area) {
    const place = findPlace(dataset, v.area);
    if (place?.kind === "area") touched += areaFacts(dataset, v.area)?.assignments.length ?? 0;
    else if (place) touched += 1;
  }
  if (v.industry && prev?.view.industry !== v.industry) touched += industryFacts(dataset, v.industry)?.areas.length ?? 0;
  if (next.query !== (prev?.query ?? "")) touched += searchPlaces(dataset, next.query).length;
  return touched;
}

export interface StepTiming {
  name: string;
  ms: number[];
}

/** Replays the session `rounds` times (after one unrecorded warm-up round); per step, the times. */
export function timeSession(dataset: Dataset, rounds = 5): StepTiming[] {
  const steps = sessionSteps(dataset);
  const vocab = vocabularyOf(dataset);
  const timings: StepTiming[] = steps.map((s) => ({ name: s.name, ms: [] }));
  let sink = 0;
  for (let round = 0; round <= rounds; round++) {
    let prev: Step | null = null;
    steps.forEach((step, n) => {
      const t0 = performance.now();
      sink += stateChangeWork(dataset, vocab, prev, step);
      const took = performance.now() - t0;
      if (round > 0) timings[n]!.ms.push(took);
      prev = step;
    });
  }
  if (sink < 0) console.log(sink);
  return timings;
}
