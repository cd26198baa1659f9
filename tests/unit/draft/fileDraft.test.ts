import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataTree } from "../../../scripts/data/readDataDir";
import { applyDraft, reconcile, toggleAssignment, type Draft } from "../../../src/domain/draft/draft";
import {
  applyFileDraft,
  draftRecord,
  draftTexts,
  listChanges,
  parseTexts,
  revertChange,
  setRecord,
} from "../../../src/domain/draft/fileDraft";
import { recordOfProblem } from "../../../src/domain/draft/records";
import { deepFreeze, shippedDataset } from "../data/loadShipped";

const texts = deepFreeze(readDataTree(resolve(import.meta.dirname, "../../../data")));
const published = deepFreeze(parseTexts(texts));
const dataset = shippedDataset();
const base = { dataset: dataset.meta.id, asOf: dataset.meta.asOf };
type Json = Record<string, unknown>;
const area = (id: string) => (published["areas.json"] as Json[]).find((a) => a.id === id)!;

function renamed(draft: Draft | null = null): Draft {
  const hanjiang = area("hanjiang");
  const name = hanjiang.name as Json;
  return setRecord(published, draft, base, "areas.json", "hanjiang", {
    ...hanjiang,
    name: { zh: "邗江", en: `${String(name.en)} (new)` },
  })!;
}

describe("the draft over every file", () => {
  it("changes a record field by field; the Changes list has one row per field, named as the problems name records", () => {
    const draft = renamed();
    expect(draft.files["areas.json"]).toEqual({
      hanjiang: { op: "change", fields: { "name.zh": "邗江", "name.en": "Hanjiang District (new)" } },
    });
    expect(listChanges(published, draft)).toEqual([
      { file: "areas.json", record: "hanjiang", change: "changed", field: "name.zh", before: "邗江区", after: "邗江" },
      {
        file: "areas.json",
        record: "hanjiang",
        change: "changed",
        field: "name.en",
        before: "Hanjiang District",
        after: "Hanjiang District (new)",
      },
    ]);
    expect(draftRecord(published, draft, "areas.json", "hanjiang")!.name).toEqual({ zh: "邗江", en: "Hanjiang District (new)" });
  });

  it("reverting one field removes exactly that row; reverting the last leaves no draft", () => {
    const draft = renamed();
    const [zh, en] = listChanges(published, draft);
    const once = revertChange(draft, zh!);
    expect(listChanges(published, once)).toEqual([en]);
    expect(revertChange(once, en!)).toBeNull();
  });

  it("setting a record back as published drops its op", () => {
    expect(setRecord(published, renamed(), base, "areas.json", "hanjiang", area("hanjiang"))).toBeNull();
  });

  it("adds and removes records in any file, and reverts one of them alone", () => {
    const site = { ...(published["sites.json"] as Json[])[0]!, id: "new-park", name: { zh: "新园区", en: "New park" } };
    let draft = setRecord(published, null, base, "sites.json", "new-park", site);
    draft = setRecord(published, draft, base, "departments.json", "ndrc", null);
    const rows = listChanges(published, draft);
    expect(rows.map((r) => [r.file, r.record, r.change])).toEqual([
      ["sites.json", "new-park", "added"],
      ["departments.json", "ndrc", "removed"],
    ]);
    const values = applyFileDraft(published, draft);
    expect((values["sites.json"] as Json[]).at(-1)!.id).toBe("new-park");
    expect((values["departments.json"] as Json[]).some((d) => d.id === "ndrc")).toBe(false);
    expect(listChanges(published, revertChange(draft, rows[1]!))).toEqual([rows[0]]);
  });

  it("edits a file that is one object (meta.json's asOf) and a named list's record", () => {
    let draft = setRecord(published, null, base, "meta.json", "", { ...(published["meta.json"] as Json), asOf: "2026-01-31" });
    const programme = (published["programmes.json"] as { programmes: Json[] }).programmes[0]!;
    draft = setRecord(published, draft, base, "programmes.json", `programmes: ${String(programme.id)}`, {
      ...programme,
      listEndsWithEtc: !programme.listEndsWithEtc,
    });
    expect(listChanges(published, draft).map((r) => [r.file, r.record, r.field, r.after])).toEqual([
      ["meta.json", "", "asOf", "2026-01-31"],
      ["programmes.json", `programmes: ${String(programme.id)}`, "listEndsWithEtc", !programme.listEndsWithEtc],
    ]);
  });

  it("writes only the changed files anew: every other file is the published text, byte for byte", () => {
    const out = draftTexts(texts, renamed());
    expect(Object.keys(out)).toEqual(Object.keys(texts).sort());
    for (const path of Object.keys(texts)) if (path !== "areas.json") expect(out[path], path).toBe(texts[path]);
    const before = texts["areas.json"]!.split("\n");
    const after = out["areas.json"]!.split("\n");
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['      "zh": "邗江",', '      "en": "Hanjiang District (new)"']);
    expect(draftTexts(texts, null)).toEqual(texts);
    // Even a file not in canonical form stays as it was when the draft does not touch it.
    const compact = { ...texts, "departments.json": JSON.stringify(JSON.parse(texts["departments.json"]!)) };
    expect(draftTexts(compact, renamed())["departments.json"]).toBe(compact["departments.json"]);
  });

  it("changes a geometry feature, keyed by its area id", () => {
    const zones = published["geometry/zones.geojson"] as { features: Json[] };
    const etdz = zones.features.find((f) => (f.properties as Json).id === "etdz")!;
    const draft = setRecord(published, null, base, "geometry/zones.geojson", "etdz", {
      ...etdz,
      properties: { ...(etdz.properties as Json), approximate: false },
    });
    expect(listChanges(published, draft).map((r) => [r.record, r.field, r.after])).toEqual([["etdz", "properties.approximate", false]]);
  });

  it("the planner's toggles are one use of it: they keep the other files' changes, and the planner applies the same draft", () => {
    const draft = toggleAssignment(dataset, renamed(), "metaverse", "jiangdu")!;
    expect(Object.keys(draft.files)).toEqual(["areas.json", "assignments.json"]);
    expect(listChanges(published, draft).at(-1)).toMatchObject({
      file: "assignments.json",
      record: "assignments: metaverse → jiangdu",
      change: "added",
    });
    const values = applyFileDraft(published, draft) as { "assignments.json": { assignments: unknown[] } };
    expect(values["assignments.json"].assignments).toEqual(applyDraft(dataset, draft).assignments);
    // Toggling it back leaves the workbench's change alone.
    expect(Object.keys(toggleAssignment(dataset, draft, "metaverse", "jiangdu")!.files)).toEqual(["areas.json"]);
  });
});

