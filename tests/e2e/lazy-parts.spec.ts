import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

/**
 * Answers the first request for the chunk's script and the first for its stylesheet with
 * `status`, then serves the files again (a server back after a hiccup). Returns the URLs
 * requested, failed or not.
 */
async function failOnce(page: Page, chunk: string, status = 503): Promise<string[]> {
  const requested: string[] = [];
  const failed = new Set<string>();
  await page.route(new RegExp(`/assets/${chunk}-[^/]*\\.(js|css)(\\?.*)?$`), async (route) => {
    const url = route.request().url();
    requested.push(url);
    const ext = /\.css(\?|$)/.test(url) ? "css" : "js";
    if (failed.has(ext)) return route.continue();
    failed.add(ext);
    await route.fulfill({ status, body: "unavailable" });
  });
  return requested;
}

const failedResponses = (chunk: string) => new RegExp(`^503 .*/assets/${chunk}-[^/]*\\.(js|css)$`);

/** The map, the lists and the filters still work while a part could not load. */
async function expectPageWorks(app: AppDriver): Promise<void> {
  const page = app.page;
  expect(await page.locator(".maplibregl-canvas").count(), "the map is still there").toBe(1);
  const areas = page.getByRole("list", { name: "Matching areas" });
  const all = await areas.locator(".place-name").count();
  expect(all).toBe(9);
  // Folded while a panel is open: the reader unfolds it.
  const filters = page.locator("details.filters");
  if (!(await filters.evaluate((d) => (d as HTMLDetailsElement).open))) await filters.locator("summary").click();
  await page.getByRole("checkbox", { name: "Metaverse", exact: true }).check();
  await expect.poll(() => areas.locator(".place-name").count(), { message: "a filter narrows the list" }).toBeLessThan(all);
  expect(await app.search()).toContain("industries=metaverse");
  await page.getByRole("checkbox", { name: "Metaverse", exact: true }).uncheck();
  await expect.poll(() => areas.locator(".place-name").count()).toBe(all);
}

