import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataTree } from "../../../scripts/data/readDataDir";
import { assembleDataDir } from "../../../scripts/data/readDataDir";
import { draftTexts, parseTexts, setRecord } from "../../../src/domain/draft/fileDraft";
import { checkDraft } from "../../../src/domain/draft/problems";
import { deepFreeze } from "../data/loadShipped";
import { pinyinPro } from "../../../src/domain/pinyinPro";

const dir = resolve(import.meta.dirname, "../../../data");
const texts = deepFreeze(readDataTree(dir));
const published = deepFreeze(parseTexts(texts));
const base = { dataset: "yangzhou", asOf: "2000-01-01" };
type Json = Record<string, unknown>;

describe("the draft's problems", () => {
  it("the published files have none, and assemble to what npm run validate assembles", () => {
    const check = checkDraft(texts, null, false, pinyinPro);
    expect(check.problems).toEqual([]);
    expect(check.dataset).toEqual(assembleDataDir(dir).dataset);
  });

  it("without the pinyin library (not loaded yet) the same dataset but its search keys", () => {
    const { searchKeys, ...rest } = assembleDataDir(dir).dataset!;
    expect(searchKeys).toBeDefined();
    expect(checkDraft(texts).dataset).toEqual(rest);
  });

  it("a bad pinyin override is an error with or without the library, as npm run validate reports it", () => {
    const bad = { ...texts, "pinyin-overrides.json": '{ "江都": "jiang" }\n' };
    for (const check of [checkDraft(bad), checkDraft(bad, null, false, pinyinPro)]) {
      expect(check.errors).toBe(1);
      expect(check.problems[0]).toMatchObject({ file: "pinyin-overrides.json", severity: "error" });
      expect(check.dataset).toBeNull();
    }
  });

  it("a change that breaks a rule is an error named file › record › field, with the record to jump to", () => {
    const site = (published["sites.json"] as Json[])[0]!;
    const draft = setRecord(published, null, base, "sites.json", String(site.id), { ...site, area: "atlantis" });
    const check = checkDraft(draftTexts(texts, draft));
    expect(check.errors).toBe(1);
    expect(check.problems).toEqual([
      {
        file: "sites.json",
        record: String(site.id),
        field: "area",
        reason: 'unknown area id "atlantis"',
        severity: "error",
        target: { file: "sites.json", key: String(site.id) },
      },
    ]);
    expect(check.dataset).toBeNull();
  });

  it("schema problems too (the same zod schemas), each with its record", () => {
    const draft = setRecord(published, null, base, "meta.json", "", { ...(published["meta.json"] as Json), asOf: "31.1.2026" });
    const check = checkDraft(draftTexts(texts, draft));
    expect(check.problems.map((p) => [p.file, p.record, p.field, p.severity, p.target])).toEqual([
      ["meta.json", null, "asOf", "error", { file: "meta.json", key: "" }],
    ]);
  });

  it("a change that leaves asOf as published is a warning, which does not block", () => {
    const area = (published["areas.json"] as Json[])[0]!;
    const draft = setRecord(published, null, base, "areas.json", String(area.id), { ...area, name: { zh: "改名", en: "Renamed" } });
    const asOf = (published["meta.json"] as { asOf: string }).asOf;
    const check = checkDraft(draftTexts(texts, draft), asOf, true);
    expect(check.errors).toBe(0);
    expect(check.problems.map((p) => [p.file, p.field, p.severity, p.code])).toEqual([["meta.json", "asOf", "warning", "asof-unchanged"]]);
    expect(check.dataset).not.toBeNull();
  });
});
