import { getPath } from "./applyOps.ts";
import { changeCount, type ChangeOp, type Draft, type DraftBase, type RecordOp } from "./draft.ts";
import { draftRecord, type DataValues } from "./fileDraft.ts";

// A draft made on older published files, re-applied on the files the site publishes now: every
// change whose record and field the new files still hold as the old ones did is kept; the
// others are listed, never dropped silently: an addition the new files already make, a record
// they no longer hold, a field they changed themselves. Pure.

type NotReappliedReason = "already-published" | "not-published" | "changed-in-published";

/** A change of the draft that the new files cannot take, as the Changes list names it. */
export interface NotReapplied {
  file: string;
  record: string;
  change: "added" | "removed" | "changed";
  /** The field, for a changed field. */
  field?: string;
  reason: NotReappliedReason;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `draft` (made on `before`) on `after`, the published files now, whose meta gives `base`.
 * Returns the draft to keep working on (null when nothing applies) and what did not apply.
 */
export function reapplyDraft(
  before: DataValues,
  after: DataValues,
  draft: Draft,
  base: DraftBase,
): { draft: Draft | null; notReapplied: NotReapplied[] } {
  const files: Draft["files"] = {};
  const notReapplied: NotReapplied[] = [];
  for (const [file, ops] of Object.entries(draft.files)) {
    const kept: Record<string, RecordOp<unknown>> = {};
    for (const [record, op] of Object.entries(ops ?? {})) {
      const was = draftRecord(before, null, file, record);
      const now = draftRecord(after, null, file, record);
      if (op.op === "add") {
        if (now === undefined) kept[record] = op;
        else notReapplied.push({ file, record, change: "added", reason: "already-published" });
      } else if (op.op === "remove") {
        // The removal names the record as the new files hold it.
        if (now !== undefined) kept[record] = { op: "remove", record: structuredClone(now) };
        else notReapplied.push({ file, record, change: "removed", reason: "not-published" });
      } else if (now === undefined) {
        for (const field of [...Object.keys(op.fields), ...(op.unset ?? [])])
          notReapplied.push({ file, record, change: "changed", field, reason: "not-published" });
      } else {
        // A field is re-applied when the new files still hold it as the draft's base did.
        const stays = (field: string) => same(getPath(was, field), getPath(now, field));
        const change: ChangeOp = { op: "change", fields: {} };
        for (const [field, value] of Object.entries(op.fields)) {
          if (stays(field)) change.fields[field] = value;
          else if (same(getPath(now, field), value))
            continue; // the new files made the same change
          else notReapplied.push({ file, record, change: "changed", field, reason: "changed-in-published" });
        }
        const unset = (op.unset ?? []).filter((field) => {
          if (stays(field)) return true;
          if (getPath(now, field) === undefined) return false;
          notReapplied.push({ file, record, change: "changed", field, reason: "changed-in-published" });
          return false;
        });
        if (unset.length) change.unset = unset;
        if (Object.keys(change.fields).length || unset.length) kept[record] = change;
      }
    }
    if (Object.keys(kept).length) files[file] = kept;
  }
  const next: Draft = { version: 1, base, files };
  return { draft: changeCount(next) ? next : null, notReapplied };
}
