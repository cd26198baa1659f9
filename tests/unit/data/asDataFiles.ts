import type { Dataset } from "../../../src/domain/dataset/schema";

/** The dataset split back into the files of data/, as the validator reads them. */
export function asDataFiles(d: Dataset): Record<string, unknown> {
  const byKind = (kind: string) => ({ type: "FeatureCollection", features: d.geometry.features.filter((f) => f.properties.kind === kind) });
  return {
    "meta.json": d.meta,
    "areas.json": d.areas,
    "industries.json": { tiers: d.tiers, industries: d.industries },
    "assignments.json": { assignments: d.assignments, citywide: d.citywide },
    "sites.json": d.sites,
    "departments.json": d.departments,
    "programmes.json": { participation: d.participation, programmes: d.programmes },
    "targets.json": d.targets,
    "support.json": d.support,
    "contacts.json": d.contacts,
    "geometry/counties.geojson": byKind("county"),
    "geometry/zones.geojson": byKind("zone"),
  };
}
