import { isJsonFile, serializeFile } from "../dataset/serialize.ts";
import type { DataTexts } from "../dataset/split.ts";
import { applyChange, applyOps, getPath } from "./applyOps.ts";
import { changeCount, type ChangeOp, type Draft, type DraftBase, type RecordOp } from "./draft.ts";
import { listKey, recordsOf, specForKey, specsOf } from "./records.ts";

// The draft over every file of data/ (the workbench's): the files as the draft makes them,
// the record-level edits that keep the patch minimal, the list of changes against the
// published files (record by record, field by field) and the revert of one of them. The
// planner's assignment toggles (draft.ts) are one use of the same patch. Pure.

type Json = Record<string, unknown>;
/** Parsed JSON of data/'s JSON files, by path. */
export type DataValues = Record<string, unknown>;

/** The JSON files of data/ parsed (a file that is not JSON is left out: the problems list says so). */
export function parseTexts(texts: DataTexts): DataValues {
  const out: DataValues = {};
  for (const [path, text] of Object.entries(texts)) {
    if (!isJsonFile(path)) continue;
    try {
      out[path] = JSON.parse(text);
    } catch {
      /* reported by the problems (assembleDataFiles) */
    }
  }
  return out;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** One file's value with its ops applied (the published value when it has none). */
function applyFile(path: string, value: unknown, ops: Record<string, RecordOp<unknown>> | undefined, meta: unknown): unknown {
  if (!ops || !Object.keys(ops).length) return value;
  const whole = ops[""];
  if (value === undefined) return whole?.op === "add" ? clone(whole.record) : undefined;
  if (whole?.op === "remove") return undefined;
  let out: unknown = value;
  for (const spec of specsOf(path, meta)) {
    if (spec.kind === "single") {
      const op = ops[spec.key];
      if (op?.op !== "change") continue;
      if (spec.path === null) out = applyChange(out, op);
      else if (out && typeof out === "object") out = { ...(out as Json), [spec.path]: applyChange((out as Json)[spec.path], op) };
      continue;
    }
    const listOps = Object.fromEntries(Object.entries(ops).filter(([k]) => specForKey(path, k, meta) === spec));
    const current = spec.path === null ? out : (out as Json | undefined)?.[spec.path];
    if (!Array.isArray(current)) continue;
    const next = applyOps(current as Json[], (r, i) => listKey(spec, r, i), listOps as Record<string, RecordOp<Json>>);
    out = spec.path === null ? next : { ...(out as Json), [spec.path]: next };
  }
  return out;
}

/** meta.json as the draft makes it (it says which files are geometry). */
function draftMeta(published: DataValues, draft: Draft | null): unknown {
  return applyFile("meta.json", published["meta.json"], draft?.files["meta.json"], published["meta.json"]);
}

/** Every JSON file as the draft makes it; a file the draft removes is absent. */
export function applyFileDraft(published: DataValues, draft: Draft | null): DataValues {
  if (!draft) return published;
  const meta = draftMeta(published, draft);
  const out: DataValues = { ...published };
  for (const [path, ops] of Object.entries(draft.files)) {
    const value = applyFile(path, published[path], ops, meta);
    if (value === undefined) delete out[path];
    else out[path] = value;
  }
  return out;
}

/**
 * data/ as text as the draft makes it: a file the draft does not touch is the published text,
 * byte for byte; a changed one goes through the canonical serializer. Sorted by path.
 */
export function draftTexts(publishedTexts: DataTexts, draft: Draft | null): DataTexts {
  const out: DataTexts = { ...publishedTexts };
  if (draft && changeCount(draft)) {
    const published = parseTexts(publishedTexts);
    const values = applyFileDraft(published, draft);
    const meta = values["meta.json"];
    for (const path of Object.keys(draft.files)) {
      if (!Object.keys(draft.files[path] ?? {}).length) continue;
      if (values[path] === undefined) delete out[path];
      else out[path] = serializeFile(path, values[path], meta);
    }
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]!]),
  );
}

/** Leaf fields of a record, as dotted paths through objects (arrays are one value each). */
function leaves(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Json).filter(([, v]) => v !== undefined);
    if (!entries.length && prefix) out.set(prefix, value);
    for (const [k, v] of entries) for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
  } else if (prefix) out.set(prefix, value);
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The change op that turns `before` into `after`, field by field; null when they are the same. */
function diffRecord(before: unknown, after: unknown): ChangeOp | null {
  const a = leaves(before);
  const b = leaves(after);
  const fields: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [path, value] of b) if (!a.has(path) || !same(a.get(path), value)) fields[path] = clone(value);
  for (const path of a.keys()) if (!b.has(path) && !Object.keys(fields).some((f) => path.startsWith(`${f}.`))) unset.push(path);
  if (!Object.keys(fields).length && !unset.length) return null;
  return unset.length ? { op: "change", fields, unset } : { op: "change", fields };
}

