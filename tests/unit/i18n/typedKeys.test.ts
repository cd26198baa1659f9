import { describe, expect, it } from "vitest";
import { addMessages, createI18n } from "../../../src/i18n/i18n";
import { english } from "../../../src/i18n/english";
import * as panel from "../../../src/i18n/panelMessages";

// The checks here are tsc's (npm run lint): each `@ts-expect-error` line must be a type error,
// so it fails the build if a misspelt key ever type-checks (typing lost or the key added).
describe("message keys are typed", () => {
  it("accepts the keys of every namespace and rejects misspelt ones", () => {
    const i18n = createI18n("en", { en: english });
    addMessages(i18n, panel);
    const t = i18n.t;
    expect(t("reset")).toBe("Reset view");
    expect(t("share:close")).toBe("Close");
    expect(t("panel:close")).toBe("Close");
    // @ts-expect-error a misspelt key of the first view
    expect(t("resett")).toBe("resett");
    // @ts-expect-error a key of another namespace needs its prefix
    expect(t("close")).toBe("close");
    // @ts-expect-error a misspelt key in a namespace
    expect(t("panel:clos")).toBe("clos");
  });
});
