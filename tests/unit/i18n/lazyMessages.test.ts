import { describe, expect, it } from "vitest";
import { zh } from "../../../src/i18n/messages";
import { addMessages, createI18n } from "../../../src/i18n/i18n";
import { english } from "../../../src/i18n/english";
import * as overlap from "../../../src/i18n/overlapMessages";
import * as panel from "../../../src/i18n/panelMessages";
import * as print from "../../../src/i18n/printMessages";

describe("strings of lazily loaded views", () => {
  it("are not in the first view's instance, and are added once, in both languages, by addMessages", () => {
    const i18n = createI18n("en", { en: english });
    // the planner view's strings travel with its own code, not the first view's
    expect(i18n.exists("overlap:title")).toBe(false);
    addMessages(i18n, overlap);
    addMessages(i18n, overlap);
    expect(i18n.t("overlap:title")).toBe(overlap.en.title);
    expect(i18n.t("overlap:title", { lng: "zh" })).toBe(overlap.zh.title);
    // the app's own strings are untouched
    expect(i18n.t("appTitleGeneric", { lng: "zh" })).toBe(zh.appTitleGeneric);
  });

  it("include the detail panels', which their chunk adds", () => {
    const i18n = createI18n("en", { en: english });
    expect(i18n.exists("panel:close")).toBe(false);
    addMessages(i18n, panel);
    expect(i18n.t("panel:close", { lng: "zh" })).toBe(panel.zh.close);
  });

  it("include the printed profile's, which the print view's chunk adds", () => {
    const i18n = createI18n("zh");
    expect(i18n.exists("print:areaProfile")).toBe(false);
    addMessages(i18n, print);
    expect(i18n.t("print:areaProfile")).toBe(print.zh.areaProfile);
    expect(i18n.t("print:areaProfile", { lng: "en" })).toBe(print.en.areaProfile);
  });
});
