import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  applyDraft,
  assignmentKey,
  changeCount,
  draftChanges,
  reconcile,
  toggleAssignment,
  type Draft,
} from "../../../src/domain/draft/draft";
import { draftDocument, draftFileText, parseDraftFile } from "../../../src/domain/draft/draftFile";
import { shippedDataset } from "../data/loadShipped";

const dataset = shippedDataset();

function twoToggles(): Draft {
  const one = toggleAssignment(dataset, null, "metaverse", "jiangdu"); // added
  return toggleAssignment(dataset, one, "metaverse", "hanjiang")!; // removed
}

describe("the draft patch", () => {
  it("toggles record ops keyed by file and record; toggling back drops the op, and an empty draft is null", () => {
    const draft = twoToggles();
    expect(draft.base).toEqual({ dataset: dataset.meta.id, asOf: dataset.meta.asOf });
    expect(Object.keys(draft.files["assignments.json"]!)).toEqual([
      "assignments: metaverse → jiangdu",
      "assignments: metaverse → hanjiang",
    ]);
    expect(changeCount(draft)).toBe(2);
    expect(draftChanges(draft)).toEqual([
      { change: "added", industry: "metaverse", area: "jiangdu" },
      { change: "removed", industry: "metaverse", area: "hanjiang" },
    ]);
    const back = toggleAssignment(dataset, draft, "metaverse", "hanjiang")!;
    expect(changeCount(back)).toBe(1);
    expect(toggleAssignment(dataset, back, "metaverse", "jiangdu")).toBeNull();
  });

  it("applies to the dataset without changing the published one", () => {
    const before = JSON.stringify(dataset.assignments);
    const applied = applyDraft(dataset, twoToggles());
    expect(JSON.stringify(dataset.assignments)).toBe(before);
    expect(applied.assignments).toHaveLength(dataset.assignments.length);
    expect(applied.assignments.at(-1)).toEqual({ industry: "metaverse", area: "jiangdu", section: "draft", evidence: "planner draft" });
    expect(applied.assignments.some((a) => a.industry === "metaverse" && a.area === "hanjiang")).toBe(false);
    expect(applyDraft(dataset, null)).toBe(dataset);
  });

  it("reconciles a draft of an older dataset: what no longer applies is listed, the rest kept", () => {
    const old: Draft = {
      version: 1,
      base: { dataset: dataset.meta.id, asOf: "2025-01-01" },
      files: {
        "assignments.json": {
          [assignmentKey({ industry: "metaverse", area: "jiangdu" })]: {
            op: "add",
            record: { industry: "metaverse", area: "jiangdu", section: "draft", evidence: "planner draft" },
          },
          [assignmentKey({ industry: "metaverse", area: "old-zone" })]: {
            op: "add",
            record: { industry: "metaverse", area: "old-zone", section: "draft", evidence: "planner draft" },
          },
          [assignmentKey({ industry: "warp-drives", area: "gaoyou" })]: {
            op: "remove",
            record: { industry: "warp-drives", area: "gaoyou", section: "二(一)1", evidence: "x" },
          },
          [assignmentKey({ industry: "metaverse", area: "etdz" })]: {
            op: "add",
            record: { industry: "metaverse", area: "etdz", section: "draft", evidence: "planner draft" },
          },
          [assignmentKey({ industry: "metaverse", area: "baoying" })]: {
            op: "remove",
            record: { industry: "metaverse", area: "baoying", section: "二(一)2", evidence: "x" },
          },
        },
      },
    };
    const { draft, notApplicable } = reconcile(old, dataset);
    expect(draft!.base).toEqual({ dataset: dataset.meta.id, asOf: dataset.meta.asOf });
    expect(Object.keys(draft!.files["assignments.json"]!)).toEqual(["assignments: metaverse → jiangdu"]);
    expect(notApplicable.map((n) => [n.record, n.change, n.reasons])).toEqual([
      ["assignments: metaverse → old-zone", "added", ["unknown-area"]],
      ["assignments: warp-drives → gaoyou", "removed", ["unknown-industry"]],
      ["assignments: metaverse → etdz", "added", ["already-published"]],
      ["assignments: metaverse → baoying", "removed", ["not-published"]],
    ]);
  });
});

describe("the draft file", () => {
  it("round-trips: the downloaded file loads back to the same draft", () => {
    const draft = twoToggles();
    const doc = draftDocument(dataset, draft);
    expect(doc.citywide).toEqual(dataset.citywide);
    const result = parseDraftFile(draftFileText(dataset, draft));
    expect(result.ok).toBe(true);
    const loaded = result.ok ? result.draft! : null;
    expect(draftChanges(loaded)).toEqual(draftChanges(draft));
    expect(applyDraft(dataset, reconcile(loaded!, dataset).draft).assignments).toEqual(applyDraft(dataset, draft).assignments);
  });

  it("accepts data/assignments.json's own records, checked by its schema", () => {
    const file = JSON.parse(readFileSync("data/assignments.json", "utf8")) as object;
    const result = parseDraftFile(
      JSON.stringify({ draft: { version: 1, dataset: dataset.meta.id, asOf: dataset.meta.asOf }, ...file, changes: [] }),
    );
    expect(result).toEqual({ ok: true, draft: null });
  });

  it("lists problems as file › record › field with a reason code", () => {
    const doc = JSON.parse(draftFileText(dataset, twoToggles())) as {
      assignments: Record<string, unknown>[];
      changes: unknown[];
      colour?: string;
    };
    doc.assignments[0]!.section = "chapter one";
    delete doc.assignments[1]!.evidence;
    doc.assignments[2]!.area = "Not An Id";
    doc.colour = "red";
    const result = parseDraftFile(JSON.stringify(doc), "mine.json");
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => [p.file, p.record, p.field, p.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ["mine.json", "assignments[0] (low-altitude-economy → eco-tech-city)", "section", "bad-section"],
        ["mine.json", "assignments[1] (low-altitude-economy → gaoyou)", "evidence", "missing-field"],
        ["mine.json", "assignments[2] (low-altitude-economy → Not An Id)", "area", "bad-id"],
        ["mine.json", null, "colour", "unknown-field"],
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(parseDraftFile("{ not json", "x.json")).toMatchObject({ ok: false, problems: [{ file: "x.json", code: "not-json" }] });
  });

  it("checks the changes against the assignments and duplicate pairs", () => {
    const doc = draftDocument(dataset, twoToggles());
    doc.assignments = doc.assignments.filter((a) => a.area !== "jiangdu");
    doc.assignments.push({ ...doc.assignments[0]! });
    const result = parseDraftFile(JSON.stringify(doc));
    expect(result.ok ? [] : result.problems.map((p) => [p.record, p.code])).toEqual([
      [`assignments[${doc.assignments.length - 1}] (low-altitude-economy → eco-tech-city)`, "duplicate"],
      ["changes[0] (metaverse → jiangdu)", "added-not-in-assignments"],
    ]);
  });
});