describe("a lazy part that fails to load fails alone", () => {
  it("detail panels: says so in place in the reader's language, the rest works, Retry brings the panel with its styles", async () => {
    // given a server that answers the panels' script and stylesheet with 503 once
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const requested = await failOnce(app.page, "DetailPanels");
    await app.goto("?lang=en");
    await app.waitForMapReady();
    // when the reader opens an area
    const areas = app.page.getByRole("list", { name: "Matching areas" });
    await areas.getByRole("button", { name: /^Gaoyou City/ }).click();
    // then the panel's place says what could not be loaded
    const failed = app.page.locator("[data-part-failed=panels]");
    await expect.poll(() => failed.textContent()).toContain("The details could not be loaded");
    expect(await failed.getAttribute("role")).toBe("alert");
    // in the reader's language
    await app.page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => failed.textContent()).toContain("详情面板未能加载");
    await app.page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => failed.textContent()).toContain("The details could not be loaded");
    // and the map, the lists and the filters go on working
    await expectPageWorks(app);
    // when the files answer again and the reader retries
    await failed.getByRole("button", { name: "Retry" }).click();
    // then the panel shows, styled by its own stylesheet (panels.css lays it out as a grid)
    await app.page.getByRole("region", { name: /Gaoyou City/ }).waitFor();
    expect(await failed.count()).toBe(0);
    await expect.poll(() => app.page.locator(".detail-panels").evaluate((el) => getComputedStyle(el).display)).toBe("grid");
    expect(requested.filter((u) => u.includes(".css")).length, "the stylesheet was asked for again").toBe(2);
    app.expectClean({ allowFailedResponses: failedResponses("DetailPanels") });
    await app.close();
  });

  it("planner view: says so in place, the map works, Retry brings the view with its styles", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const requested = await failOnce(app.page, "OverlapView");
    await app.goto("?lang=en");
    await app.waitForMapReady();
    await app.page.getByRole("button", { name: "Planner view" }).click();
    const failed = app.page.locator("[data-part-failed=planner]");
    await expect.poll(() => failed.textContent()).toContain("The planner view could not be loaded");
    // the map and its legend still answer
    expect(await app.page.locator(".maplibregl-canvas").count()).toBe(1);
    await app.page.locator(".legend-entry[data-industry=metaverse]").click();
    await expect.poll(() => app.search()).toContain("industries=metaverse");
    await app.page.locator(".legend-entry[data-industry=metaverse]").click();
    await failed.getByRole("button", { name: "Retry" }).click();
    await app.page.getByRole("table", { name: "Industry by area", exact: true }).waitFor();
    await expect.poll(() => app.page.locator(".overlap-view").evaluate((el) => getComputedStyle(el).display)).toBe("grid");
    expect(requested.filter((u) => u.includes(".css")).length, "the stylesheet was asked for again").toBe(2);
    // and back on the map, its lists and filters work
    await app.page.getByRole("button", { name: "Planner view" }).click();
    await expectPageWorks(app);
    app.expectClean({ allowFailedResponses: failedResponses("OverlapView") });
    await app.close();
  });

  it("planner view: a worker that cannot load leaves the analysis to the page, which still shows results", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const workerRequests: string[] = [];
    await app.page.route(/\/assets\/overlapWorker-[^/]*\.js$/, (route) => {
      workerRequests.push(route.request().url());
      return route.fulfill({ status: 503, body: "unavailable" });
    });
    await app.goto("?lang=en&view=overlap");
    await app.waitForMapReady();
    await app.page.getByRole("table", { name: "Industry by area", exact: true }).waitFor();
    const findings = app.page.getByRole("list", { name: "Findings", exact: true });
    await findings
      .getByRole("button", { name: /^Metaverse is laid out twice on the same ground/ })
      .first()
      .waitFor();
    expect(workerRequests.length, "the worker was tried").toBeGreaterThan(0);
    app.expectClean({ allowFailedResponses: /^503 .*\/assets\/overlapWorker-[^/]*\.js$/ });
    await app.close();
  });

  it("share dialog: says so under its button, the rest works, Retry opens the dialog with its styles", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const requested = await failOnce(app.page, "ShareDialog");
    await app.goto("?lang=zh");
    await app.waitForMapReady();
    await app.page.getByRole("button", { name: "分享与导出" }).click();
    const failed = app.page.locator("[data-part-failed=share]");
    await expect.poll(() => failed.textContent()).toContain("分享对话框未能加载");
    await app.page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => failed.textContent()).toContain("The share dialog could not be loaded");
    await expectPageWorks(app);
    await failed.getByRole("button", { name: "Retry" }).click();
    const dialog = app.page.getByRole("dialog", { name: "Share & export" });
    await dialog.waitFor();
    // A native modal <dialog> is fixed by the browser's own styles: share.css's look says its styles came.
    await expect.poll(() => app.page.locator(".share-dialog").evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe("10px");
    await expect.poll(() => dialog.getByRole("img", { name: "QR code of the link" }).count()).toBe(1);
    expect(requested.filter((u) => u.includes(".css")).length, "the stylesheet was asked for again").toBe(2);
    app.expectClean({ allowFailedResponses: failedResponses("ShareDialog") });
    await app.close();
  });

  it("English strings: the interface stays in Chinese and says so in both languages, the rest works, Retry speaks English", async () => {
    // given a server that answers the English strings' chunk with 503 once
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const requested = await failOnce(app.page, "english");
    // when a reader of English opens the app
    await app.goto("?lang=en");
    await app.waitForMapReady();
    // then the page says, in both languages, that the English text could not be loaded
    const failed = app.page.locator("[data-notice=language]");
    await expect.poll(() => failed.textContent()).toContain("The English interface text could not be loaded");
    expect(await failed.textContent()).toContain("英文界面文字未能加载");
    expect(await failed.getAttribute("role")).toBe("alert");
    // and the page works, its interface in Chinese, its data in English
    const areas = app.page.getByRole("list", { name: "匹配区域" });
    expect(await areas.locator(".place-name").count()).toBe(9);
    expect(await areas.textContent()).toContain("Gaoyou City");
    expect(await app.page.locator(".maplibregl-canvas").count()).toBe(1);
    // when the file answers again and the reader retries
    await failed.getByRole("button", { name: "重试 · Retry" }).click();
    // then the interface speaks English, and the notice is gone
    await app.page.getByRole("list", { name: "Matching areas" }).waitFor();
    expect(await failed.count()).toBe(0);
    expect(requested.length, "the strings were asked for again").toBe(2);
    await expectPageWorks(app);
    app.expectClean({ allowFailedResponses: failedResponses("english") });
    await app.close();
  });

  it("offers a reload when files are gone after a redeploy, and the reload keeps the view", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&tiers=key,extended&area=hanjiang");
    await app.waitForMapReady();
    const page = app.page;
    // given a view with a filter, an open area and two areas picked for comparison
    await page
      .getByRole("region", { name: "Hanjiang District" })
      .getByRole("button", { name: /compare/i })
      .click();
    await page
      .getByRole("list", { name: "Matching areas" })
      .getByRole("button", { name: /^Yangzhou Economic and Technological Development Zone/ })
      .click();
    await page
      .getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" })
      .getByRole("button", { name: /compare/i })
      .click();
    await page.getByRole("table", { name: /Compare areas/ }).waitFor();
    expect(await app.search()).toContain("tiers=key,extended");
    const before = await app.search();
    // when a redeploy has deleted the share dialog's files and the reader asks for it
    const gone = /\/assets\/ShareDialog-[^/]*\.(js|css)$/;
    await page.route(gone, (route) => route.fulfill({ status: 404, body: "not found" }));
    await page.getByRole("button", { name: "Share & export" }).click();
    // then the page offers to reload
    const offer = page.locator("[data-notice=reload]");
    await expect.poll(() => offer.textContent()).toContain("the site may have been updated");
    // and after the reload (the new files are there by then) the view is the same
    await page.unroute(gone);
    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload" }).click()]);
    await app.waitForMapReady();
    expect(await app.search()).toBe(before);
    await page.getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" }).waitFor();
    const table = page.getByRole("table", { name: /Compare areas/ });
    await table.waitFor();
    expect((await table.locator("thead th").allTextContents()).join("|")).toContain("Hanjiang District");
    expect(await page.locator("details.filters legend").allTextContents()).not.toContain("Exploratory technology directions");
    expect(await offer.count()).toBe(0);
    app.expectClean({ allowFailedResponses: /^404 .*\/assets\/ShareDialog-[^/]*\.(js|css)$/ });
    await app.close();
  });
});
