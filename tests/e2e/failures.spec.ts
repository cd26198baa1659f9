import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

describe("failed loads and bad configuration", () => {
  it("shows an error panel with a retry when the dataset fails to load, and recovers on retry", async () => {
    // given a server that fails the first request for the dataset
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    let failures = 1;
    await app.page.route("**/data/dataset.json", async (route) => {
      if (failures-- > 0) await route.fulfill({ status: 503, body: "down for maintenance" });
      else await route.continue();
    });
    await app.goto("?lang=en");
    // then the page says what happened and keeps the rest usable
    const alert = app.page.getByRole("alert");
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toContain("503");
    expect(
      (await app.page.getByRole("button", { name: "English" }).count()) + (await app.page.getByRole("button", { name: "中文" }).count()),
    ).toBe(1);
    // when the reader retries
    await app.page.getByRole("button", { name: "Retry" }).click();
    // then the map comes up
    await app.waitForMapReady();
    expect(await app.page.getByRole("alert").count()).toBe(0);
    app.expectClean({ allowFailedResponses: /503 .*data\/dataset\.json$/ });
    await app.close();
  });

  it("says so when the map's code fails to load, and keeps the list and details working", async () => {
    // given a server that cannot deliver the map's chunk (MapLibre and the map code)
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.route(/\/assets\/IndustryMap-[^/]*\.js$/, (route) => route.fulfill({ status: 503, body: "unavailable" }));
    await app.goto("?lang=en");
    // then the page renders without the map and says why
    const notice = app.page.locator("[data-notice=map-code]");
    await expect.poll(() => notice.textContent()).toContain("The map could not be loaded");
    expect(await app.page.locator(".maplibregl-canvas").count(), "no half-made map").toBe(0);
    // and the list and the details panel still work
    const areas = app.page.getByRole("list", { name: "Matching areas" });
    await expect.poll(async () => (await areas.locator(".place-name").allTextContents()).length).toBe(9);
    await areas.getByRole("button", { name: /^Gaoyou City/ }).click();
    await app.page.getByRole("region", { name: /Gaoyou City/ }).waitFor();
    await app.page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => notice.textContent()).toContain("地图程序未能加载");
    app.expectClean({ allowFailedResponses: /503 .*\/assets\/IndustryMap-[^/]*\.js$/ });
    await app.close();
  });

  it("reports a dataset that is not JSON", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.route("**/data/dataset.json", (route) =>
      route.fulfill({ status: 200, body: "{ not json", contentType: "application/json" }),
    );
    await app.goto("?lang=en");
    await expect.poll(() => app.page.getByRole("alert").textContent()).toContain("is not valid JSON");
    app.expectClean();
    await app.close();
  });

  it("falls back to defaults with a visible notice when config.json is invalid", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.route("**/config.json", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ title: "Invest in Yangzhou", palette: { metaverse: "purple" }, shoeSize: 42 }),
      }),
    );
    await app.goto("?lang=en");
    await app.waitForMapReady();
    const notice = app.page.locator("[data-notice=config]");
    await expect.poll(() => notice.textContent()).toContain("palette.metaverse: must be a colour written #rrggbb");
    expect(await notice.textContent()).toContain("shoeSize: unknown field");
    // the valid part of the configuration still applies
    expect(await app.page.getByRole("heading", { level: 1 }).textContent()).toBe("Invest in Yangzhou");
    app.expectClean();
    await app.close();
  });

  it("reports a config.json that is not JSON, and still shows the map", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.route("**/config.json", (route) => route.fulfill({ status: 200, body: "{{", contentType: "application/json" }));
    await app.goto("?lang=en");
    await app.waitForMapReady();
    await expect.poll(() => app.page.locator("[data-notice=config]").textContent()).toContain("config.json is not valid JSON");
    app.expectClean();
    await app.close();
  });
});