function withOps(draft: Draft | null, base: DraftBase, file: string, ops: Record<string, RecordOp<unknown>>): Draft | null {
  const files = { ...draft?.files, [file]: ops };
  if (!Object.keys(ops).length) delete files[file];
  const next: Draft = { version: 1, base: draft?.base ?? base, files };
  return changeCount(next) ? next : null;
}

/**
 * Sets one record of a file to `record` (null removes it), as a minimal op against the
 * published file: a published record becomes a change (or a removal, or no op when it is as
 * published); a new record an addition. `key` names the record as published (or as added).
 * Returns null when the draft is left with nothing to change.
 */
export function setRecord(
  published: DataValues,
  draft: Draft | null,
  base: DraftBase,
  file: string,
  key: string,
  record: unknown,
): Draft | null {
  const meta = draftMeta(published, draft);
  const current = recordsOf(file, published[file], meta).get(key);
  const ops = { ...(draft?.files[file] ?? {}) };
  delete ops[key];
  if (current) {
    if (record === null) ops[key] = { op: "remove", record: clone(current.record) };
    else {
      const change = diffRecord(current.record, record);
      if (change) ops[key] = change;
    }
  } else if (record !== null) {
    // A new record is keyed as it will be named; a whole new file is the record "".
    const spec = published[file] === undefined ? undefined : specForKey(file, key, meta);
    const id = spec?.kind === "list" ? spec.id(record as Json) : null;
    ops[spec?.kind === "list" && id !== null ? `${spec.prefix}${id}` : key] = { op: "add", record: clone(record) };
  }
  return withOps(draft, base, file, ops);
}

/** A record as the draft makes it (undefined when absent or removed). */
export function draftRecord(published: DataValues, draft: Draft | null, file: string, key: string): Json | undefined {
  const meta = draftMeta(published, draft);
  const op = draft?.files[file]?.[key];
  if (op?.op === "add") return op.record as Json;
  const before = recordsOf(file, published[file], meta).get(key);
  if (!before) return undefined;
  if (op?.op === "remove") return undefined;
  return op?.op === "change" ? applyChange(before.record, op) : before.record;
}

/** One row of the Changes list: a record added or removed, or one field of a record changed. */
export interface ChangeRow {
  file: string;
  record: string;
  change: "added" | "removed" | "changed";
  /** The field (dotted path) for a changed row. */
  field?: string;
  before?: unknown;
  after?: unknown;
}

/** What the draft changes against the published files, file by file, record by record, field by field, in the order made. */
export function listChanges(published: DataValues, draft: Draft | null): ChangeRow[] {
  if (!draft) return [];
  const meta = draftMeta(published, draft);
  const rows: ChangeRow[] = [];
  for (const [file, ops] of Object.entries(draft.files)) {
    const records = recordsOf(file, published[file], meta);
    for (const [record, op] of Object.entries(ops ?? {})) {
      if (op.op === "add") rows.push({ file, record, change: "added", after: op.record });
      else if (op.op === "remove") rows.push({ file, record, change: "removed", before: op.record });
      else {
        const before = records.get(record)?.record;
        for (const [field, after] of Object.entries(op.fields))
          rows.push({ file, record, change: "changed", field, before: getPath(before, field), after });
        for (const field of op.unset ?? [])
          rows.push({ file, record, change: "changed", field, before: getPath(before, field), after: undefined });
      }
    }
  }
  return rows;
}

/** The draft without one row of the Changes list: the field back as published, or the record's addition or removal undone. */
export function revertChange(draft: Draft | null, row: Pick<ChangeRow, "file" | "record" | "field">): Draft | null {
  const ops = { ...(draft?.files[row.file] ?? {}) };
  const op = ops[row.record];
  if (!draft || !op) return draft;
  if (op.op === "change" && row.field !== undefined) {
    const fields = { ...op.fields };
    delete fields[row.field];
    const unset = (op.unset ?? []).filter((f) => f !== row.field);
    if (Object.keys(fields).length || unset.length)
      ops[row.record] = unset.length ? { op: "change", fields, unset } : { op: "change", fields };
    else delete ops[row.record];
  } else delete ops[row.record];
  return withOps(draft, draft.base, row.file, ops);
}
