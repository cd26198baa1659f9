import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

const LAYOUT = {
  "low-altitude-economy": { en: "Low-altitude economy", areas: ["Hanjiang District", "Gaoyou City", "Yangzhou Eco-Tech New City"] },
  metaverse: {
    en: "Metaverse",
    areas: [
      "Guangling District",
      "Hanjiang District",
      "Yizheng City",
      "Yangzhou Economic and Technological Development Zone",
      "Yangzhou Eco-Tech New City",
    ],
  },
  ccus: { en: "Zero/negative carbon (CCUS)", areas: ["Yangzhou Economic and Technological Development Zone"] },
} as const;

async function matchingAreas(app: AppDriver): Promise<string[]> {
  const list = app.page.getByRole("list", { name: /^(Matching areas|匹配区域)$/ });
  const buttons = await list.locator(".place-name").allTextContents();
  return buttons;
}

describe("explore: filters, search, URL", () => {
  it("filters by each key industry and lists exactly the areas the policy names; the URL follows without new history entries", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const historyLength = await app.page.evaluate(() => history.length);
    for (const [id, { en, areas }] of Object.entries(LAYOUT)) {
      // when the reader ticks the industry's checkbox (named exactly by the industry)
      await app.page.getByRole("checkbox", { name: en, exact: true }).check();
      // then the matching areas are exactly the policy's, and the URL says so
      await expect.poll(() => matchingAreas(app)).toEqual(expect.arrayContaining([...areas]));
      expect((await matchingAreas(app)).length).toBe(areas.length);
      expect(await app.search()).toBe(`?lang=en&industries=${id}`);
      await app.page.getByRole("checkbox", { name: en, exact: true }).uncheck();
      await expect.poll(() => app.search()).toBe("?lang=en");
    }
    expect(await app.page.evaluate(() => history.length)).toBe(historyLength);
    app.expectClean();
    await app.close();
  });

  it("lets legend entries toggle the same filter (aria-pressed), and any/all matching narrow the list", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const legendMetaverse = app.page.locator(".legend").getByRole("button", { name: "Metaverse", exact: true });
    await legendMetaverse.click();
    expect(await legendMetaverse.getAttribute("aria-pressed")).toBe("true");
    expect(await app.page.getByRole("checkbox", { name: "Metaverse", exact: true }).isChecked()).toBe(true);
    await app.page.locator(".legend").getByRole("button", { name: "Low-altitude economy", exact: true }).click();
    expect((await matchingAreas(app)).length).toBe(6); // union of both layouts
    await app.page.getByRole("radio", { name: "all industries" }).check();
    await expect.poll(() => matchingAreas(app)).toEqual(["Hanjiang District", "Yangzhou Eco-Tech New City"]);
    expect(await app.search()).toBe("?lang=en&industries=low-altitude-economy,metaverse&match=all");
    app.expectClean();
    await app.close();
  });

  it("says a citywide industry is laid out citywide instead of showing an empty map", async () => {
    const app = await AppDriver.open(browser(), "?industries=hydrogen");
    await app.waitForMapReady();
    const notice = app.page.getByTestId("citywide-notice");
    expect(await notice.textContent()).toContain("氢能");
    expect(await notice.textContent()).toContain("全市布局");
    expect(await matchingAreas(app)).toEqual([]);
    const sites = await app.page.getByRole("list", { name: "匹配站点" }).locator(".place-name").allTextContents();
    expect(sites).toEqual(["中集绿氢零碳装备产业园"]);
    app.expectClean();
    await app.close();
  });

  it("reports invalid URL parameters in a dismissible notice and keeps the valid ones", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&industries=metaverse,warp-drive&area=atlantis&zoom=3");
    await app.waitForMapReady();
    const notice = app.page.locator("[data-notice=url]");
    const text = await notice.textContent();
    expect(text).toContain("industries=warp-drive — unknown industry");
    expect(text).toContain("area=atlantis — unknown area or site");
    expect(text).toContain("zoom=3 — unknown parameter");
    expect(await app.search()).toBe("?lang=en&industries=metaverse");
    await notice.getByRole("button", { name: "Dismiss notice" }).click();
    expect(await notice.count()).toBe(0);
    app.expectClean();
    await app.close();
  });

  it("searches by keyboard in both languages and opens what was chosen; reset returns to the default view", async () => {
    const app = await AppDriver.open(browser(), "?kinds=county,zone&match=all");
    await app.waitForMapReady();
    const box = app.page.getByRole("combobox", { name: "搜索区域、产业或站点" });
    await box.fill("gaoyou");
    await box.press("Enter");
    await expect.poll(() => app.search()).toBe("?match=all&kinds=county,zone&area=gaoyou");
    await box.fill("元宇");
    expect(await app.page.getByRole("option").first().textContent()).toContain("元宇宙");
    await box.press("Enter");
    await expect.poll(() => app.search()).toContain("industry=metaverse");
    await app.page.getByRole("button", { name: "重置视图" }).click();
    await expect.poll(() => app.search()).toBe("");
    app.expectClean();
    await app.close();
  });

  it("switches 中文/English for the interface and the data, and remembers the choice on the device", async () => {
    const app = await AppDriver.open(browser());
    await app.waitForMapReady();
    await app.page.getByRole("checkbox", { name: "低空经济", exact: true }).check();
    await expect.poll(() => matchingAreas(app)).toEqual(["邗江区", "高邮市", "扬州生态科技新城"]);
    await app.page.getByRole("button", { name: "语言: English" }).click();
    await expect.poll(() => matchingAreas(app)).toEqual(["Hanjiang District", "Gaoyou City", "Yangzhou Eco-Tech New City"]);
    expect(await app.page.locator(".map-label[data-place=gaoyou]").textContent()).toBe("Gaoyou City");
    expect(await app.search()).toBe("?lang=en&industries=low-altitude-economy");
    // a link without lang opens in the language chosen last on this device
    await app.goto("?industries=ccus");
    await app.waitForMapReady();
    expect(await app.page.getByRole("heading", { level: 1 }).textContent()).toBe("Yangzhou Future-Industry Layout Map");
    app.expectClean();
    await app.close();
  });

  it("works on a phone: the map above a bottom sheet that expands to the lists", async () => {
    const app = await AppDriver.open(browser(), "?lang=en", { viewport: { width: 390, height: 844 } });
    await app.waitForMapReady();
    const map = await app.page.getByTestId("map").boundingBox();
    expect(map!.height).toBeGreaterThan(400);
    const handle = app.page.getByRole("button", { name: "Show more" });
    expect(await handle.getAttribute("aria-expanded")).toBe("false");
    await handle.click();
    expect(await app.page.getByRole("button", { name: "Show the map" }).getAttribute("aria-expanded")).toBe("true");
    await app.page
      .getByRole("list", { name: "Matching areas" })
      .getByRole("button", { name: /^Baoying County/ })
      .click();
    await expect.poll(() => app.search()).toBe("?lang=en&area=baoying");
    app.expectClean();
    await app.close();
  });

  it("reopens the same view from a reloaded link", async () => {
    const query = "?lang=en&industries=ccus&tiers=key,extended&kinds=county,zone&area=etdz&map=9.20/32.4000/119.4200";
    const app = await AppDriver.open(browser(), query);
    await app.waitForMapReady();
    expect(await app.search()).toBe(query);
    await app.page.reload();
    await app.waitForMapReady();
    expect(await app.search()).toBe(query);
    // the area panel is open, so the filters are folded: unfold them to read their state
    await app.page.locator("details.filters > summary").click();
    expect(await app.page.getByRole("checkbox", { name: "Zero/negative carbon (CCUS)", exact: true }).isChecked()).toBe(true);
    expect(await app.page.getByRole("checkbox", { name: "Site", exact: true }).isChecked()).toBe(false);
    expect(await app.page.getByTestId("map").getAttribute("data-camera")).toBe("9.20/32.4000/119.4200");
    app.expectClean();
    await app.close();
  });

  it("applies a filter click to the map quickly (median time to map-updated, software WebGL)", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const box = app.page.getByRole("checkbox", { name: "Metaverse", exact: true });
    const times: number[] = [];
    for (let n = 0; n < 8; n++) times.push(await app.timeUpdate(() => box.click()));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `filter click → map-updated: median ${median.toFixed(0)} ms over ${times.length} clicks [${times.map((t) => t.toFixed(0)).join(", ")}]`,
    );
    // correctness is asserted; the 100 ms budget is reported by the bench, not gated here
    expect(median).toBeGreaterThan(0);
    app.expectClean();
    await app.close();
  });
});
