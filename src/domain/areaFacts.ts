import type { Area, Assignment, Citywide, Contact, Dataset, Department, Industry, Programme, Site, TierInfo } from "./dataset/schema";
import type { Lang } from "./labels";
import type { Bounds } from "./geometry/lngLat";
import { datasetIndex } from "./datasetIndex";
import { bbox } from "@turf/bbox";
import type { FeatureCollection } from "geojson";

// The facts the detail panels show, gathered from the dataset in one place: what the
// policy assigns to an area, where it lays an industry out, which sites relate to either.
// Pure: no React, no store.

export type Place = { kind: "area"; area: Area } | { kind: "site"; site: Site };

/** An id from the URL's `area`: an area, a site, or nothing known. */
export function findPlace(dataset: Pick<Dataset, "areas" | "sites" | "industries" | "assignments">, id: string): Place | null {
  const { areaById, siteById } = datasetIndex(dataset);
  const area = areaById.get(id);
  if (area) return { kind: "area", area };
  const site = siteById.get(id);
  return site ? { kind: "site", site } : null;
}

interface AreaAssignment {
  industry: Industry;
  assignment: Assignment;
}

export interface ProgrammeFacts {
  programme: Programme;
  /** The whole list, in the document's order. */
  departments: Department[];
  /** The departments the list's 等 closes (all of them unless `leadCount` splits the list). */
  lead: Department[];
  /** Named after the lead list, also responsible, with no 等 (三(一): the counties and zones). */
  alsoResponsible: Department[];
}

export interface AreaFacts {
  area: Area;
  /** The industries the policy lays out in this area, in the dataset's industry order. */
  assignments: AreaAssignment[];
  /** Related sites (and designated parks) lying in this area. */
  sites: Site[];
  /** The counties a zone lies in (empty for counties). */
  containedIn: Area[];
  /** The key programmes this area takes part in: every county and zone carries out all of them (三(一)). */
  programmes: ProgrammeFacts[];
}

export function areaFacts(dataset: Dataset, areaId: string): AreaFacts | null {
  const index = datasetIndex(dataset);
  const area = index.areaById.get(areaId);
  if (!area) return null;
  const assignments: AreaAssignment[] = (index.assignmentsByArea.get(areaId) ?? []).flatMap((assignment) => {
    const industry = index.industryById.get(assignment.industry);
    return industry ? [{ industry, assignment }] : [];
  });
  const containedIn = (area.containedIn ?? []).map((id) => index.areaById.get(id)).filter((a): a is Area => a !== undefined);
  const programmes = dataset.participation.areas === "all" ? dataset.programmes.map((p) => programmeFacts(dataset, p)) : [];
  return { area, assignments, sites: index.sitesByArea.get(areaId) ?? [], containedIn, programmes };
}

export function programmeFacts(dataset: Pick<Dataset, "departments">, programme: Programme): ProgrammeFacts {
  const departments = departmentsById(dataset, programme.departments);
  const split = programme.leadCount ?? departments.length;
  return { programme, departments, lead: departments.slice(0, split), alsoResponsible: departments.slice(split) };
}

export function departmentsById(dataset: Pick<Dataset, "departments">, ids: readonly string[]): Department[] {
  return ids.map((id) => dataset.departments.find((d) => d.id === id)).filter((d): d is Department => d !== undefined);
}

/** A department list as the document writes it: in order, ending with 等 / etc. when it does. */
export function departmentList(departments: readonly Department[], endsWithEtc: boolean, lang: Lang): string {
  const names = departments.map((d) => d.name[lang]);
  if (lang === "zh") return names.join("、") + (endsWithEtc ? "等" : "");
  return names.join("; ") + (endsWithEtc ? "; etc." : "");
}

interface IndustryArea {
  area: Area;
  assignment: Assignment;
}

export interface IndustryFacts {
  industry: Industry;
  tier: TierInfo | undefined;
  /** Areas the policy names for this industry, in the dataset's area order. */
  areas: IndustryArea[];
  /** Set when the policy lays the industry out citywide, naming no area. */
  citywide: Citywide | null;
  /** Sites carrying the industry (facts about the sites, not assignments of an area). */
  sites: Site[];
}

export function industryFacts(dataset: Dataset, industryId: string): IndustryFacts | null {
  const index = datasetIndex(dataset);
  const industry = index.industryById.get(industryId);
  if (!industry) return null;
  const areas: IndustryArea[] = (index.assignmentsByIndustry.get(industryId) ?? []).flatMap((assignment) => {
    const area = index.areaById.get(assignment.area);
    return area ? [{ area, assignment }] : [];
  });
  return {
    industry,
    tier: dataset.tiers.find((t) => t.id === industry.tier),
    areas,
    citywide: dataset.citywide.find((c) => c.industry === industryId) ?? null,
    sites: index.sitesByIndustry.get(industryId) ?? [],
  };
}

/** Only web links become links; anything else stays text. */
export function isWebUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url);
}

/**
 * Whom to contact about an area: its own contact in contacts.json, else the city's (marked
 * so), else none; never invented.
 */
export function contactFor(dataset: Pick<Dataset, "contacts">, areaId: string): { contact: Contact; citywide: boolean } | null {
  const own = dataset.contacts.areas.find((c) => c.area === areaId);
  if (own) return { contact: own, citywide: false };
  return dataset.contacts.city ? { contact: dataset.contacts.city, citywide: true } : null;
}

/**
 * The ground a printed profile frames: an area's own shape; for an industry, the areas the
 * policy lays it out in, or the whole city when it names none (citywide). Null when the
 * dataset has no shape for any of them.
 */
export function profileBounds(
  dataset: Pick<Dataset, "geometry" | "assignments">,
  target: { area: string } | { industry: string },
): Bounds | null {
  const ids =
    "area" in target
      ? new Set([target.area])
      : new Set(dataset.assignments.filter((a) => a.industry === target.industry).map((a) => a.area));
  const features = dataset.geometry.features.filter((f) => ids.has(f.properties.id));
  const shown = features.length || "area" in target ? features : dataset.geometry.features;
  if (!shown.length) return null;
  return bbox({ type: "FeatureCollection", features: shown } as unknown as FeatureCollection) as Bounds;
}
