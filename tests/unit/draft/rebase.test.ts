import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataTree } from "../../../scripts/data/readDataDir";
import type { Draft } from "../../../src/domain/draft/draft";
import { applyFileDraft, listChanges, parseTexts, setRecord, type DataValues } from "../../../src/domain/draft/fileDraft";
import { reapplyDraft } from "../../../src/domain/draft/rebase";
import { deepFreeze } from "../data/loadShipped";

// A draft made on older published files, re-applied on newer ones: what still applies is kept,
// the rest is listed (never silently dropped).
const before = deepFreeze(parseTexts(readDataTree(resolve(import.meta.dirname, "../../../data"))));
const oldBase = { dataset: "yangzhou", asOf: "2026-11-28" };
const newBase = { dataset: "yangzhou", asOf: "2026-12-01" };
type Json = Record<string, unknown>;
const records = (values: DataValues, file: string) => values[file] as Json[];
const byId = (values: DataValues, file: string, id: string) => records(values, file).find((r) => r.id === id)!;

/** The draft: two fields of hanjiang, a new site, jiangdu's English name, a site removed. */
function madeOnBefore(): Draft {
  let draft: Draft | null = null;
  const hanjiang = byId(before, "areas.json", "hanjiang");
  draft = setRecord(before, draft, oldBase, "areas.json", "hanjiang", { ...hanjiang, name: { zh: "邗江", en: "Hanjiang (new)" } });
  const jiangdu = byId(before, "areas.json", "jiangdu");
  draft = setRecord(before, draft, oldBase, "areas.json", "jiangdu", {
    ...jiangdu,
    name: { ...(jiangdu.name as Json), en: "Jiangdu (new)" },
  });
  const site = { ...byId(before, "sites.json", "aviation-lab"), id: "new-park", name: { zh: "新园", en: "New Park" } };
  draft = setRecord(before, draft, oldBase, "sites.json", "new-park", site);
  draft = setRecord(before, draft, oldBase, "sites.json", "gaoyou-general-airport", null);
  return draft!;
}

/** The published files now: hanjiang's Chinese name changed, jiangdu's English name already as the draft has it, the airport gone, new-park published. */
function after(): DataValues {
  const values = structuredClone(before) as DataValues;
  const areas = records(values, "areas.json");
  (byId(values, "areas.json", "hanjiang").name as Json).zh = "邗江区(新)";
  (byId(values, "areas.json", "jiangdu").name as Json).en = "Jiangdu (new)";
  values["areas.json"] = areas;
  const sites = records(values, "sites.json").filter((s) => s.id !== "gaoyou-general-airport");
  sites.push({ ...byId(values, "sites.json", "aviation-lab"), id: "new-park" });
  values["sites.json"] = sites;
  values["meta.json"] = { ...(values["meta.json"] as Json), asOf: newBase.asOf };
  return values;
}

describe("re-applying a draft on newer published files", () => {
  it("keeps what still applies and lists the rest, each named as the Changes list names it", () => {
    const now = after();
    const { draft, notReapplied } = reapplyDraft(before, now, madeOnBefore(), newBase);
    expect(draft?.base).toEqual(newBase);
    expect(listChanges(now, draft).map((r) => [r.file, r.record, r.change, r.field])).toEqual([
      ["areas.json", "hanjiang", "changed", "name.en"],
    ]);
    expect(notReapplied).toEqual([
      { file: "areas.json", record: "hanjiang", change: "changed", field: "name.zh", reason: "changed-in-published" },
      { file: "sites.json", record: "new-park", change: "added", reason: "already-published" },
      { file: "sites.json", record: "gaoyou-general-airport", change: "removed", reason: "not-published" },
    ]);
    expect((byId(applyFileDraft(now, draft), "areas.json", "hanjiang").name as Json).zh).toBe("邗江区(新)");
  });

  it("re-applies everything on files that changed elsewhere, and names a removed record as the new files hold it", () => {
    const now = structuredClone(before) as DataValues;
    const airport = byId(now, "sites.json", "gaoyou-general-airport");
    airport.note = "changed since";
    const draft = madeOnBefore();
    const result = reapplyDraft(before, now, draft, newBase);
    expect(result.notReapplied).toEqual([]);
    expect(listChanges(now, result.draft)).toEqual(
      listChanges(before, { ...draft, base: newBase }).map((r) => (r.record === "gaoyou-general-airport" ? { ...r, before: airport } : r)),
    );
  });

  it("gives no draft when nothing applies", () => {
    const now = after();
    const draft = setRecord(before, null, oldBase, "sites.json", "gaoyou-general-airport", null)!;
    expect(reapplyDraft(before, now, draft, newBase)).toEqual({
      draft: null,
      notReapplied: [{ file: "sites.json", record: "gaoyou-general-airport", change: "removed", reason: "not-published" }],
    });
  });
});
