import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { zip } from "@mapbox/shp-write";
import gcoord from "gcoord";
import type { Page } from "playwright-core";
import type { Polygon } from "geojson";
import { sharedBrowser } from "./support/browser-suite";
import { changeRows, download, expectQuiet, openWorkbench, ready } from "./support/workbench-driver";
import type { AppDriver } from "./support/app-driver";

// The workbench's imports (issue 16, "Done when" 2, 3, 6 and 8), on the production build: a
// 5-row XLSX with two bad rows imports three sites and lists the two by row and column; a
// zone outline given in GCJ-02 changes the zone's area and containment and goes into the
// draft only with its provenance; an outline drawn with the mouse is published; KML and a
// zipped shapefile give the same geometry as the GeoJSON, through the page.
const browser = sharedBrowser();

type Ring = [number, number][];
/** A rectangle in the east of the development zone's schematic extent (WGS84). */
const EAST_ETDZ: Ring = [
  [119.37, 32.27],
  [119.41, 32.27],
  [119.41, 32.3],
  [119.37, 32.3],
  [119.37, 32.27],
];
const toGcj02 = (ring: Ring): Ring => ring.map((p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number]);

/** The script chunks the page has requested so far, by name (Vite names a lazy chunk after its module). */
function chunks(page: Page): () => string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    const m = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(r.url());
    if (m) seen.push(m[1]!);
  });
  return () => seen;
}

async function openImport(app: AppDriver, button: "Import spreadsheet" | "Import outline"): Promise<Page> {
  const { page } = app;
  await ready(page);
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("dialog", { name: button }).waitFor();
  return page;
}

/** Leaves nothing behind for the other tests of this browser. */
async function discard(page: Page): Promise<void> {
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Discard draft", exact: true }).click();
  await page.getByText("No changes.", { exact: true }).waitFor();
}

async function zoneFigure(page: Page, zone: string, column: number): Promise<string> {
  const cell = page.getByTestId("zone-figures").locator(`tr[data-zone="${zone}"] td`).nth(column);
  await expect.poll(() => cell.textContent()).not.toBe("Computing…");
  return (await cell.textContent()) ?? "";
}

async function fillProvenance(page: Page, approximate: boolean): Promise<void> {
  await page.getByLabel(approximate ? "Schematic (approximate)" : "Official (not approximate)", { exact: true }).check();
  await page.getByLabel("Outline source", { exact: true }).fill("扬州市自然资源和规划局");
  await page.getByLabel("Outline date", { exact: true }).fill("2026-11-30");
  await page.getByLabel("Licence or terms of use", { exact: true }).fill("公开发布,注明来源");
}

async function publishedOutline(page: Page, area: string): Promise<{ geometry: Polygon; properties: Record<string, unknown> }> {
  const file = await download(page, "Download dataset.json");
  const dataset = JSON.parse(file.bytes.toString("utf8")) as {
    geometry: { features: { properties: Record<string, unknown>; geometry: Polygon }[] };
  };
  const feature = dataset.geometry.features.find((f) => f.properties.id === area);
  if (!feature) throw new Error(`no outline of ${area} in dataset.json`);
  return feature;
}

