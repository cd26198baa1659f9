import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

/** The map's record, at its last idle, of how many areas MapLibre holds a feature state for. */
async function featureStates(app: AppDriver): Promise<string | undefined> {
  return app.page.locator(".maplibregl-map").evaluate((el) => (el as HTMLElement).dataset.featureStates);
}

/** How many source layers MapLibre's store keeps: any at all, even empty, costs each arriving tile a parse. */
async function stateLayers(app: AppDriver): Promise<string | undefined> {
  return app.page.locator(".maplibregl-map").evaluate((el) => (el as HTMLElement).dataset.featureStateLayers);
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
    await expect.poll(() => stateLayers(app)).toBe("0");
    // and a zoom, whose tiles arrive after the filter was cleared, finds none either
    await app.page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => featureStates(app)).toBe("0");
    await app.close();
  });

  it("gives the area under the pointer the one state, and takes it back when the pointer leaves", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    await expect.poll(() => featureStates(app)).toBe("0");
    // when the pointer rests on an area (the map's centre is in the city), the hover card names it
    // and that area alone holds a state (a hover patches two places' states, not all of them)
    const box = (await app.page.getByTestId("map").boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => app.page.getByTestId("hover-card").isVisible()).toBe(true);
    await app.page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3); // an idle after the hover's repaint
    await expect.poll(() => featureStates(app)).toBe("1");
    // and when it leaves the map, none is left
    await app.page.mouse.move(box.x - 5, box.y + 5);
    await expect.poll(() => app.page.getByTestId("hover-card").isVisible()).toBe(false);
    await expect.poll(() => featureStates(app)).toBe("0");
    await expect.poll(() => stateLayers(app)).toBe("0");
    app.expectClean();
    await app.close();
  });

  it("takes the hover away when a drag starts, so the tiles the drag brings in find no state", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const box = (await app.page.getByTestId("map").boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    // given an area under a resting pointer, hovered
    await app.page.mouse.move(cx, cy);
    await expect.poll(() => app.page.getByTestId("hover-card").isVisible()).toBe(true);
    await app.page.mouse.move(cx + 3, cy + 3); // an idle after the hover's repaint
    await expect.poll(() => featureStates(app)).toBe("1");
    // when the map is dragged from there
    await app.page.mouse.down();
    for (let k = 1; k <= 6; k++) await app.page.mouse.move(cx - 20 * k, cy);
    // then the hover is gone while the button is still held
    await expect.poll(() => app.page.getByTestId("hover-card").isVisible()).toBe(false);
    // and once the drag is over (the pointer still, so nothing hovers it again), no state is
    // left, not even an empty source layer (the map records it at idle, which a held drag defers)
    await app.page.mouse.up();
    await expect.poll(() => featureStates(app)).toBe("0");
    await expect.poll(() => stateLayers(app)).toBe("0");
    app.expectClean();
    await app.close();
  });
});
