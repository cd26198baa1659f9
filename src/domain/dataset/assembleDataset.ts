import { polygonProblems, positionsOutside } from "../geometry/polygonProblems.ts";
import type { DataIssue } from "./dataIssue.ts";
import { zodIssuesToDataIssues } from "./zodIssues.ts";
import { z } from "zod/mini";
import { DATA_FILES, areaFeatureSchema, contextSchema, type AreaFeature, type Dataset } from "./schema.ts";

type FileName = keyof typeof DATA_FILES;
type Parsed = { [K in FileName]: z.infer<(typeof DATA_FILES)[K]> };

/** Raw contents of data/: parsed JSON by file name relative to data/ (e.g. "geometry/zones.geojson"). */
export type RawDataFiles = Record<string, unknown>;

export interface AssembleResult {
  dataset: Dataset | null;
  issues: DataIssue[];
}

/**
 * Checks every file of data/ against its schema and against each other, and merges them
 * into the one document the browser loads. Pure: the caller reads the files.
 */
export function assembleDataset(files: RawDataFiles): AssembleResult {
  const issues: DataIssue[] = [];
  const parsed: Partial<Parsed> = {};
  for (const name of Object.keys(DATA_FILES) as FileName[]) {
    if (!(name in files)) {
      issues.push({ file: name, record: null, field: null, reason: "file is missing" });
      continue;
    }
    const result = DATA_FILES[name].safeParse(files[name]);
    if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
    else issues.push(...zodIssuesToDataIssues(name, files[name], result.error));
  }
  if (issues.length) return { dataset: null, issues };
  const p = parsed as Parsed;
  const meta = p["meta.json"];

  const geometry = loadGeometry(files, meta, issues);
  checkContext(files, meta, issues);
  crossCheck(p, geometry, issues);
  if (issues.length) return { dataset: null, issues };

  const areaKind = new Map(p["areas.json"].map((a) => [a.id, a.kind]));
  const dataset: Dataset = {
    meta,
    areas: p["areas.json"],
    tiers: p["industries.json"].tiers,
    industries: p["industries.json"].industries,
    assignments: p["assignments.json"].assignments,
    citywide: p["assignments.json"].citywide,
    sites: p["sites.json"],
    departments: p["departments.json"],
    participation: p["programmes.json"].participation,
    programmes: p["programmes.json"].programmes,
    targets: p["targets.json"],
    support: p["support.json"],
    geometry: {
      type: "FeatureCollection",
      features: geometry.features.map(({ feature, approximate }) => ({
        type: "Feature",
        id: feature.properties.id,
        properties: { id: feature.properties.id, kind: areaKind.get(feature.properties.id), approximate },
        geometry: feature.geometry,
      })),
    },
  };
  return { dataset, issues };
}

interface LoadedFeature {
  file: string;
  feature: AreaFeature;
  kind: "county" | "zone";
  approximate: boolean;
}

interface LoadedGeometry {
  features: LoadedFeature[];
  /** Area ids whose geometry exists but could not be read: already reported, so not "without geometry". */
  reported: Set<string>;
  /** Kinds with a geometry file that is missing or not a FeatureCollection: their areas' absence is already reported. */
  unreadKinds: Set<string>;
}

const collectionEnvelope = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) });

function loadGeometry(files: RawDataFiles, meta: Parsed["meta.json"], issues: DataIssue[]): LoadedGeometry {
  const out: LoadedGeometry = { features: [], reported: new Set(), unreadKinds: new Set() };
  meta.geometry.forEach((source, index) => {
    const raw = files[source.file];
    if (raw === undefined) {
      issues.push({ file: "meta.json", record: `geometry[${index}]`, field: "file", reason: `geometry file "${source.file}" is missing` });
      out.unreadKinds.add(source.kind);
      return;
    }
    const envelope = collectionEnvelope.safeParse(raw);
    if (!envelope.success) {
      issues.push(...zodIssuesToDataIssues(source.file, raw, envelope.error));
      out.unreadKinds.add(source.kind);
      return;
    }
    // Feature by feature, so one bad feature neither hides the checks of the others nor
    // makes every area of the file look as if it had no geometry.
    envelope.data.features.forEach((rawFeature, i) => {
      const result = areaFeatureSchema.safeParse(rawFeature);
      if (!result.success) {
        // Named like the cross-checks below name a feature: by its area id.
        const gid = featureIdOf(rawFeature);
        const record = gid ?? `features[${i}]`;
        for (const issue of zodIssuesToDataIssues(source.file, rawFeature, result.error)) issues.push({ ...issue, record });
        if (gid) out.reported.add(gid);
        return;
      }
      const feature = result.data;
      const approximate = source.approximate === true || feature.properties.approximate === true;
      out.features.push({ file: source.file, feature, kind: source.kind, approximate });
    });
  });
  return out;
}