describe("the workbench's imports", () => {
  it("imports the 3 valid rows of a 5-row XLSX and lists the 2 bad ones by row and column", async () => {
    const app = await openWorkbench(browser(), "?lang=en", { deferNavigation: true });
    const loaded = chunks(app.page);
    await app.goto("edit.html?lang=en");
    const page = await openImport(app, "Import spreadsheet");
    // SheetJS comes with the first spreadsheet, not with the page or the dialog.
    expect(loaded()).toContain("SheetImportDialog");
    expect(loaded()).not.toContain("xlsxFile");
    const header = [
      "Name (Chinese)",
      "Name (English)",
      "Status",
      "Longitude",
      "Latitude",
      "Location (Chinese)",
      "Location (English)",
      "Source title",
    ];
    const row = (zh: string, en: string, status: string, lng: number | string, lat: number) => [
      zh,
      en,
      status,
      lng,
      lat,
      "高邮市",
      "Gaoyou",
      "测试来源",
    ];
    const sheet = XLSX.utils.aoa_to_sheet([
      header,
      row("测试站点一", "Test site one", "related-site", 119.45, 32.78),
      row("测试站点二", "Test site two", "candidate", 119.46, 32.79),
      row("测试站点三", "Test site three", "related-site", "东经119度", 32.8),
      row("测试站点四", "Test site four", "相关站点", 119.47, 32.8),
      row("测试站点五", "Test site five", "approved", 119.48, 32.81),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "Sites");
    const bytes = Buffer.from(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
    await page
      .getByLabel("Spreadsheet file (CSV or XLSX)", { exact: true })
      .setInputFiles({ name: "sites.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    const errors = page.getByRole("list", { name: "Rows that cannot be imported" });
    await errors.waitFor();
    expect(loaded()).toContain("xlsxFile");
    expect(await errors.locator("li").allTextContents()).toEqual([
      "row 4 · Longitude: not a number",
      "row 6 · Status: “approved” is not a status (Designated pilot park, Candidate or Related site)",
    ]);
    await page.getByRole("button", { name: "Import 3 sites", exact: true }).click();
    await page.getByText("3 sites put into the draft.", { exact: true }).waitFor();
    expect(await changeRows(page)).toEqual([
      "sites.json › test-site-one · added",
      "sites.json › test-site-two · added",
      "sites.json › test-site-four · added",
    ]);
    await discard(page);
    expectQuiet(app);
    await app.close();
  });

  it("replaces a zone outline given in GCJ-02: its area and containment change, and it needs its provenance", async () => {
    const app = await openWorkbench(browser());
    const page = await openImport(app, "Import outline");
    const dialog = page.getByRole("dialog", { name: "Import outline" });
    await dialog.getByLabel("Area", { exact: true }).selectOption("etdz");
    const geojson = { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [toGcj02(EAST_ETDZ)] } };
    await dialog
      .getByLabel(/^Outline file/)
      .setInputFiles({ name: "etdz.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(geojson)) });
    await dialog
      .getByRole("group", { name: "Coordinate system" })
      .getByRole("radio", { name: /GCJ-02/ })
      .check();
    const before = await zoneFigure(page, "etdz", 0);
    const after = await zoneFigure(page, "etdz", 1);
    expect(before).toMatch(/in Hanjiang.*in Yizheng/);
    // Both the zone's area and the counties it lies in, with their shares, change.
    const [areaBefore, inBefore] = before.split(" · ");
    const [areaAfter, inAfter] = after.split(" · ");
    expect(areaAfter).toMatch(/^\d+\.\d km²$/);
    expect(areaAfter).not.toBe(areaBefore);
    expect(inAfter).not.toBe(inBefore);
    // Without its flag and provenance it cannot go into the draft, so nothing can be published with it.
    const apply = dialog.getByRole("button", { name: "Put into the draft", exact: true });
    expect(await apply.isDisabled()).toBe(true);
    expect(await dialog.getByRole("list", { name: "To settle before it goes into the draft" }).locator("li").allTextContents()).toEqual([
      "say whether the outline is schematic (approximate)",
      "name the outline's source",
      "give the outline's date (YYYY-MM-DD)",
      "give the outline's licence or terms of use",
    ]);
    await fillProvenance(page, false);
    await apply.click();
    await dialog.getByText(/^The new outline of .* is in the draft\.$/).waitFor();
    expect((await changeRows(page)).some((r) => r.startsWith("geometry/zones.geojson › etdz › "))).toBe(true);
    // The draft's figures follow the new outline.
    await expect.poll(() => zoneFigure(page, "etdz", 0)).toBe(after);
    const published = await publishedOutline(page, "etdz");
    expect(published.properties).toMatchObject({
      approximate: false,
      provenance: { source: "扬州市自然资源和规划局", date: "2026-11-30", licence: "公开发布,注明来源" },
    });
    const ring = published.geometry.coordinates[0]!;
    expect(ring).toHaveLength(EAST_ETDZ.length);
    for (const [lng, lat] of ring) expect(EAST_ETDZ.some(([x, y]) => Math.abs(x - lng!) < 1e-6 && Math.abs(y - lat!) < 1e-6)).toBe(true);
    await discard(page);
    expectQuiet(app);
    await app.close();
  });

  it("draws a 4-vertex outline with the mouse and publishes it", async () => {
    const app = await openWorkbench(browser(), "?lang=en", { deferNavigation: true });
    const loaded = chunks(app.page);
    await app.goto("edit.html?lang=en");
    const page = await openImport(app, "Import outline");
    const dialog = page.getByRole("dialog", { name: "Import outline" });
    await dialog.getByLabel("Area", { exact: true }).selectOption("eco-tech-city");
    // terra-draw comes when drawing starts; the outline readers with the first file.
    expect(loaded()).not.toContain("OutlineDrawController");
    expect(loaded()).not.toContain("outlineFiles");
    await page.locator('[data-testid="workbench-map"][data-ready="true"]').waitFor();
    await dialog.getByRole("button", { name: "Draw on the map", exact: true }).click();
    await dialog.getByText(/^Click each vertex on the map/).waitFor();
    await expect.poll(() => loaded().includes("OutlineDrawController")).toBe(true);
    expect(loaded()).not.toContain("outlineFiles");
    const box = (await page.getByTestId("workbench-map").locator("canvas").boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const vertices: [number, number][] = [
      [cx - 70, cy - 50],
      [cx + 70, cy - 50],
      [cx + 70, cy + 50],
      [cx - 70, cy + 50],
    ];
    for (const [x, y] of vertices) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
    }
    await page.mouse.move(vertices[0]![0], vertices[0]![1]);
    await page.mouse.click(vertices[0]![0], vertices[0]![1]);
    await dialog.getByText("New outline: drawn on the map", { exact: true }).waitFor();
    await fillProvenance(page, true);
    const apply = dialog.getByRole("button", { name: "Put into the draft", exact: true });
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await dialog.getByText(/^The new outline of .* is in the draft\.$/).waitFor();
    const published = await publishedOutline(page, "eco-tech-city");
    expect(published.geometry.type).toBe("Polygon");
    expect(published.geometry.coordinates).toHaveLength(1);
    expect(published.geometry.coordinates[0]).toHaveLength(5);
    expect(published.properties).toMatchObject({ approximate: true, provenance: { source: "扬州市自然资源和规划局" } });
    await discard(page);
    expectQuiet(app);
    await app.close();
  });

  it("gives the same geometry from KML and a zipped shapefile as from the GeoJSON", async () => {
    const app = await openWorkbench(browser());
    const page = await openImport(app, "Import outline");
    const dialog = page.getByRole("dialog", { name: "Import outline" });
    await dialog.getByLabel("Area", { exact: true }).selectOption("etdz");
    await fillProvenance(page, true);
    const collection = {
      type: "FeatureCollection" as const,
      features: [
        { type: "Feature" as const, properties: { name: "etdz" }, geometry: { type: "Polygon" as const, coordinates: [EAST_ETDZ] } },
      ],
    };
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>etdz</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${EAST_ETDZ.map(([x, y]) => `${x},${y},0`).join(" ")}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const shapefile = Buffer.from(await zip<"uint8array">(collection, { outputType: "uint8array", compression: "DEFLATE" }));
    const files = [
      { name: "etdz.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify(collection)) },
      { name: "etdz.kml", mimeType: "application/vnd.google-earth.kml+xml", buffer: Buffer.from(kml) },
      { name: "etdz.zip", mimeType: "application/zip", buffer: shapefile },
    ];
    const geometries: Polygon[] = [];
    for (const file of files) {
      await dialog.getByLabel(/^Outline file/).setInputFiles(file);
      await dialog.getByText(`New outline: ${file.name}`, { exact: true }).waitFor();
      await dialog.getByRole("button", { name: "Put into the draft", exact: true }).click();
      await dialog.getByText(/^The new outline of .* is in the draft\.$/).waitFor();
      geometries.push((await publishedOutline(page, "etdz")).geometry);
    }
    expect(geometries[0]!.coordinates[0]).toHaveLength(EAST_ETDZ.length);
    expect(geometries[1]).toEqual(geometries[0]);
    expect(geometries[2]).toEqual(geometries[0]);
    await discard(page);
    expectQuiet(app);
    await app.close();
  });
});
