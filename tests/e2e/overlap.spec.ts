import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { hatchShareIn } from "./support/hatch";
import { builtDataset } from "./support/dataset";
import { parseCsv } from "../support/parseCsv";
import bbox from "@turf/bbox";
import type { FeatureCollection } from "geojson";
import { project } from "./support/pixels";

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };
// ETDZ (经开区) in the middle of the map: it lies almost wholly inside 邗江区.
const CAMERA = { zoom: 11, lat: 32.3235, lng: 119.37 };
const QUERY = `?lang=en&view=overlap&map=11.00/${CAMERA.lat.toFixed(4)}/${CAMERA.lng.toFixed(4)}`;
const METAVERSE_AREAS = ["Guangling District", "Hanjiang District", "Yizheng City", "ETDZ", "Eco-Tech New City"];

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The share of pixels inside ETDZ's projected box that are the hatch's colour. */
const hatchShareInEtdz = (app: AppDriver) => hatchShareIn(app, "etdz", CAMERA);

describe("the planners' overlap view", () => {
  it("opens from the URL, sorts, focuses a finding on the map, runs a what-if and exports", async () => {
    // given the overlap view opened from a link
    const app = await AppDriver.open(browser(), QUERY, { viewport: VIEWPORT });
    await app.waitForMapReady();
    const page = app.page;
    const table = page.getByRole("table", { name: "Industry by area", exact: true });
    await table.waitFor();
    // then the table has one row per area
    expect(await table.locator("tbody tr").count()).toBe(9);
    expect(await table.locator("thead th").count()).toBe(builtDataset().industries.length + 2);
    const rowNames = () => table.locator("tbody th").allTextContents();

    // when a column heading is clicked, the areas carrying that industry come first
    const metaverseHead = table.locator("thead th", { hasText: "Metaverse" });
    await metaverseHead.getByRole("button").click();
    expect(await metaverseHead.getAttribute("aria-sort")).toBe("descending");
    expect((await rowNames()).slice(0, 5).sort()).toEqual([...METAVERSE_AREAS].sort());
    await table.getByRole("button", { name: /^Area/ }).click();
    expect(await table.locator("thead th").first().getAttribute("aria-sort")).toBe("ascending");
    expect(await metaverseHead.getAttribute("aria-sort")).toBeNull();

    // when the "same ground" metaverse finding is focused, the map hatches the overlap inside ETDZ
    const findings = page.getByRole("list", { name: "Findings", exact: true });
    const sameGround = findings.getByRole("button", {
      name: /^Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ overlap by ≈\d+ km²/,
    });
    await sameGround.waitFor();
    const before = await hatchShareInEtdz(app);
    await app.timeUpdate(() => sameGround.click());
    expect(await sameGround.getAttribute("aria-pressed")).toBe("true");
    const after = await hatchShareInEtdz(app);
    expect(before, "no hatch before the focus").toBeLessThan(0.01);
    expect(after, "hatch colour inside ETDZ after the focus").toBeGreaterThan(before + 0.08);

    // when a finding about ETDZ as a whole is focused instead, the map hatches ETDZ's own feature
    // (the analysis carries no copy of its outline)
    await app.timeUpdate(() => sameGround.click());
    expect(await hatchShareInEtdz(app), "the hatch goes with the focus").toBeLessThan(0.01);
    const wholeArea = findings.getByRole("button", { name: /^ETDZ carries 2 industries/ });
    await app.timeUpdate(() => wholeArea.click());
    expect(await wholeArea.getAttribute("aria-pressed")).toBe("true");
    expect(await hatchShareInEtdz(app), "hatch colour inside ETDZ for the area's finding").toBeGreaterThan(0.08);

    // exports of the published layout
    const matrix = await download(page, () => page.getByRole("button", { name: "CSV: matrix" }).click());
    expect(matrix.name).toBe("industry-by-area.csv");
    expect([...matrix.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const matrixRows = parseCsv(matrix.bytes.toString("utf8").slice(1));
    expect(matrixRows[0]!.slice(0, 4)).toEqual(["Area", "id", "Low-altitude economy", "Metaverse"]);
    expect(matrixRows).toHaveLength(1 + 9 + 1);
    expect(matrixRows.find((r) => r[1] === "hanjiang")!.slice(2, 5)).toEqual(["1", "1", "0"]);
    expect(matrixRows.at(-1)!.slice(0, 4)).toEqual(["Areas", "", "3", "5"]);

    const findingsCsv = await download(page, () => page.getByRole("button", { name: "CSV: findings" }).click());
    expect(findingsCsv.name).toBe("overlap-findings.csv");
    expect([...findingsCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const findingRows = parseCsv(findingsCsv.bytes.toString("utf8").slice(1));
    expect(findingRows[0]!.slice(0, 3)).toEqual(["rank", "kind", "finding"]);
    const sameGroundRow = findingRows.find((r) =>
      r[2]!.startsWith("Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ"),
    );
    expect(sameGroundRow, "the same-ground finding is exported").toBeDefined();
    expect(findingRows.length - 1).toBe(await findings.getByRole("listitem").count());

    const geojson = await download(page, () => page.getByRole("button", { name: "GeoJSON: overlaps" }).click());
    expect(geojson.name).toBe("overlaps.geojson");
    const fc = JSON.parse(geojson.bytes.toString("utf8")) as {
      type: string;
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(fc.type).toBe("FeatureCollection");
    const pair = fc.features.find((f) => f.properties.a === "hanjiang" && f.properties.b === "etdz")!;
    expect(pair.properties.industries).toEqual(["metaverse"]);
    expect(pair.properties.approximate).toBe(true);
    // The ETDZ's extent follows its administered towns (扬子津, 文汇, 施桥, 八里 in 邗江 ≈ 72 km²,
    // 朴席 in 仪征 ≈ 51 km², data/geometry/README.md): it used to sit 97.5 % in 邗江.
    expect(pair.properties.overlapKm2 as number).toBeGreaterThan(65);
    expect(pair.properties.overlapKm2 as number).toBeLessThan(80);
    expect(pair.properties.shareOfB as number).toBeGreaterThan(0.56);
    expect(pair.properties.shareOfB as number).toBeLessThan(0.62);
    expect(["Polygon", "MultiPolygon"]).toContain(pair.geometry.type);

    // when a cell is toggled, a draft starts: the banner says so and the findings follow it
    const cell = table.getByRole("button", { name: "Metaverse in Jiangdu District", exact: true });
    expect(await cell.getAttribute("aria-pressed")).toBe("false");
    await cell.click();
    expect(await cell.getAttribute("aria-pressed")).toBe("true");
    const banner = page.getByText("Draft active — not the published layout");
    await banner.waitFor();
    await findings.getByRole("button", { name: /^Metaverse is given to 6 areas/ }).waitFor();
    const draft = await download(page, () => page.getByRole("button", { name: "Download draft" }).click());
    expect(draft.name).toBe("assignments.draft.json");
    const doc = JSON.parse(draft.bytes.toString("utf8")) as { assignments: { industry: string; area: string }[]; changes: unknown[] };
    expect(doc.changes).toEqual([{ change: "added", industry: "metaverse", area: "jiangdu" }]);
    expect(doc.assignments).toContainEqual({ industry: "metaverse", area: "jiangdu", section: "draft", evidence: "planner draft" });
    // and Reset returns to the published layout
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await banner.waitFor({ state: "detached" });
    expect(await cell.getAttribute("aria-pressed")).toBe("false");
    await findings.getByRole("button", { name: /^Metaverse is given to 5 areas/ }).waitFor();

    // targets: honest about what the data holds
    expect(await page.getByText("0 of ≥3", { exact: true }).count()).toBe(1);
    expect(await page.getByText("not recorded in the data", { exact: true }).count()).toBe(2);

    // back to the map leaves the view
    await page.getByRole("button", { name: /Back to the map/ }).click();
    await table.waitFor({ state: "detached" });
    expect(await app.search()).not.toContain("view=overlap");
    app.expectClean();
    await app.close();
  });

  it("widens over the map without resizing it: its controls stay clear of the pane, and the whole city fits beside it", async () => {
    // a window where the city's width, not its height, decides the fit
    const app = await AppDriver.open(browser(), "?lang=en", { viewport: { width: 1100, height: 900 } });
    await app.waitForMapReady();
    const page = app.page;
    const canvasSize = () => page.locator(".maplibregl-canvas").evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    const before = await canvasSize();
    const paneBefore = (await page.locator(".side-pane").boundingBox())!;
    await page.getByRole("button", { name: "Planner view" }).click();
    await page.getByRole("table", { name: "Industry by area", exact: true }).waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const pane = (await page.locator(".side-pane").boundingBox())!;
    expect(pane.x, "the pane is wider").toBeLessThan(paneBefore.x - 100);
    expect(await canvasSize(), "the map's drawing buffer is the same size").toEqual(before);
    // the zoom buttons, the scale and the attribution are not under the pane
    for (const selector of [".maplibregl-ctrl-zoom-in", ".maplibregl-ctrl-scale", ".maplibregl-ctrl-attrib-button"]) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x + box.width, selector).toBeLessThanOrEqual(pane.x);
    }
    // "Show the whole city" fits the city into the part of the map the pane leaves uncovered
    const mapEl = page.getByTestId("map");
    const cameraNow = () => mapEl.getAttribute("data-camera");
    const moved = async (action: () => Promise<void>) => {
      const was = await cameraNow();
      await action();
      await page.waitForFunction((w) => document.querySelector("[data-testid=map]")!.getAttribute("data-camera") !== w, was);
    };
    await moved(() => page.locator(".maplibregl-ctrl-zoom-in").click());
    await moved(() => page.getByRole("button", { name: "Show the whole city" }).click());
    const [zoom, lat, lng] = (await cameraNow())!.split("/").map(Number) as [number, number, number];
    const map = (await mapEl.boundingBox())!;
    const [west, south, east, north] = bbox(builtDataset().geometry as FeatureCollection);
    const camera = { zoom, lat, lng };
    const eastEdge = map.x + project([east, (south + north) / 2], camera, map).x;
    const westEdge = map.x + project([west, (south + north) / 2], camera, map).x;
    expect(eastEdge, "the city's east edge is left of the pane").toBeLessThan(pane.x);
    expect(westEdge, "and its west edge on the map").toBeGreaterThan(map.x);
    app.expectClean();
    await app.close();
  });

  it("fits a 390 px phone: the matrix scrolls inside its box, the area column stays put", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&view=overlap", { viewport: { width: 390, height: 844 } });
    await app.waitForMapReady();
    const table = app.page.getByRole("table", { name: "Industry by area", exact: true });
    await table.waitFor({ state: "attached" });
    const layout = await table.evaluate((el) => {
      const box = el.parentElement!;
      const first = el.querySelector("tbody th")!;
      const before = first.getBoundingClientRect().left;
      box.scrollLeft = 200;
      return {
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        scrolls: box.scrollWidth > box.clientWidth,
        stuck: Math.abs(first.getBoundingClientRect().left - before) < 1,
        sticky: getComputedStyle(first).position,
      };
    });
    expect(layout.pageOverflow, "no sideways scrolling of the page").toBeLessThanOrEqual(0);
    expect(layout.scrolls).toBe(true);
    expect(layout.sticky).toBe("sticky");
    expect(layout.stuck).toBe(true);
    app.expectClean();
    await app.close();
  });
  it("says which county each zone lies in, and with what share, as approximate", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&view=overlap");
    await app.waitForMapReady();
    const section = app.page.getByRole("region", { name: "Which counties the functional zones lie in" });
    await section.waitFor();
    const text = (await section.textContent()) ?? "";
    expect(text).toMatch(/ETDZ: 5[89]\.\d % in Hanjiang District \(≈7\d\.\d km²\), 4[01]\.\d % in Yizheng City \(≈5\d\.\d km²\)/);
    expect(text).toMatch(/Eco-Tech New City: 100\.0 % in Guangling District/);
    expect(text).toContain("approximate");
    app.expectClean();
    await app.close();
  });
});
