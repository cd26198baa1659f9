import type { Dataset, PlaceKind, Tier } from "../dataset/schema";
import type { Lang } from "../labels";
import type { Match } from "../url/urlState";
import { industriesByArea, industriesInTiers, passesIndustryFilter } from "../layout";

// CSV exports (RFC 4180) that spreadsheet programs open safely: a UTF-8 byte-order mark so
// Chinese reads as Chinese, CRLF line ends, and no cell that a spreadsheet would run as a
// formula (docs/performance.md, "Bad input").

/** Characters that make a spreadsheet read a cell as a formula (or its prefix). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula starts neutralised with a leading apostrophe, then quoted if needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole table: BOM first, CRLF after every row (including the last). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/** The part of the view the matching lists depend on. */
export interface ListFilter {
  kinds: readonly PlaceKind[];
  industries: readonly string[];
  match: Match;
  tiers: readonly Tier[];
}

const HEADERS: Record<Lang, string[]> = {
  zh: ["类型", "编号", "名称", "英文名称", "产业", "政策条款"],
  en: ["kind", "id", "name", "Chinese name", "industries", "sections"],
};

const KIND_LABELS: Record<Lang, Record<PlaceKind, string>> = {
  zh: { county: "县(市、区)", zone: "功能区", site: "站点" },
  en: { county: "county", zone: "functional zone", site: "site" },
};

/**
 * The "Matching areas" and then "Matching sites" lists as table rows, header first, filtered
 * exactly as the lists on the page are (kinds, industries, match, tiers).
 */
export function matchingListsRows(dataset: Dataset, view: ListFilter, lang: Lang): string[][] {
  const other: Lang = lang === "zh" ? "en" : "zh";
  const byArea = industriesByArea(dataset);
  const shown = industriesInTiers(dataset, view.tiers);
  const industryById = new Map(dataset.industries.map((i) => [i.id, i]));
  const names = (ids: readonly string[]) =>
    ids
      .filter((id) => shown.has(id))
      .map((id) => industryById.get(id)?.name[lang] ?? id)
      .join("; ");
  const unique = (xs: string[]) => [...new Set(xs)].join("; ");

  const rows: string[][] = [HEADERS[lang]];
  for (const area of dataset.areas) {
    const carried = byArea.get(area.id) ?? [];
    if (!view.kinds.includes(area.kind) || !passesIndustryFilter(carried, view.industries, view.match)) continue;
    const sections = dataset.assignments.filter((a) => a.area === area.id && shown.has(a.industry)).map((a) => a.section);
    rows.push([KIND_LABELS[lang][area.kind], area.id, area.name[lang], area.name[other], names(carried), unique(sections)]);
  }
  if (view.kinds.includes("site")) {
    for (const site of dataset.sites) {
      if (!passesIndustryFilter(site.industries, view.industries, view.match)) continue;
      rows.push([KIND_LABELS[lang].site, site.id, site.name[lang], site.name[other], names(site.industries), site.policySection ?? ""]);
    }
  }
  return rows;
}

/** The matching lists as a CSV document (see toCsv). */
export function matchingListsCsv(dataset: Dataset, view: ListFilter, lang: Lang): string {
  return toCsv(matchingListsRows(dataset, view, lang));
}
