import { z } from "zod/mini";
import type { core } from "zod/mini";
import { assignmentsFileSchema, type Assignment, type Dataset } from "../dataset/schema.ts";
import { zodIssuesToDataIssues } from "../dataset/zodIssues.ts";
import { DRAFT_SECTION, applyDraft, assignmentKey, draftChanges, type Draft, type RecordOp } from "./draft.ts";

// The draft as a file: shaped like data/assignments.json (its assignments and citywide, as the
// draft makes them) plus the draft's base and its changes, so a reviewer reads it as a data
// file and the planner loads it back. The changes say what the draft is; the assignments give
// the records the added ones carry.

export const DRAFT_FILE = "assignments.draft.json";
/** Larger than any real draft by far; a bigger file is not read (a wrong file was picked). */
const MAX_DRAFT_FILE_BYTES = 5_000_000;

const fileShape = assignmentsFileSchema.shape;
const assignment = fileShape.assignments.def.element;
// The one difference from data/assignments.json: an assignment the planner added has no policy
// section yet and is marked as the draft's (npm run validate would rightly refuse it).
const draftAssignment = z.extend(assignment, { section: z.union([z.literal(DRAFT_SECTION), assignment.shape.section]) });
const pairShape = { industry: assignment.shape.industry, area: assignment.shape.area };

const draftFileSchema = z.strictObject({
  draft: z.strictObject({
    version: z.literal(1),
    dataset: assignment.shape.industry,
    asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")),
  }),
  assignments: z.array(draftAssignment),
  citywide: fileShape.citywide,
  changes: z.array(z.strictObject({ change: z.enum(["added", "removed"]), ...pairShape })),
});

/** The file "Download draft" writes. */
export function draftDocument(dataset: Pick<Dataset, "meta" | "assignments" | "citywide">, draft: Draft) {
  return {
    draft: { version: 1 as const, dataset: draft.base.dataset, asOf: draft.base.asOf },
    assignments: applyDraft(dataset, draft).assignments,
    citywide: dataset.citywide,
    changes: draftChanges(draft),
  };
}

export function draftFileText(dataset: Pick<Dataset, "meta" | "assignments" | "citywide">, draft: Draft): string {
  return JSON.stringify(draftDocument(dataset, draft), null, 2) + "\n";
}

type DraftProblemCode =
  | "not-json"
  | "too-large"
  | "missing-field"
  | "unknown-field"
  | "wrong-type"
  | "bad-id"
  | "bad-section"
  | "bad-date"
  | "empty"
  | "bad-value"
  | "duplicate"
  | "added-not-in-assignments"
  | "removed-still-in-assignments";

/** One problem of a draft file: where (file › record › field) and a reason code the page words in the reader's language. */
export interface DraftProblem {
  file: string;
  record: string | null;
  field: string | null;
  code: DraftProblemCode;
  /** What was expected (a type, or a value), for the wording. */
  expected?: string;
  /** The reason in English, as `npm run validate` would give it. */
  reason: string;
}

function codeOf(issue: core.$ZodIssue, absent: boolean): { code: DraftProblemCode; expected?: string } {
  switch (issue.code) {
    case "unrecognized_keys":
      return { code: "unknown-field" };
    case "invalid_type":
      return { code: absent ? "missing-field" : "wrong-type", expected: issue.expected };
    case "too_small":
      return { code: "empty" };
    case "invalid_format": {
      const field = String(issue.path.at(-1));
      if (field === "section") return { code: "bad-section" };
      if (field === "asOf") return { code: "bad-date" };
      return { code: "bad-id" };
    }
    case "invalid_union": {
      // Only the section is a union (a policy section or the draft's marker).
      return { code: "bad-section" };
    }
    case "invalid_value":
      return { code: "bad-value", expected: issue.values.map(String).join(" | ") };
    default:
      return { code: "bad-value" };
  }
}

/** Names an assignment record as the validator's cross-checks do: "assignments[3] (metaverse → jiangdu)". */
function withPair(record: string | null, raw: unknown): string | null {
  const m = record && /^(assignments|changes)\[(\d+)\]$/.exec(record);
  if (!m || !raw || typeof raw !== "object") return record;
  const item = (raw as Record<string, unknown[]>)[m[1]!]?.[Number(m[2])] as { industry?: unknown; area?: unknown } | undefined;
  return item && typeof item.industry === "string" && typeof item.area === "string"
    ? `${record} (${item.industry} → ${item.area})`
    : record;
}

export type DraftFileResult = { ok: true; draft: Draft | null } | { ok: false; problems: DraftProblem[] };

/**
 * Reads a draft file: the schema of data/assignments.json (as above) and its cross-checks
 * (one assignment per pair), then that the changes agree with the assignments. Unknown
 * industries or areas are not problems here: reconcile lists them against the current data.
 */
export function parseDraftFile(text: string, file: string = DRAFT_FILE): DraftFileResult {
  if (text.length > MAX_DRAFT_FILE_BYTES)
    return { ok: false, problems: [{ file, record: null, field: null, code: "too-large", reason: "the file is too large to be a draft" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          file,
          record: null,
          field: null,
          code: "not-json",
          reason: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  const parsed = draftFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      zodIssuesToDataIssues(file, raw, { issues: [issue] }).map((d) => ({
        ...d,
        record: withPair(d.record, raw),
        ...codeOf(issue, d.reason.startsWith("required field is missing")),
      })),
    );
    return { ok: false, problems };
  }
  const doc = parsed.data;
  const problems: DraftProblem[] = [];
  const byKey = new Map<string, { record: Assignment; index: number }>();
  doc.assignments.forEach((a, i) => {
    const key = assignmentKey(a);
    const first = byKey.get(key);
    if (first)
      problems.push({
        file,
        record: `assignments[${i}] (${a.industry} → ${a.area})`,
        field: null,
        code: "duplicate",
        reason: `duplicate assignment: assignments[${first.index}] already assigns "${a.industry}" to "${a.area}"`,
      });
    else byKey.set(key, { record: a, index: i });
  });
  const ops: Record<string, RecordOp<Assignment>> = {};
  doc.changes.forEach((c, i) => {
    const key = assignmentKey(c);
    const record = `changes[${i}] (${c.industry} → ${c.area})`;
    const found = byKey.get(key)?.record;
    if (c.change === "added") {
      if (found) ops[key] = { op: "add", record: found };
      else
        problems.push({
          file,
          record,
          field: null,
          code: "added-not-in-assignments",
          reason: "an added assignment that the file's assignments do not hold",
        });
    } else if (found) {
      problems.push({
        file,
        record,
        field: null,
        code: "removed-still-in-assignments",
        reason: "a removed assignment that the file's assignments still hold",
      });
    } else {
      // The section and evidence of a removed one are the published data's; the pair names it.
      ops[key] = { op: "remove", record: { industry: c.industry, area: c.area, section: DRAFT_SECTION, evidence: DRAFT_EVIDENCE_REMOVED } };
    }
  });
  if (problems.length) return { ok: false, problems };
  const draft: Draft = {
    version: 1,
    base: { dataset: doc.draft.dataset, asOf: doc.draft.asOf },
    files: Object.keys(ops).length ? { "assignments.json": ops } : {},
  };
  return { ok: true, draft: Object.keys(ops).length ? draft : null };
}

const DRAFT_EVIDENCE_REMOVED = "removed in a planner draft";
