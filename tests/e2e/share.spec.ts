import { parseCsv } from "../support/parseCsv";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { INDUSTRY_COLOURS } from "../../src/domain/palette";
import { distance, hexRgb, imagePixels } from "./support/pixels";
import jsQR from "jsqr";
import type { Download, Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };

async function openShareDialog(app: AppDriver, name: string) {
  await app.page.getByRole("button", { name }).click();
  const dialog = app.page.getByRole("dialog", { name });
  await dialog.waitFor();
  return dialog;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

/** A strict RFC 4180 reader (CRLF rows), as a spreadsheet reads the file. */

describe("share and save", () => {
  it("offers the page's canonical link, and a QR code that decodes back to it", async () => {
    // given the English map filtered to the metaverse
    const app = await AppDriver.open(browser(), "?lang=en&industries=metaverse", { viewport: VIEWPORT });
    await app.waitForMapReady();
    // when the share dialog is opened
    const dialog = await openShareDialog(app, "Share & export");
    // then the link field holds the page's address, filter included
    const link = await dialog.getByRole("textbox", { name: "Link to this view" }).inputValue();
    expect(link).toBe(app.page.url());
    expect(link).toContain("industries=metaverse");
    // and the QR code, read back from its pixels, is that link
    const qr = dialog.getByRole("img", { name: "QR code of the link" });
    await qr.waitFor();
    const pixels = await imagePixels(app.page, (await qr.getAttribute("src"))!);
    const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
    expect(decoded?.data).toBe(link);
    expect(await dialog.textContent()).toContain("WeChat");
    // Escape closes the dialog and gives focus back to its button
    await app.page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe("Share & export");
    app.expectClean();
    await app.close();
  });

  it("saves the map as a PNG picture at least the map's size, with its footer", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&industries=metaverse", { viewport: VIEWPORT });
    await app.waitForMapReady();
    const box = (await app.page.getByTestId("map").boundingBox())!;
    const dialog = await openShareDialog(app, "Share & export");
    const { download: file, bytes } = await download(app.page, () => dialog.getByRole("button", { name: "Save PNG" }).click());
    expect(file.suggestedFilename()).toBe("yangzhou-future-industries.png");
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(Math.floor(box.width));
    expect(height, "the map plus a footer band").toBeGreaterThan(box.height + 40);
    expect(bytes.length, "a drawn map, not a blank picture").toBeGreaterThan(20_000);
    // the map part shows the map itself (the WebGL drawing buffer is not kept between
    // frames, so a careless copy would be blank): on a grid over it, some points carry the
    // filtered industry's own fill colour
    const metaverse = hexRgb(INDUSTRY_COLOURS.metaverse!);
    const rows = Math.floor((box.height * width) / box.width); // the map part of the picture
    const grid = Array.from({ length: 19 * 19 }, (_, n) => ({
      x: (width * (1 + (n % 19))) / 20,
      y: (rows * (1 + Math.floor(n / 19))) / 20,
    }));
    const { data } = await imagePixels(app.page, `data:image/png;base64,${bytes.toString("base64")}`, grid);
    const hits = grid.filter((_, n) => distance(data.slice(n * 4, n * 4 + 3), metaverse) < 40).length;
    expect(hits, "grid points in the metaverse colour").toBeGreaterThanOrEqual(5);
    await expect.poll(() => dialog.getByRole("status").textContent()).toBe("Map image saved.");
    app.expectClean();
    await app.close();
  });

  it("exports the matching areas as CSV: BOM, Chinese text, exactly the list, formulas neutralised", async () => {
    // given a dataset whose ETDZ (a metaverse area) is named like a spreadsheet formula
    const app = await AppDriver.open(browser(), "", { viewport: VIEWPORT, deferNavigation: true });
    await app.page.route("**/data/dataset.json", async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { areas: { id: string; name: { zh: string } }[] };
      json.areas.find((a) => a.id === "etdz")!.name.zh = '=HYPERLINK("x")';
      await route.fulfill({ response, json });
    });
    await app.goto("?industries=metaverse");
    await app.waitForMapReady();
    const listed = await app.page.getByRole("list", { name: "匹配区域" }).locator(".place-name").allTextContents();
    expect(listed.length).toBeGreaterThan(1);
    expect(listed).toContain('=HYPERLINK("x")');
    // when the lists are exported
    const dialog = await openShareDialog(app, "分享与导出");
    const { download: file, bytes } = await download(app.page, () => dialog.getByRole("button", { name: "导出 CSV" }).click());
    expect(file.suggestedFilename()).toBe("yangzhou-matching-places.csv");
    // then the file is UTF-8 with a BOM, in Chinese, listing exactly the matching areas
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["类型", "编号", "名称", "英文名称", "产业", "政策条款"]);
    expect(text).toContain("元宇宙");
    const names = rows.slice(1).map((r) => r[2]);
    // the formula-like name is neutralised with a leading apostrophe, the rest as listed
    expect(names).toEqual(listed.map((n) => (n.startsWith("=") ? `'${n}` : n)));
    expect(rows.find((r) => r[1] === "etdz")![2]).toBe('\'=HYPERLINK("x")');
    expect(text).toContain('"\'=HYPERLINK(""x"")"');
    await expect.poll(() => dialog.getByRole("status").textContent()).toContain(`已导出 ${listed.length} 个地点`);
    app.expectClean();
    await app.close();
  });
});
