import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

// A browser without WebGL: every canvas refuses a WebGL context (as on old or locked-down
// machines). The page must say so, and everything but the map must still work.

const browser = sharedBrowser();

async function openWithoutWebgl(query: string): Promise<AppDriver> {
  const app = await AppDriver.open(browser(), "", { deferNavigation: true });
  await app.page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/i.test(type)) return null;
      return (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof getContext;
  });
  await app.goto(query);
  return app;
}

const areaList = (app: AppDriver, name: string) => app.page.getByRole("list", { name }).locator(".place-name");

describe("without WebGL", () => {
  it("says so clearly, in English and Chinese", async () => {
    const app = await openWithoutWebgl("?lang=en");
    const notice = app.page.locator("[data-notice=webgl]");
    await expect.poll(() => notice.textContent()).toContain("cannot show the map (no WebGL)");
    expect(await notice.getAttribute("role")).toBe("status");
    expect(await app.page.locator(".maplibregl-canvas").count(), "no half-made map").toBe(0);
    await app.page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => notice.textContent()).toContain("此浏览器无法显示地图(不支持 WebGL)");
    app.expectClean();
    await app.close();
  });

  it("keeps the list, the details panel and the industry filter working", async () => {
    const app = await openWithoutWebgl("?lang=en");
    await app.page.locator("[data-notice=webgl]").waitFor();
    // given the full list of areas
    await expect.poll(async () => (await areaList(app, "Matching areas").allTextContents()).length).toBe(9);
    // when an area is chosen from the list, its details panel opens
    await app.page
      .getByRole("list", { name: "Matching areas" })
      .getByRole("button", { name: /^Gaoyou City/ })
      .click();
    const panel = app.page.getByRole("region", { name: /Gaoyou City/ });
    await panel.waitFor();
    expect(await panel.textContent()).toContain("Low-altitude economy");
    await expect.poll(() => app.search()).toContain("area=gaoyou");
    await panel.getByRole("button", { name: "Close", exact: true }).first().click();
    // when an industry is ticked, the list narrows to the areas the policy names
    await app.page.getByRole("checkbox", { name: "Zero/negative carbon (CCUS)", exact: true }).check();
    await expect
      .poll(() => areaList(app, "Matching areas").allTextContents())
      .toEqual(["Yangzhou Economic and Technological Development Zone"]);
    app.expectClean();
    await app.close();
  });

  it("computes the planner's overlap table and shows its rows", async () => {
    const app = await openWithoutWebgl("?lang=en&view=overlap");
    await app.page.locator("[data-notice=webgl]").waitFor();
    const table = app.page.getByRole("table").first();
    await table.waitFor();
    await expect.poll(async () => table.locator("tbody tr").count()).toBe(9);
    expect(await table.textContent()).toContain("ETDZ");
    // the findings need the overlap analysis (Turf, in its worker): it must have run
    await expect
      .poll(() => app.page.getByText(/(is|are) laid out twice on the same ground: /).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    app.expectClean();
    await app.close();
  });
});
