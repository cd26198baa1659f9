import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();
const PHONE = { width: 390, height: 844 };
const SOUTHERN_ZONES = ["etdz", "eco-tech-city", "shugang-slender-west-lake"];
/** The map's own place layer (a still copy covers it while the panel's profile frames the map). */
const LIVE = ".maplibregl-canvas-container .place-layer";

/** A phone: touch input, at 390 × 844. */
async function openPhone(query: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser().newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${inject("baseUrl")}${query}`);
  await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 45_000 });
  return { page, close: () => context.close() };
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("the phone shows the map (390 × 844)", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`${lang}: a header of one line with a menu, and the notice covers no area's label`, async () => {
      const { page, close } = await openPhone(`?lang=${lang}`);
      const header = await page.locator(".app-header").boundingBox();
      expect(header!.height).toBeLessThanOrEqual(64);
      // the title fits its one line whole (the ellipsis is only for a long configured title)
      expect(await page.locator(".app-header h1").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      // the actions sit behind the menu, under the names they have on a desktop
      const share = lang === "en" ? "Share & export" : "分享与导出";
      expect(await page.getByRole("button", { name: share }).count()).toBe(0);
      await page.getByRole("button", { name: lang === "en" ? "Menu" : "菜单" }).tap();
      await page.getByRole("button", { name: share }).waitFor();
      expect(await page.getByRole("button", { name: lang === "en" ? "Planner view" : "规划视图" }).isVisible()).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByRole("button", { name: share }).count()).toBe(0);
      // the notice is shown, and no area's label lies under it
      const notice = await page.getByTestId("schematic-notice").boundingBox();
      expect(notice).not.toBeNull();
      const labels: (Box & { id: string })[] = await page.locator(".map-label[data-place]:not(.neighbour)").evaluateAll((els) =>
        els
          .filter((el) => getComputedStyle(el).visibility !== "hidden")
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { id: el.getAttribute("data-place") ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
          }),
      );
      expect(labels.length).toBeGreaterThan(5);
      expect(labels.filter((l) => overlaps(l, notice!)).map((l) => l.id)).toEqual([]);
      // and it lies below them all, in the margin under the city
      expect(labels.filter((l) => l.y + l.height > notice!.y).map((l) => l.id)).toEqual([]);
      await close();
    });

    for (const zone of SOUTHERN_ZONES) {
      it(`${lang}: a tap on ${zone} at the first view's zoom opens its panel`, async () => {
        const { page, close } = await openPhone(`?lang=${lang}`);
        // the zone's label point lies inside the zone (src/map/mapInput.ts), shown or not
        const point = await page.locator(`.map-label[data-place="${zone}"]`).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        });
        await page.touchscreen.tap(point.x, point.y);
        await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("area"))).toBe(zone);
        await page.locator(".area-panel").waitFor();
        await close();
      });
    }
  }

  for (const lang of ["zh", "en"] as const) {
    it(`${lang}: the selected zone's label shows among the markers around it`, async () => {
      const { page, close } = await openPhone(`?lang=${lang}&area=etdz`);
      // once the county labels are placed too (the pass after the panel's)
      await expect
        .poll(
          () =>
            page
              .locator(LIVE + " .map-label.county")
              .evaluateAll((els) => els.filter((el) => getComputedStyle(el).visibility !== "hidden").length),
          {
            timeout: 20_000,
          },
        )
        .toBeGreaterThan(3);
      // every position around it touches a seat or a site at this zoom: it shows at its centre
      const label = page.locator(`${LIVE} .map-label[data-place="etdz"]`);
      expect(await label.evaluate((el) => el.classList.contains("selected") && getComputedStyle(el).visibility)).toBe("visible");
      await close();
    });
  }

  it("from 1024 px the header's actions are buttons again, with no menu", async () => {
    const app = await AppDriver.open(browser(), "?lang=en", { viewport: { width: 1024, height: 768 } });
    await app.waitForMapReady();
    expect(await app.page.getByRole("button", { name: "Menu" }).count()).toBe(0);
    expect(await app.page.getByRole("button", { name: "Share & export" }).isVisible()).toBe(true);
    expect(await app.page.getByRole("button", { name: "Planner view" }).isVisible()).toBe(true);
    app.expectClean();
    await app.close();
  });
});