describe("reconcile (the planner's rebase) keeps the workbench's changes", () => {
  it("keeps other files' ops and field changes of assignments as they are", () => {
    const first = (published["assignments.json"] as { assignments: Json[] }).assignments[0]!;
    const key = `assignments: ${String(first.industry)} → ${String(first.area)}`;
    let draft = setRecord(published, renamed(), base, "assignments.json", key, { ...first, evidence: "changed evidence" })!;
    draft = toggleAssignment(dataset, draft, "metaverse", "jiangdu")!;
    const { draft: rebased, notApplicable } = reconcile(draft, dataset);
    expect(notApplicable).toEqual([]);
    expect(rebased!.files["areas.json"]).toEqual(draft.files["areas.json"]);
    expect(rebased!.files["assignments.json"]![key]).toEqual({ op: "change", fields: { evidence: "changed evidence" } });
  });
});

describe("recordOfProblem", () => {
  it("finds the record a problem names: by key, by index, through a nested list, or the whole file", () => {
    const first = (published["assignments.json"] as { assignments: Json[] }).assignments[0]!;
    expect(recordOfProblem("areas.json", "hanjiang", published["areas.json"], published["meta.json"])).toBe("hanjiang");
    expect(
      recordOfProblem(
        "assignments.json",
        `assignments[0] (${String(first.industry)} → ${String(first.area)})`,
        published["assignments.json"],
        published["meta.json"],
      ),
    ).toBe(`assignments: ${String(first.industry)} → ${String(first.area)}`);
    expect(recordOfProblem("targets.json", "items: pilot-parks-2025", published["targets.json"], published["meta.json"])).toBe("2025");
    expect(recordOfProblem("meta.json", null, published["meta.json"], published["meta.json"])).toBe("");
    expect(recordOfProblem("geometry/zones.geojson", "etdz", published["geometry/zones.geojson"], published["meta.json"])).toBe("etdz");
    expect(recordOfProblem("areas.json", "no-such-area", published["areas.json"], published["meta.json"])).toBeNull();
  });
});
