import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

/** The map's record, at its last idle, of how many areas MapLibre holds a feature state for. */
async function featureStates(app: AppDriver): Promise<string | undefined> {
  return app.page.locator(".maplibregl-map").evaluate((el) => (el as HTMLElement).dataset.featureStates);
}

async function listedAreas(app: AppDriver): Promise<number> {
  return app.page.getByRole("list", { name: "Matching areas" }).getByRole("listitem").count();
}

describe("feature state: a cleared filter leaves nothing behind", () => {
  it("holds a state only for the areas a filter dims, and none once the filter is cleared", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    // given the whole city, with nothing selected, hovered or dimmed
    const all = await listedAreas(app);
    await expect.poll(() => featureStates(app)).toBe("0");
    const filter = app.page.getByRole("checkbox", { name: "Low-altitude economy", exact: true });
    // when a filter leaves three areas lit, then every other area holds its dimmed state
    await app.timeUpdate(() => filter.check());
    await expect.poll(() => listedAreas(app)).toBe(3);
    await expect.poll(() => featureStates(app)).toBe(String(all - 3));
    // and when it is cleared, MapLibre holds none: tiles that arrive later (a pan, a zoom)
    // are not handed thousands of empty states at national size
    await app.timeUpdate(() => filter.uncheck());
    await expect.poll(() => featureStates(app)).toBe("0");
    // and a zoom, whose tiles arrive after the filter was cleared, finds none either
    await app.page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => featureStates(app)).toBe("0");
    await app.close();
  });
});
