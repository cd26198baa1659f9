import { describe, expect, it } from "vitest";
import { createAppStore } from "../../../src/state/store";
import { closeTopPanel } from "../../../src/state/actions";
import { defaultView } from "../../../src/domain/view/viewState";

describe("closeTopPanel (Escape)", () => {
  it("closes the comparison, then the industry, then the area, one per call, and then nothing", () => {
    const store = createAppStore({ view: { ...defaultView("en"), area: "gaoyou", industry: "metaverse" }, compare: ["gaoyou", "etdz"] });
    expect(closeTopPanel(store)).toBe(true);
    expect(store.getState().compare).toEqual([]);
    expect(store.getState().view.industry).toBe("metaverse");
    expect(closeTopPanel(store)).toBe(true);
    expect(store.getState().view.industry).toBeNull();
    expect(store.getState().view.area).toBe("gaoyou");
    expect(closeTopPanel(store)).toBe(true);
    expect(store.getState().view.area).toBeNull();
    const before = store.getState();
    expect(closeTopPanel(store)).toBe(false);
    expect(store.getState()).toBe(before);
  });

  it("leaves a single picked area (no comparison shown yet) to the panels below it", () => {
    const store = createAppStore({ view: { ...defaultView("en"), area: "gaoyou" }, compare: ["gaoyou"] });
    expect(closeTopPanel(store)).toBe(true);
    expect(store.getState().view.area).toBeNull();
    expect(store.getState().compare).toEqual(["gaoyou"]);
  });
});
