import type { Assignment, Dataset } from "../dataset/schema.ts";
import { applyOps } from "./applyOps.ts";

// The draft, modelled once: a patch against the published data, keyed by data file, then by
// record key (as the data problems name records: records.ts), then an operation. The planner
// toggles assignments.json's assignments (this module); the maintainers' workbench edits any
// record of any file through the same patch (fileDraft.ts), with a "change" op that carries
// the fields it sets and the ones it removes. Pure: no storage here.

/** Section and evidence of an assignment the planner adds that the policy does not make. */
export const DRAFT_SECTION = "draft";
const DRAFT_EVIDENCE = "planner draft";

/** Which published dataset a draft was made on: meta.id and meta.asOf. */
export interface DraftBase {
  dataset: string;
  asOf: string;
}

/**
 * One record's change. A removal keeps the record as published, so it can be named even after
 * the data moves on. A change sets fields (dotted paths through objects: "name.zh",
 * "landArea.km2"; an array is one value) and removes the `unset` ones.
 */
export type RecordOp<T> = { op: "add"; record: T } | { op: "remove"; record: T } | ChangeOp;
export interface ChangeOp {
  op: "change";
  fields: Record<string, unknown>;
  unset?: string[];
}
type AddOrRemove<T> = Exclude<RecordOp<T>, ChangeOp>;

export interface Draft {
  version: 1;
  base: DraftBase;
  /** File (as in data/) → record key (records.ts) → op. Insertion order is the order of the edits. */
  files: { "assignments.json"?: Record<string, RecordOp<Assignment>>; [file: string]: Record<string, RecordOp<unknown>> | undefined };
}

const isAddOrRemove = <T>(op: RecordOp<T>): op is AddOrRemove<T> => op.op !== "change";

/** Records are keyed as the data problems name them ("list: id"); an assignment's id is its pair. */
export function assignmentKey(a: Pick<Assignment, "industry" | "area">): string {
  return `assignments: ${a.industry} → ${a.area}`;
}

export function baseOf(dataset: Pick<Dataset, "meta">): DraftBase {
  return { dataset: dataset.meta.id, asOf: dataset.meta.asOf };
}

/** The number of changes a draft makes (what "N changes" counts). */
export function changeCount(draft: Draft | null): number {
  if (!draft) return 0;
  return Object.values(draft.files).reduce((n, ops) => n + Object.keys(ops ?? {}).length, 0);
}

/** The dataset as the draft makes it. The published dataset is never mutated. */
export function applyDraft<D extends Pick<Dataset, "assignments">>(dataset: D, draft: Draft | null): D {
  const ops = draft?.files["assignments.json"];
  if (!ops || !Object.keys(ops).length) return dataset;
  return { ...dataset, assignments: applyOps(dataset.assignments, assignmentKey, ops) };
}

/**
 * Turns one industry-in-area assignment on or off. Toggling back what the published data holds
 * drops the op (the patch stays minimal); a policy assignment that comes back keeps its section
 * and evidence. Returns null when nothing is left to change.
 */
export function toggleAssignment(
  dataset: Pick<Dataset, "meta" | "assignments">,
  draft: Draft | null,
  industry: string,
  area: string,
): Draft | null {
  const key = assignmentKey({ industry, area });
  const ops = { ...(draft?.files["assignments.json"] ?? {}) };
  const published = dataset.assignments.find((a) => a.industry === industry && a.area === area);
  if (ops[key]) delete ops[key];
  else if (published) ops[key] = { op: "remove", record: { ...published } };
  else ops[key] = { op: "add", record: { industry, area, section: DRAFT_SECTION, evidence: DRAFT_EVIDENCE } };
  const next: Draft = { version: 1, base: draft?.base ?? baseOf(dataset), files: { ...draft?.files, "assignments.json": ops } };
  if (!Object.keys(ops).length) delete next.files["assignments.json"];
  return changeCount(next) ? next : null;
}

export interface AssignmentChange {
  change: "added" | "removed";
  industry: string;
  area: string;
}

/** The draft's changes, added first then removed, each in the order made. */
export function draftChanges(draft: Draft | null): AssignmentChange[] {
  const ops = Object.values(draft?.files["assignments.json"] ?? {}).filter(isAddOrRemove);
  const row = (change: AssignmentChange["change"]) => (op: AddOrRemove<Assignment>) => ({
    change,
    industry: op.record.industry,
    area: op.record.area,
  });
  return [...ops.filter((o) => o.op === "add").map(row("added")), ...ops.filter((o) => o.op === "remove").map(row("removed"))];
}

type NotApplicableReason = "unknown-industry" | "unknown-area" | "already-published" | "not-published";

/** A change of the draft that the current dataset cannot take, and why. */
export interface NotApplicable {
  file: "assignments.json";
  record: string;
  change: AssignmentChange["change"];
  assignment: Assignment;
  reasons: NotApplicableReason[];
}

/**
 * Rebases a draft (from the browser or a file, perhaps made on an older dataset) onto the
 * current one. Changes that no longer apply are returned, listed, never silently dropped:
 * an unknown industry or area, an addition the data now makes, a removal it already made.
 */
export function reconcile(
  draft: Draft,
  dataset: Pick<Dataset, "meta" | "assignments" | "areas" | "industries">,
): { draft: Draft | null; notApplicable: NotApplicable[] } {
  const industries = new Set(dataset.industries.map((i) => i.id));
  const areas = new Set(dataset.areas.map((a) => a.id));
  const published = new Map(dataset.assignments.map((a) => [assignmentKey(a), a]));
  const kept: Record<string, RecordOp<Assignment>> = {};
  const notApplicable: NotApplicable[] = [];
  for (const [key, op] of Object.entries(draft.files["assignments.json"] ?? {})) {
    // A field change (the workbench's) is rebased with the rest of the workbench's draft.
    if (!isAddOrRemove(op)) {
      kept[key] = op;
      continue;
    }
    const reasons: NotApplicableReason[] = [];
    if (!industries.has(op.record.industry)) reasons.push("unknown-industry");
    if (!areas.has(op.record.area)) reasons.push("unknown-area");
    if (!reasons.length && op.op === "add" && published.has(key)) reasons.push("already-published");
    if (!reasons.length && op.op === "remove" && !published.has(key)) reasons.push("not-published");
    if (reasons.length)
      notApplicable.push({
        file: "assignments.json",
        record: key,
        change: op.op === "add" ? "added" : "removed",
        assignment: op.record,
        reasons,
      });
    // A removal names the record as the current data holds it.
    else kept[key] = op.op === "remove" ? { op: "remove", record: { ...published.get(key)! } } : op;
  }
  // The other files' changes (the workbench's) are kept as they are.
  const others = Object.fromEntries(Object.entries(draft.files).filter(([file]) => file !== "assignments.json"));
  const next: Draft = {
    version: 1,
    base: baseOf(dataset),
    files: Object.keys(kept).length ? { ...others, "assignments.json": kept } : others,
  };
  return { draft: changeCount(next) ? next : null, notApplicable };
}
