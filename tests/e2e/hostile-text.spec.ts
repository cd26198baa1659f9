import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { builtDataset } from "./support/dataset";
import { routeDataset } from "./support/routed-dataset";
import { hostileDataset, hostileName } from "../support/hostileDataset";
import { parseCsv } from "../support/parseCsv";
import type { Dataset } from "../../src/domain/dataset/schema";

// The shipped data with every name replaced by markup, template and formula payloads,
// served as another dataset would be. Everywhere a name shows, it shows as the literal
// string; nothing in it ever runs or becomes an element.

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };

function hostileContext(): unknown {
  const context = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../dist/data/context.json"), "utf8")) as {
    features: { properties: Record<string, unknown> }[];
  };
  context.features.forEach((f, n) => {
    const name = hostileName(n, String(f.properties.id));
    f.properties.name_zh = name.zh;
    f.properties.name_en = name.en;
  });
  return context;
}

/** Nothing of a payload may exist as markup, nor have run. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  const live = await page.evaluate(() => ({
    elements: document.querySelectorAll("img[src=x], svg[onload], [onerror], [onload]").length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
  }));
  expect(live, where).toEqual({ elements: 0, pwned: null });
  expect(dialogs, `${where}: dialogs`).toEqual([]);
}

let app: AppDriver;
let dataset: Dataset;
let dialogs: string[];

async function openHostile(query: string, { waitForMap = true } = {}): Promise<void> {
  dataset = hostileDataset(builtDataset());
  app = await AppDriver.open(browser(), "", { viewport: VIEWPORT, deferNavigation: true });
  dialogs = [];
  app.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await routeDataset(app.page, { dataset, context: hostileContext() }, "fixtures/hostile");
  await app.goto(query);
  if (waitForMap) await app.waitForMapReady();
}

const area = (id: string) => dataset.areas.find((a) => a.id === id)!;
const industry = (id: string) => dataset.industries.find((i) => i.id === id)!;

describe("hostile text from data is rendered literally", () => {
  beforeEach(() => {
    dialogs = [];
  });
  afterEach(async () => {
    await app?.close();
  });

  it("on the map, in the hover card, lists, legend, filter, search and panels", async () => {
    await openHostile("?lang=en");
    const page = app.page;
    await expectInert(page, dialogs, "first view");

    // the map's HTML labels (areas and the context's neighbours) and the attribution
    const gaoyou = area("gaoyou");
    expect(await page.locator(".map-label[data-place=gaoyou]").textContent()).toBe(gaoyou.name.en);
    const nanjing = await page.locator(".map-label[data-place=nanjing-label]").textContent();
    expect(nanjing, "a neighbour's label").toMatch(/ nanjing-label "><svg onload=window\.__pwned=2>$/);
    const site = dataset.sites.find((x) => x.id === "gaoyou-general-airport")!;
    expect(await page.locator(".map-site[data-place=gaoyou-general-airport]").getAttribute("aria-label")).toBe(site.name.en);
    await page.locator(".maplibregl-ctrl-attrib-button").click();
    expect(await page.locator(".maplibregl-ctrl-attrib-inner").textContent()).toContain(dataset.meta.policy.issuer.en);

    // the title, subtitle and footer
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(dataset.meta.city.name.en);
    expect(await page.locator(".app-footer").textContent()).toContain(dataset.meta.policy.title.en);

    // the place lists, the legend and the filter
    const list = page.getByRole("list", { name: "Matching areas" });
    expect(await list.locator(".place-name").allTextContents()).toEqual(dataset.areas.map((a) => a.name.en));
    expect(await page.locator(".legend-entry[data-industry=metaverse] .legend-name").textContent()).toBe(industry("metaverse").name.en);
    expect(await page.getByRole("checkbox", { name: industry("ccus").name.en, exact: true }).count()).toBe(1);

    // the hover card, from the list
    await list.getByRole("button").nth(5).hover();
    expect(await page.getByTestId("hover-card").textContent()).toContain(gaoyou.name.en);
    await expectInert(page, dialogs, "lists and hover card");

    // an area's details panel: names, evidence, programmes and departments
    await list.getByRole("button").nth(5).click();
    const panel = page.getByRole("region", { name: gaoyou.name.en, exact: true });
    await panel.waitFor();
    const panelText = (await panel.textContent()) ?? "";
    expect(panelText).toContain(industry("low-altitude-economy").name.en);
    expect(panelText).toContain(dataset.assignments.find((a) => a.area === "gaoyou")!.evidence);
    expect(panelText).toContain(dataset.programmes[0]!.name.en);
    expect(panelText).toContain(dataset.departments[0]!.name.en);
    await expectInert(page, dialogs, "area panel");

    // search results, and an industry's panel opened from them
    const search = page.getByRole("combobox");
    await search.fill("ccus");
    const option = page.getByRole("option").first();
    expect(await option.textContent()).toContain(industry("ccus").name.en);
    await search.press("Enter");
    const industryPanel = page.getByRole("region", { name: industry("ccus").name.en, exact: true });
    await industryPanel.waitFor();
    expect(await industryPanel.textContent()).toContain(industry("ccus").description.en);
    expect(await industryPanel.textContent()).toContain(area("etdz").name.en);
    await expectInert(page, dialogs, "search and industry panel");
    app.expectClean();
  });

  it("in the planner's overlap table and findings", async () => {
    // The table and findings do not need the map: no waiting for it on a busy machine.
    await openHostile("?lang=en&view=overlap", { waitForMap: false });
    const table = app.page.getByRole("table").first();
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain(area("etdz").shortName!.en);
    expect(text).toContain(area("gaoyou").name.en);
    expect(text).toContain(industry("metaverse").name.en);
    await expect.poll(() => app.page.getByText(/laid out twice on the same ground: /).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(
      await app.page
        .getByText(/laid out twice on the same ground: /)
        .first()
        .textContent(),
    ).toContain(industry("metaverse").name.en);
    await expectInert(app.page, dialogs, "planner view");
    app.expectClean();
  });

  it("in the share dialog and the CSV export (literal text, formulas neutralised, UTF-8 BOM)", async () => {
    await openHostile("?lang=en");
    await app.page.getByRole("button", { name: "Share & export" }).click();
    const dialog = app.page.getByRole("dialog");
    await dialog.waitFor();
    const snippet = await dialog.getByRole("textbox", { name: "Embed code (iframe)" }).inputValue();
    expect(snippet).toContain(`title="${dataset.meta.city.name.en.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}`);
    await expectInert(app.page, dialogs, "share dialog");

    const [file] = await Promise.all([app.page.waitForEvent("download"), dialog.getByRole("button", { name: "Export CSV" }).click()]);
    const bytes = await readFile((await file.path())!);
    expect([...bytes.subarray(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1));
    const byId = new Map(rows.map((r) => [r[1], r]));
    for (const a of dataset.areas) {
      const cell = byId.get(a.id)![2]!;
      // a cell a spreadsheet would run as a formula gets an apostrophe; everything else is as written
      expect(cell, a.id).toBe(/^[=+\-@]/.test(a.name.en) ? `'${a.name.en}` : a.name.en);
    }
    expect(
      rows.flat().filter((c) => /^[=+\-@]/.test(c)),
      "cells starting a formula",
    ).toEqual([]);
    expect(rows.flat().some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
    await expectInert(app.page, dialogs, "after the export");
    app.expectClean();
  });
});
