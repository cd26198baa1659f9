import type { Dataset, Site } from "../dataset/schema.ts";
import type { LngLat } from "../geometry/lngLat.ts";
import { fromWgs84, round7, type CrsId } from "./coordinates.ts";
import { sheetToSites, type RowProblem } from "./sheetImport.ts";
import { SHEET_FIELDS, type SheetField } from "./sheetFields.ts";
import type { ToPinyin } from "./siteId.ts";

// The site form as one spreadsheet row: its fields are the spreadsheet's columns (the same
// names, sheetFields.ts), so a typed site goes through the very checks an imported row does
// (sheetImport.ts: numbers, dates, URLs, coordinates in the chosen system, the designated-park
// rule, the id rule, then the site schema). Editing a site keeps what the form does not show
// (its other sources, a source's note, the dated event, the policy section). Pure.

/** The form's text by field. */
export type SiteFormValues = Record<SheetField, string>;

const EMPTY_SITE_FORM: SiteFormValues = Object.fromEntries(SHEET_FIELDS.map((f) => [f, ""])) as SiteFormValues;

/** A position's text in `crs` (7 decimals: about a centimetre). */
export function positionText(lngLat: LngLat, crs: CrsId): { longitude: string; latitude: string } {
  const [lng, lat] = fromWgs84(lngLat, crs);
  return { longitude: String(round7(lng)), latitude: String(round7(lat)) };
}

/** The form's values for an existing site (coordinates in `crs`), or for a new one. */
export function siteFormValues(site: Site | null, crs: CrsId = "WGS84"): SiteFormValues {
  if (!site) return { ...EMPTY_SITE_FORM, status: "related-site", precision: "exact", confidence: "medium" };
  const source = site.sources[0];
  return {
    id: site.id,
    nameZh: site.name.zh,
    nameEn: site.name.en === site.name.zh ? "" : site.name.en,
    status: site.status,
    industries: site.industries.join(","),
    ...(site.position.precision === "none" ? { longitude: "", latitude: "" } : positionText(site.position.coordinates, crs)),
    precision: site.position.precision,
    area: site.area ?? "",
    locationZh: site.location.zh,
    locationEn: site.location.en === site.location.zh ? "" : site.location.en,
    size: site.size ? String(site.size.value) : "",
    sizeUnit: site.size?.unit ?? "mu",
    sourceTitle: source?.title ?? "",
    sourceDate: source?.date ?? "",
    sourceUrl: source?.url ?? "",
    docNumber: source?.docNumber ?? "",
    designationDate: site.designationDate ?? "",
    confidence: site.confidence,
  };
}

export interface SiteFormResult {
  /** The site to save, or null while there is an error. */
  site: Site | null;
  errors: RowProblem[];
  warnings: RowProblem[];
}

/**
 * The site the form describes. `editing`: the site being edited (its id is free to keep, and
 * what the form does not show is kept); null for a new site. An empty size leaves the size out
 * (the unit alone says nothing).
 */
export function siteFromForm(
  values: SiteFormValues,
  crs: CrsId,
  dataset: Pick<Dataset, "meta" | "areas" | "industries" | "sites" | "geometry">,
  editing: Site | null,
  toPinyin?: ToPinyin,
): SiteFormResult {
  const cells = SHEET_FIELDS.map((f) => (f === "sizeUnit" && !values.size.trim() ? "" : values[f]));
  const others = editing ? { ...dataset, sites: dataset.sites.filter((s) => s.id !== editing.id) } : dataset;
  const result = sheetToSites({
    rows: [SHEET_FIELDS, cells],
    mapping: [...SHEET_FIELDS],
    crs,
    dataset: others,
    ...(toPinyin ? { toPinyin } : {}),
  });
  const parsed = result.sites[0] ?? null;
  if (!parsed || !editing) return { site: parsed, errors: result.errors, warnings: result.warnings };
  return { site: mergeEdited(editing, parsed), errors: result.errors, warnings: result.warnings };
}

/** A source's keys the form shows (or sets): the others of the old first source are kept. */
const FORM_SOURCE_KEYS = ["title", "date", "url", "docNumber", "verified"];

/** The edited site: the form's fields over the old record, the rest of the old record kept. */
function mergeEdited(old: Site, form: Site): Site {
  const oldFirst: Record<string, unknown> = { ...old.sources[0] };
  const verified = old.sources[0]?.verified;
  const kept = Object.fromEntries(Object.entries(oldFirst).filter(([k]) => !FORM_SOURCE_KEYS.includes(k)));
  const formSource = form.sources[0]!;
  // A typed address says the page was read (the import's rule); without one, the old flag stays.
  const first = { ...kept, ...formSource, ...(!formSource.url && verified !== undefined ? { verified } : {}) };
  const site: Site = { ...old, ...form, sources: [first, ...old.sources.slice(1)] };
  if (form.size) site.size = { ...(old.size?.note ? { note: old.size.note } : {}), ...form.size };
  else delete site.size;
  if (!form.designationDate) delete site.designationDate;
  return site;
}
