import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { distance, imagePixels } from "./support/pixels";

const browser = sharedBrowser();

/** The colour drawn at the centre of an element, read from a screenshot of it. */
async function centreColour(page: Page, element: Locator): Promise<number[]> {
  const png = await element.screenshot();
  const box = (await element.boundingBox())!;
  const { data } = await imagePixels(page, `data:image/png;base64,${png.toString("base64")}`, [
    { x: Math.floor(box.width / 2), y: Math.floor(box.height / 2) },
  ]);
  return data.slice(0, 3);
}

/** The colour the app asked for (the element's own style), as RGB. */
function authoredColour(element: Locator): Promise<number[]> {
  return element.evaluate((el) => {
    const probe = document.createElement("span");
    probe.style.color = (el as HTMLElement).style.backgroundColor;
    document.body.append(probe);
    // Read outside forced colours' reach: the probe opts out too.
    probe.style.forcedColorAdjust = "none";
    const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
    probe.remove();
    return rgb;
  });
}

describe("forced colours (Windows high contrast)", () => {
  it("keeps the industry colours of the legend's and the filters' swatches, and the site symbols", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.emulateMedia({ forcedColors: "active" });
    await app.goto("?lang=en");
    await app.waitForMapReady();
    expect(await app.page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    const swatches = [
      app.page.locator(".legend-entry[data-industry=metaverse] .swatch"),
      app.page.locator(".legend-entry[data-industry=ccus] .swatch"),
      app.page.locator(".filter-option:has(#filter-metaverse) .swatch"),
    ];
    for (const swatch of swatches) {
      const wanted = await authoredColour(swatch);
      expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(`rgb(${wanted.join(", ")})`);
      const drawn = await centreColour(app.page, swatch);
      expect(distance(drawn, wanted), `drawn ${drawn} for ${wanted}`).toBeLessThan(12);
    }
    // the legend's designated-park symbol keeps its blue (#0072B2), as on the map
    const designated = app.page.locator(".legend-marks .site-mark.designated");
    expect(distance(await centreColour(app.page, designated), [0x00, 0x72, 0xb2])).toBeLessThan(12);
    // and the stripes sample keeps its gradient
    expect(await app.page.locator(".legend-marks .mark.stripes").evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(
      "repeating-linear-gradient",
    );
    app.expectClean();
    await app.close();
  });
});
