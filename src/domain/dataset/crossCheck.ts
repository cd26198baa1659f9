import { polygonProblems, positionsOutside } from "../geometry/polygonProblems.ts";
import type { LoadedGeometry, Parsed } from "./assembleDataset.ts";
import type { DataIssue } from "./dataIssue.ts";
import type { Bounds, LngLat } from "../geometry/lngLat";

// What the schemas cannot see: the files of data/ checked against each other. One named
// check per concern, run in a fixed order so the report reads the same on every run (the
// bad-data fixtures compare it line by line).

type Add = (file: string, record: string | null, field: string | null, reason: string) => void;

/** The parsed files, their geometry, and the id sets most checks look things up in (built once). */
interface CheckInput {
  p: Parsed;
  geometry: LoadedGeometry;
  bounds: Parsed["meta.json"]["bounds"];
  ids: {
    areas: Set<string>;
    industries: Set<string>;
    tiers: Set<string>;
    departments: Set<string>;
    counties: Set<string>;
    sites: Set<string>;
  };
  add: Add;
}

export function crossCheck(p: Parsed, geometry: LoadedGeometry, issues: DataIssue[]): void {
  const areas = p["areas.json"];
  const { tiers, industries } = p["industries.json"];
  const input: CheckInput = {
    p,
    geometry,
    bounds: p["meta.json"].bounds,
    ids: {
      areas: new Set(areas.map((a) => a.id)),
      industries: new Set(industries.map((i) => i.id)),
      tiers: new Set(tiers.map((t) => t.id)),
      departments: new Set(p["departments.json"].map((d) => d.id)),
      counties: new Set(areas.filter((a) => a.kind === "county").map((a) => a.id)),
      sites: new Set(p["sites.json"].map((s) => s.id)),
    },
    add: (file, record, field, reason) => issues.push({ file, record, field, reason }),
  };
  checkIds(input);
  checkReferences(input);
  checkAssignments(input);
  checkSites(input);
  checkDepartments(input);
  checkPlatforms(input);
  checkContacts(input);
  checkGeometry(input);
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

/** Every list's ids are unique, and no site takes an area's id. */
function checkIds({ p, ids, add }: CheckInput): void {
  // Records inside a named list are written "list: id", as zodIssues names them, so both
  // kinds of check point at a record the same way.
  for (const [file, list, recordOf] of [
    ["areas.json", p["areas.json"], (id: string) => id],
    ["industries.json", p["industries.json"].industries, (id: string) => `industries: ${id}`],
    ["sites.json", p["sites.json"], (id: string) => id],
    ["departments.json", p["departments.json"], (id: string) => id],
    ["programmes.json", p["programmes.json"].programmes, (id: string) => `programmes: ${id}`],
    ["support.json", p["support.json"], (id: string) => id],
    ["targets.json", p["targets.json"].flatMap((year) => year.items), (id: string) => `items: ${id}`],
  ] as const) {
    for (const dup of duplicates(list as readonly { id: string }[], (x) => x.id)) add(file, recordOf(dup), "id", `duplicate id "${dup}"`);
  }
  for (const dup of duplicates(p["industries.json"].tiers, (t) => t.id))
    add("industries.json", `tiers: ${dup}`, "id", `duplicate tier "${dup}"`);
  for (const site of p["sites.json"]) {
    // Sites and areas share the URL's `area` parameter, so their ids must not collide.
    if (ids.areas.has(site.id)) add("sites.json", site.id, "id", `id "${site.id}" is already an area id`);
  }
}

/** Industries name known tiers; areas name known counties, and their seats lie in the bounds. */
function checkReferences({ p, ids, bounds, add }: CheckInput): void {
  for (const industry of p["industries.json"].industries) {
    if (!ids.tiers.has(industry.tier)) add("industries.json", `industries: ${industry.id}`, "tier", `unknown tier "${industry.tier}"`);
  }
  for (const area of p["areas.json"]) {
    area.containedIn?.forEach((c, i) => {
      if (!ids.counties.has(c)) add("areas.json", area.id, `containedIn[${i}]`, `unknown county id "${c}"`);
    });
    if (area.seat && !inBounds(area.seat, bounds))
      add("areas.json", area.id, "seat", `coordinates ${area.seat.join(", ")} lie outside the dataset bounds ${bounds.join(", ")}`);
  }
}

/** Assignments and citywide entries name known industries and areas, once each; every industry is laid out one way or the other. */
function checkAssignments({ p, ids, add }: CheckInput): void {
  const { assignments, citywide } = p["assignments.json"];
  const firstIndexOfPair = new Map<string, number>();
  assignments.forEach((a, i) => {
    const record = `assignments[${i}] (${a.industry} → ${a.area})`;
    if (!ids.industries.has(a.industry)) add("assignments.json", record, "industry", `unknown industry id "${a.industry}"`);
    if (!ids.areas.has(a.area)) add("assignments.json", record, "area", `unknown area id "${a.area}"`);
    const key = `${a.industry}|${a.area}`;
    const first = firstIndexOfPair.get(key);
    if (first !== undefined)
      add("assignments.json", record, null, `duplicate assignment: assignments[${first}] already assigns "${a.industry}" to "${a.area}"`);
    else firstIndexOfPair.set(key, i);
  });
  const assigned = new Set(assignments.map((a) => a.industry));
  const citywideIds = new Set<string>();
  citywide.forEach((c, i) => {
    const record = `citywide[${i}] (${c.industry})`;
    if (!ids.industries.has(c.industry)) add("assignments.json", record, "industry", `unknown industry id "${c.industry}"`);
    if (assigned.has(c.industry)) add("assignments.json", record, "industry", `"${c.industry}" is citywide but also assigned to areas`);
    if (citywideIds.has(c.industry)) add("assignments.json", record, "industry", "duplicate citywide entry");
    citywideIds.add(c.industry);
  });
  for (const industry of p["industries.json"].industries) {
    if (!assigned.has(industry.id) && !citywideIds.has(industry.id)) {
      add("industries.json", `industries: ${industry.id}`, null, "neither assigned to an area nor listed as citywide in assignments.json");
    }
  }
}

/** Sites name known industries and areas, and a placed site lies in the bounds. */
function checkSites({ p, ids, bounds, add }: CheckInput): void {
  for (const site of p["sites.json"]) {
    site.industries.forEach((ind, i) => {
      if (!ids.industries.has(ind)) add("sites.json", site.id, `industries[${i}]`, `unknown industry id "${ind}"`);
    });
    if (site.area !== null && !ids.areas.has(site.area)) add("sites.json", site.id, "area", `unknown area id "${site.area}"`);
    if (site.position.precision !== "none" && !inBounds(site.position.coordinates, bounds)) {
      add(
        "sites.json",
        site.id,
        "position.coordinates",
        `coordinates ${site.position.coordinates.join(", ")} lie outside the dataset bounds ${bounds.join(", ")}`,
      );
    }
  }
}

/** Programmes and support measures name known departments. */
function checkDepartments({ p, ids, add }: CheckInput): void {
  for (const [file, list, recordOf] of [
    ["programmes.json", p["programmes.json"].programmes, (id: string) => `programmes: ${id}`],
    ["support.json", p["support.json"], (id: string) => id],
  ] as const) {
    for (const item of list) {
      item.departments.forEach((d, i) => {
        if (!ids.departments.has(d)) add(file, recordOf(item.id), `departments[${i}]`, `unknown department id "${d}"`);
      });
    }
  }
}

/** A programme's platforms name known sites. */
function checkPlatforms({ p, ids, add }: CheckInput): void {
  for (const programme of p["programmes.json"].programmes) {
    programme.platforms?.forEach((pl, i) => {
      if (pl.site && !ids.sites.has(pl.site))
        add("programmes.json", `programmes: ${programme.id}`, `platforms[${i}].site`, `unknown site id "${pl.site}"`);
    });
  }
}

/** Each area's contact names a known area, once. */
function checkContacts({ p, ids, add }: CheckInput): void {
  const seen = new Set<string>();
  p["contacts.json"].areas.forEach((c, i) => {
    const record = `areas[${i}] (${c.area})`;
    if (!ids.areas.has(c.area)) add("contacts.json", record, "area", `unknown area id "${c.area}"`);
    if (seen.has(c.area)) add("contacts.json", record, "area", `more than one contact for "${c.area}"`);
    seen.add(c.area);
  });
}

/** Each feature is one known area's, in the file of its kind, a valid polygon in the bounds; each area has one. */
function checkGeometry({ p, geometry, bounds, add }: CheckInput): void {
  const areas = p["areas.json"];
  const kindOf = new Map(areas.map((a) => [a.id, a.kind]));
  const seenGeometry = new Set<string>();
  for (const { file, feature, kind } of geometry.features) {
    const gid = feature.properties.id;
    if (!kindOf.has(gid)) add(file, gid, "properties.id", `unknown area id "${gid}"`);
    else if (kindOf.get(gid) !== kind)
      add(file, gid, "properties.id", `area "${gid}" is a ${kindOf.get(gid)}, but this file holds ${kind} geometry`);
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

function inBounds([lng, lat]: Readonly<LngLat>, [w, s, e, n]: Readonly<Bounds>): boolean {
  return lng >= w && lng <= e && lat >= s && lat <= n;
}
