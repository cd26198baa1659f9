import { DATA_FILES } from "../dataset/schema.ts";
import { fileSchema } from "../dataset/serialize.ts";
import { contextSchema, featureCollectionSchema } from "../dataset/schema.ts";

// Where the records of each data/ file are, and how each is keyed: as the data problems name
// them (zodIssues.ts and crossCheck.ts), so a problem leads to its record and a change is
// named like the problem it may cause. "hanjiang" (a top-level list of areas, sites…),
// "industries: ai" (a named list), "assignments: ai → hanjiang" (a pair), a geometry feature
// by its area id, "2025" (a year of targets.json), and "" for a file that is one object
// (meta.json, a provenance file) or "participation" for one object inside a file. Pure.

type Json = Record<string, unknown>;

export interface ListSpec {
  kind: "list";
  /** The array's field in the file, or null when the file is the array. */
  path: string | null;
  /** What the record key starts with ("industries: "), "" for none. */
  prefix: string;
  /** The record's key without the prefix, or null when it has none (it is then keyed by index). */
  id: (record: Json) => string | null;
}
interface SingleSpec {
  kind: "single";
  /** The object's field in the file, or null for the whole file. */
  path: string | null;
  key: string;
}
export type RecordSpec = ListSpec | SingleSpec;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const byId = (r: Json) => str(r.id);
const list = (path: string | null, prefix: string, id: ListSpec["id"] = byId): ListSpec => ({ kind: "list", path, prefix, id });
const single = (path: string | null, key: string): SingleSpec => ({ kind: "single", path, key });
const featureId = (r: Json) => str((r.properties as Json | undefined)?.id) ?? str(r.id);

const FIXED: Record<keyof typeof DATA_FILES, RecordSpec[]> = {
  "meta.json": [single(null, "")],
  "areas.json": [list(null, "")],
  "industries.json": [list("tiers", "tiers: "), list("industries", "industries: ")],
  "assignments.json": [
    list("assignments", "assignments: ", (r) => (str(r.industry) && str(r.area) ? `${String(r.industry)} → ${String(r.area)}` : null)),
    list("citywide", "citywide: ", (r) => str(r.industry)),
  ],
  "sites.json": [list(null, "")],
  "departments.json": [list(null, "")],
  "programmes.json": [single("participation", "participation"), list("programmes", "programmes: ")],
  "targets.json": [list(null, "", (r) => (typeof r.year === "number" ? String(r.year) : null))],
  "support.json": [list(null, "")],
  "contacts.json": [single("city", "city"), list("areas", "areas: ", (r) => str(r.area))],
};

// One spec object per kind of file: applyFile matches a record's spec by identity.
const FEATURES: RecordSpec[] = [list("features", "", featureId)];
const WHOLE: RecordSpec[] = [single(null, "")];

/** The records a data/ file holds; `meta` is meta.json's content (it names the geometry files). */
export function specsOf(path: string, meta: unknown): RecordSpec[] {
  if (Object.hasOwn(FIXED, path)) return FIXED[path as keyof typeof FIXED];
  const schema = fileSchema(path, meta);
  if (schema === featureCollectionSchema || schema === contextSchema) return FEATURES;
  return WHOLE;
}

export interface Located {
  spec: RecordSpec;
  key: string;
  record: Json;
  /** Its index in its list (lists only). */
  index: number;
}

function container(value: unknown, path: string | null): unknown {
  if (path === null) return value;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json)[path] : undefined;
}

export function listKey(spec: ListSpec, record: Json, index: number): string {
  return `${spec.prefix}${spec.id(record) ?? `[${index}]`}`;
}

/** Every record of a file's value, by key, in file order. */
export function recordsOf(path: string, value: unknown, meta: unknown): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const spec of specsOf(path, meta)) {
    const at = container(value, spec.path);
    if (spec.kind === "single") {
      if (at && typeof at === "object" && !Array.isArray(at)) out.set(spec.key, { spec, key: spec.key, record: at as Json, index: 0 });
      continue;
    }
    if (!Array.isArray(at)) continue;
    at.forEach((record: unknown, index) => {
      if (!record || typeof record !== "object") return;
      const key = listKey(spec, record as Json, index);
      if (!out.has(key)) out.set(key, { spec, key, record: record as Json, index });
    });
  }
  return out;
}

/** The spec a new record with this key belongs to: the list whose prefix it carries, else the one without a prefix. */
export function specForKey(path: string, key: string, meta: unknown): RecordSpec | undefined {
  const specs = specsOf(path, meta);
  const exact = specs.find((s) => s.kind === "single" && s.key === key);
  if (exact) return exact;
  const lists = specs.filter((s): s is ListSpec => s.kind === "list");
  return lists.find((s) => s.prefix !== "" && key.startsWith(s.prefix)) ?? lists.find((s) => s.prefix === "");
}

/**
 * The key of the record a data problem names (its `record`), in the file's current value:
 * the key itself, an index form ("assignments[3] (ai → hanjiang)", "[2]"), a nested list's
 * record ("items: pilot-parks-2025" in targets.json: its year), or null for the whole file.
 */
export function recordOfProblem(path: string, problemRecord: string | null, value: unknown, meta: unknown): string | null {
  const records = recordsOf(path, value, meta);
  if (problemRecord === null) return records.has("") ? "" : null;
  if (records.has(problemRecord)) return problemRecord;
  const indexed = /^(?:([a-zA-Z]+))?\[(\d+)\]/.exec(problemRecord);
  if (indexed) {
    const [, field, index] = indexed;
    const spec = specsOf(path, meta).find((s): s is ListSpec => s.kind === "list" && s.path === (field ?? null));
    const found = spec && [...records.values()].find((r) => r.spec === spec && r.index === Number(index));
    if (found) return found.key;
  }
  // A record of a list inside a record ("items: x" in a year of targets.json, "features[2]"): the record that holds it.
  const inner = /^([a-zA-Z]+): (.+)$/.exec(problemRecord);
  if (inner) {
    const [, field, id] = inner;
    for (const r of records.values()) {
      const nested = r.record[field!];
      if (Array.isArray(nested) && nested.some((x: unknown) => x && typeof x === "object" && (x as Json).id === id)) return r.key;
    }
  }
  return null;
}
