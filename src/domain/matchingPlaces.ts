import type { Area, Dataset, Site } from "./dataset/schema";
import type { Lang } from "./labels";
import type { UrlState } from "./url/urlState";
import { industriesInTiers, passesIndustryFilter } from "./layout";
import { datasetIndex } from "./datasetIndex";

// What the "Matching areas" / "Matching sites" lists hold for a view: the places the
// kind and industry filters let through, in data order. Rows (names, visible industries)
// are made only for the part of a list that is shown: at national size a list holds
// thousands of places and the reader sees a page of them.

export interface PlaceRow {
  id: string;
  name: string;
  /** Message key of the place's kind ("county", "zone", "relatedSite", "candidate", "designated"). */
  kind: Area["kind"] | "relatedSite" | Exclude<Site["status"], "related-site">;
  industries: string[];
}

export interface MatchingPlaces {
  areas: Area[];
  sites: Site[];
}

export function matchingPlaces(dataset: Dataset, view: Pick<UrlState, "kinds" | "industries" | "match">): MatchingPlaces {
  const byArea = datasetIndex(dataset).industriesByArea;
  const areas = dataset.areas.filter(
    (a) => view.kinds.includes(a.kind) && passesIndustryFilter(byArea.get(a.id) ?? [], view.industries, view.match),
  );
  const sites = view.kinds.includes("site")
    ? dataset.sites.filter((s) => passesIndustryFilter(s.industries, view.industries, view.match))
    : [];
  return { areas, sites };
}

/** List rows for places: name in the reader's language, the industries of the tiers in use. */
export function placeRows(dataset: Dataset, places: readonly (Area | Site)[], view: Pick<UrlState, "tiers">, lang: Lang): PlaceRow[] {
  const byArea = datasetIndex(dataset).industriesByArea;
  const shown = industriesInTiers(dataset, view.tiers);
  return places.map((p) => ({
    id: p.id,
    name: p.name[lang],
    kind: p.kind === "site" ? (p.status === "related-site" ? "relatedSite" : p.status) : p.kind,
    industries: (p.kind === "site" ? p.industries : (byArea.get(p.id) ?? [])).filter((id) => shown.has(id)),
  }));
}