function featureIdOf(feature: unknown): string | null {
  if (!feature || typeof feature !== "object") return null;
  const { id, properties } = feature as { id?: unknown; properties?: { id?: unknown } };
  if (properties && typeof properties === "object" && typeof properties.id === "string") return properties.id;
  return typeof id === "string" ? id : null;
}

/** The map context is decoration at run time (dropped quietly if bad), so the build is where it must be checked. */
function checkContext(files: RawDataFiles, meta: Parsed["meta.json"], issues: DataIssue[]): void {
  if (!meta.context) return;
  const raw = files[meta.context.file];
  if (raw === undefined) {
    issues.push({ file: "meta.json", record: "context", field: "file", reason: `context file "${meta.context.file}" is missing` });
    return;
  }
  const result = contextSchema.safeParse(raw);
  if (!result.success) issues.push(...zodIssuesToDataIssues(meta.context.file, raw, result.error));
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup];
}

function crossCheck(p: Parsed, geometry: LoadedGeometry, issues: DataIssue[]): void {
  const areas = p["areas.json"];
  const { tiers, industries } = p["industries.json"];
  const { assignments, citywide } = p["assignments.json"];
  const sites = p["sites.json"];
  const departments = p["departments.json"];
  const bounds = p["meta.json"].bounds;
  const add = (file: string, record: string | null, field: string | null, reason: string) =>
    issues.push({ file, record, field, reason });

  // Records inside a named list are written "list: id", as zodIssues names them, so both
  // kinds of check point at a record the same way.
  const programmes = p["programmes.json"].programmes;
  for (const [file, list, recordOf] of [
    ["areas.json", areas, (id: string) => id],
    ["industries.json", industries, (id: string) => `industries: ${id}`],
    ["sites.json", sites, (id: string) => id],
    ["departments.json", departments, (id: string) => id],
    ["programmes.json", programmes, (id: string) => `programmes: ${id}`],
    ["support.json", p["support.json"], (id: string) => id],
    ["targets.json", p["targets.json"].flatMap((year) => year.items), (id: string) => `items: ${id}`],
  ] as const) {
    for (const dup of duplicates(list as readonly { id: string }[], (x) => x.id)) add(file, recordOf(dup), "id", `duplicate id "${dup}"`);
  }
  for (const dup of duplicates(tiers, (t) => t.id)) add("industries.json", `tiers: ${dup}`, "id", `duplicate tier "${dup}"`);
  const areaIds = new Set(areas.map((a) => a.id));
  for (const site of sites) {
    // Sites and areas share the URL's `area` parameter, so their ids must not collide.
    if (areaIds.has(site.id)) add("sites.json", site.id, "id", `id "${site.id}" is already an area id`);
  }

  const industryIds = new Set(industries.map((i) => i.id));
  const tierIds = new Set(tiers.map((t) => t.id));
  const departmentIds = new Set(departments.map((d) => d.id));
  const countyIds = new Set(areas.filter((a) => a.kind === "county").map((a) => a.id));
  const siteIds = new Set(sites.map((s) => s.id));

  for (const industry of industries) {
    if (!tierIds.has(industry.tier)) add("industries.json", `industries: ${industry.id}`, "tier", `unknown tier "${industry.tier}"`);
  }
  for (const area of areas) {
    area.containedIn?.forEach((c, i) => {
      if (!countyIds.has(c)) add("areas.json", area.id, `containedIn[${i}]`, `unknown county id "${c}"`);
    });
    if (area.seat && !inBounds(area.seat, bounds)) add("areas.json", area.id, "seat", `coordinates ${area.seat.join(", ")} lie outside the dataset bounds ${bounds.join(", ")}`);
  }

  const firstIndexOfPair = new Map<string, number>();
  assignments.forEach((a, i) => {
    const record = `assignments[${i}] (${a.industry} → ${a.area})`;
    if (!industryIds.has(a.industry)) add("assignments.json", record, "industry", `unknown industry id "${a.industry}"`);
    if (!areaIds.has(a.area)) add("assignments.json", record, "area", `unknown area id "${a.area}"`);
    const key = `${a.industry}|${a.area}`;
    const first = firstIndexOfPair.get(key);
    if (first !== undefined) add("assignments.json", record, null, `duplicate assignment: assignments[${first}] already assigns "${a.industry}" to "${a.area}"`);
    else firstIndexOfPair.set(key, i);
  });
  const assigned = new Set(assignments.map((a) => a.industry));
  const citywideIds = new Set<string>();
  citywide.forEach((c, i) => {
    const record = `citywide[${i}] (${c.industry})`;
    if (!industryIds.has(c.industry)) add("assignments.json", record, "industry", `unknown industry id "${c.industry}"`);
    if (assigned.has(c.industry)) add("assignments.json", record, "industry", `"${c.industry}" is citywide but also assigned to areas`);
    if (citywideIds.has(c.industry)) add("assignments.json", record, "industry", "duplicate citywide entry");
    citywideIds.add(c.industry);
  });
  for (const industry of industries) {
    if (!assigned.has(industry.id) && !citywideIds.has(industry.id)) {
      add("industries.json", `industries: ${industry.id}`, null, "neither assigned to an area nor listed as citywide in assignments.json");
    }
  }

  for (const site of sites) {
    site.industries.forEach((ind, i) => {
      if (!industryIds.has(ind)) add("sites.json", site.id, `industries[${i}]`, `unknown industry id "${ind}"`);
    });
    if (site.area !== null && !areaIds.has(site.area)) add("sites.json", site.id, "area", `unknown area id "${site.area}"`);
    if (site.position.precision !== "none" && !inBounds(site.position.coordinates, bounds)) {
      add("sites.json", site.id, "position.coordinates", `coordinates ${site.position.coordinates.join(", ")} lie outside the dataset bounds ${bounds.join(", ")}`);
    }
  }
  for (const [file, list, recordOf] of [
    ["programmes.json", programmes, (id: string) => `programmes: ${id}`],
    ["support.json", p["support.json"], (id: string) => id],
  ] as const) {
    for (const item of list) {
      item.departments.forEach((d, i) => {
        if (!departmentIds.has(d)) add(file, recordOf(item.id), `departments[${i}]`, `unknown department id "${d}"`);
      });
    }
  }
  for (const programme of programmes) {
    programme.platforms?.forEach((pl, i) => {
      if (pl.site && !siteIds.has(pl.site)) add("programmes.json", `programmes: ${programme.id}`, `platforms[${i}].site`, `unknown site id "${pl.site}"`);
    });
  }

  const kindOf = new Map(areas.map((a) => [a.id, a.kind]));
  const seenGeometry = new Set<string>();
  for (const { file, feature, kind } of geometry.features) {
    const gid = feature.properties.id;
    if (!kindOf.has(gid)) add(file, gid, "properties.id", `unknown area id "${gid}"`);
    else if (kindOf.get(gid) !== kind) add(file, gid, "properties.id", `area "${gid}" is a ${kindOf.get(gid)}, but this file holds ${kind} geometry`);
    if (seenGeometry.has(gid)) add(file, gid, "properties.id", `more than one geometry for "${gid}"`);
    seenGeometry.add(gid);
    for (const problem of polygonProblems(feature.geometry)) add(file, gid, "geometry", `invalid polygon: ${problem}`);
    for (const problem of positionsOutside(feature.geometry, bounds)) add(file, gid, "geometry", `outside the dataset bounds: ${problem}`);
  }
  for (const area of areas) {
    if (geometry.reported.has(area.id) || geometry.unreadKinds.has(area.kind)) continue;
    if (!seenGeometry.has(area.id)) add("areas.json", area.id, null, `area "${area.id}" has no geometry in any file listed in meta.json`);
  }
}

function inBounds([lng, lat]: readonly [number, number], [w, s, e, n]: readonly [number, number, number, number]): boolean {
  return lng >= w && lng <= e && lat >= s && lat <= n;
}
