import { describe, expect, it } from "vitest";
import { AREA_IDS_PATTERN } from "../../../src/domain/dataset/schema";
import { kebabCase, proposeSiteId, siteIdProblems, takenIds } from "../../../src/domain/workbench/siteId";
import { shippedDataset } from "../data/loadShipped";

// A stand-in for pinyin-pro: a tiny table is enough to prove the function is used as given.
const TABLE: Record<string, string> = { 高: "gāo", 邮: "yóu", 低: "dī", 空: "kōng", 园: "yuán", 绿: "lǜ" };
const toPinyin = (zh: string) => [...zh].map((c) => TABLE[c] ?? c).join(" ");

describe("site ids", () => {
  it("come from the English name, kebab-case ASCII", () => {
    expect(proposeSiteId({ zh: "高邮低空园", en: "Gaoyou Low-Altitude Park (Phase II)" }, [], toPinyin)).toBe(
      "gaoyou-low-altitude-park-phase-ii",
    );
    expect(kebabCase("  Zürich—Café & Co.  ")).toBe("zurich-cafe-co");
  });

  it("come from the pinyin of the Chinese name when the English name is empty", () => {
    expect(proposeSiteId({ zh: "高邮低空园", en: "" }, [], toPinyin)).toBe("gao-you-di-kong-yuan");
    expect(proposeSiteId({ zh: "绿园" }, [], toPinyin)).toBe("lu-yuan");
  });

  it("are unique against areas and sites, suffixed -2, -3", () => {
    const dataset = shippedDataset();
    const taken = takenIds(dataset);
    expect(proposeSiteId({ en: "Gaoyou" }, taken)).toBe("gaoyou-2");
    expect(proposeSiteId({ en: "Aviation Valley" }, [...taken, "aviation-valley-2"])).toBe("aviation-valley-3");
  });

  it("always pass the schema's id rule, even from names with nothing usable", () => {
    for (const name of [{ zh: "园区", en: "" }, { en: "!!!" }, { en: "x".repeat(200) }, { en: "Ünïcödé 2025" }, {}]) {
      const id = proposeSiteId(name, ["site"]);
      expect(id).toMatch(AREA_IDS_PATTERN);
      expect(id.length).toBeLessThanOrEqual(60);
    }
    expect(proposeSiteId({ zh: "园区" }, [])).toBe("site");
  });

  it("typed by hand are checked against the id rule and the ids taken", () => {
    expect(siteIdProblems("new-park", ["gaoyou"])).toEqual([]);
    expect(siteIdProblems("New Park", [])).toEqual([{ key: "idPattern", params: { id: "New Park" } }]);
    expect(siteIdProblems("gaoyou", ["gaoyou"])).toEqual([{ key: "idTaken", params: { id: "gaoyou" } }]);
  });
});
