import type { Area, Assignment, Dataset, Industry, Site } from "./dataset/schema";

// Lookups by id, built once per dataset object and shared by every view. A dataset is never
// changed in place (the store replaces it), so keying on the object is safe; at national
// size (3,000 areas, 10,000 sites) scanning the arrays on each state change is what costs.

export interface DatasetIndex {
  areaById: Map<string, Area>;
  siteById: Map<string, Site>;
  industryById: Map<string, Industry>;
  /** Industry ids per area, in the dataset's industry order (every area has an entry). */
  industriesByArea: Map<string, string[]>;
  /** Assignments per area, in the dataset's industry order. */
  assignmentsByArea: Map<string, Assignment[]>;
  /** Assignments per industry, in the dataset's area order. */
  assignmentsByIndustry: Map<string, Assignment[]>;
  sitesByArea: Map<string, Site[]>;
  sitesByIndustry: Map<string, Site[]>;
}

type Indexed = Pick<Dataset, "areas" | "sites" | "industries" | "assignments">;

const cache = new WeakMap<object, DatasetIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function datasetIndex(dataset: Indexed): DatasetIndex {
  const known = cache.get(dataset);
  if (known) return known;
  const areaOrder = new Map(dataset.areas.map((a, n) => [a.id, n]));
  const industryOrder = new Map(dataset.industries.map((i, n) => [i.id, n]));
  const byIndustryOrder = (x: Assignment, y: Assignment) => (industryOrder.get(x.industry) ?? 0) - (industryOrder.get(y.industry) ?? 0);
  const byAreaOrder = (x: Assignment, y: Assignment) => (areaOrder.get(x.area) ?? 0) - (areaOrder.get(y.area) ?? 0);

  const assignmentsByArea = new Map<string, Assignment[]>();
  const assignmentsByIndustry = new Map<string, Assignment[]>();
  for (const a of dataset.assignments) {
    push(assignmentsByArea, a.area, a);
    push(assignmentsByIndustry, a.industry, a);
  }
  for (const list of assignmentsByArea.values()) list.sort(byIndustryOrder);
  for (const list of assignmentsByIndustry.values()) list.sort(byAreaOrder);

  const sitesByArea = new Map<string, Site[]>();
  const sitesByIndustry = new Map<string, Site[]>();
  for (const site of dataset.sites) {
    if (site.area !== null) push(sitesByArea, site.area, site);
    for (const industry of new Set(site.industries)) push(sitesByIndustry, industry, site);
  }

  const index: DatasetIndex = {
    areaById: new Map(dataset.areas.map((a) => [a.id, a])),
    siteById: new Map(dataset.sites.map((s) => [s.id, s])),
    industryById: new Map(dataset.industries.map((i) => [i.id, i])),
    // Only known areas, as industriesByArea in layout.ts: an assignment to an unknown id is the validator's business.
    industriesByArea: new Map(dataset.areas.map((a) => [a.id, (assignmentsByArea.get(a.id) ?? []).map((x) => x.industry)])),
    assignmentsByArea,
    assignmentsByIndustry,
    sitesByArea,
    sitesByIndustry,
  };
  cache.set(dataset, index);
  return index;
}
