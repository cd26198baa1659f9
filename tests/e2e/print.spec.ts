import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { imagePixels } from "./support/pixels";
import { MARKER_CLASSES } from "../../src/contracts/markerClasses";

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };

/** What the page records of each cover over the map being framed: the places shown the frame before, and the cover's. */
type CoverRecord = { covers: { before: string[]; cover: string[] }[] };

/** Pages of a PDF: its page objects (Chromium writes them uncompressed) and the page tree's count agree. */
function pdfPages(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  const objects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const count = Number(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text)?.[1] ?? /\/Count\s+(\d+)/.exec(text)?.[1]);
  expect(count, "the page tree's count").toBe(objects);
  return objects;
}

/** The profile's map picture once composed: its address, size in bytes and pixel size. */
async function printedMap(page: Page): Promise<{ src: string; bytes: number; width: number; height: number }> {
  const img = page.locator(".print-profile img[data-testid=print-map]");
  await img.waitFor({ state: "attached", timeout: 45_000 });
  return img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const blob = await (await fetch(el.src)).blob();
    return { src: el.src, bytes: blob.size, width: el.naturalWidth, height: el.naturalHeight };
  });
}

/** Controls (buttons, fields, links styled as buttons) and canvases the printer would show. */
function printedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("button, input, select, textarea, canvas, [role=button]")]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 30) ?? ""}`),
  );
}

/** How much of the picture is not plain white or one flat colour, on a grid. */
async function varied(page: Page, src: string, width: number, height: number): Promise<{ nonWhite: number; colours: number }> {
  const grid = Array.from({ length: 15 * 15 }, (_, n) => ({
    x: (width * (1 + (n % 15))) / 16,
    y: (height * (1 + Math.floor(n / 15))) / 16,
  }));
  const { data } = await imagePixels(page, src, grid);
  const colours = new Set<string>();
  let nonWhite = 0;
  for (let n = 0; n < grid.length; n++) {
    const [r, g, b] = [data[n * 4]!, data[n * 4 + 1]!, data[n * 4 + 2]!];
    if (r < 245 || g < 245 || b < 245) nonWhite++;
    colours.add(`${r >> 4},${g >> 4},${b >> 4}`);
  }
  return { nonWhite: nonWhite / grid.length, colours: colours.size };
}

describe("the printed profile", () => {
  it("prints an open area's profile from its Print button: A4, at most two pages, no control, the framed map", async () => {
    // given the Chinese map with the ETDZ's panel open
    const app = await AppDriver.open(browser(), "?area=etdz", { viewport: VIEWPORT });
    await app.waitForMapReady();
    const panel = app.page.getByRole("region", { name: "扬州经济技术开发区(经开区)" });
    await panel.waitFor();
    const cameraBefore = await app.page.getByTestId("map").getAttribute("data-camera");
    // then its map picture is composed at print resolution, and not blank
    const map = await printedMap(app.page);
    expect(map.src).toMatch(/^blob:/);
    expect(map.width, "print resolution: well above the map's own width").toBeGreaterThanOrEqual(1700);
    expect(map.bytes, "a drawn map, not an empty picture").toBeGreaterThan(30_000);
    const look = await varied(app.page, map.src, map.width, map.height);
    expect(look.nonWhite).toBeGreaterThan(0.5);
    expect(look.colours).toBeGreaterThan(3);
    // and the reader's map is back where it was, uncovered
    await expect.poll(() => app.page.getByTestId("map").getAttribute("data-camera")).toBe(cameraBefore);
    await expect.poll(() => app.page.locator("[data-testid=map] > canvas:not(.maplibregl-canvas)").count()).toBe(0);

    // when the Print button is pressed, the browser's print is asked for
    await app.page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void (w.printed += 1);
    });
    await panel.getByRole("button", { name: "打印简介" }).click();
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // and what prints is the profile alone
    await app.page.emulateMedia({ media: "print" });
    expect(await printedControls(app.page)).toEqual([]);
    const heading = app.page.getByRole("heading", { level: 1, name: "扬州经济技术开发区(经开区)" });
    expect(await heading.isVisible()).toBe(true);
    const profile = app.page.locator(".print-profile");
    const text = (await profile.textContent()) ?? "";
    expect(text).toContain("Yangzhou Economic and Technological Development Zone");
    for (const part of [
      "元宇宙",
      "二(一)2",
      "〔重点布局:扬州经开区〕",
      "未来产业技术策源工程",
      "牵头部门",
      "保障措施",
      "联系方式",
      "数据截至",
      "示意图",
      "在线查看",
    ]) {
      expect(text, part).toContain(part);
    }
    expect(text).toContain(app.page.url());
    expect(await profile.getByRole("img", { name: "在线视图的二维码" }).isVisible()).toBe(true);
    expect(await profile.getByRole("img", { name: /地图$/ }).isVisible()).toBe(true);
    const pdf = await app.page.pdf({ format: "A4" });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    app.expectClean();
    await app.close();
  });

  it("makes Ctrl+P on an open industry panel print its profile, in English", async () => {
    // given the English map with the metaverse's panel open (nothing pressed)
    const app = await AppDriver.open(browser(), "?lang=en&industry=metaverse", { viewport: VIEWPORT });
    await app.waitForMapReady();
    await app.page.getByRole("region", { name: "Metaverse" }).waitFor();
    const map = await printedMap(app.page);
    expect(map.bytes).toBeGreaterThan(30_000);
    // when the page prints as the browser would print it
    await app.page.emulateMedia({ media: "print" });
    // then the profile is what prints: the industry's names, its areas, the map, no control
    expect(await printedControls(app.page)).toEqual([]);
    expect(await app.page.getByRole("heading", { level: 1, name: "Metaverse" }).isVisible()).toBe(true);
    const text = (await app.page.locator(".print-profile").textContent()) ?? "";
    for (const part of [
      "元宇宙",
      "Industry profile",
      "Where it is laid out",
      "Guangling",
      "Sub-directions",
      "Lead departments",
      "View online",
    ]) {
      expect(text, part).toContain(part);
    }
    const pages = pdfPages(await app.page.pdf({ format: "A4" }));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    app.expectClean();
    await app.close();
  });

  it("fits the longest area profiles, in English, on two pages", async () => {
    // the zones with two industries each, in the longer language
    for (const area of ["etdz", "eco-tech-city"]) {
      const app = await AppDriver.open(browser(), `?lang=en&area=${area}`, { viewport: VIEWPORT });
      await app.waitForMapReady();
      await printedMap(app.page);
      await app.page.emulateMedia({ media: "print" });
      expect(pdfPages(await app.page.pdf({ format: "A4" })), area).toBeLessThanOrEqual(2);
      app.expectClean();
      await app.close();
    }
  });

  it("frames the map once it arrives, when the panel opened before the map's code", async () => {
    // given a page whose map chunk is held back until the panel's profile is in the page
    const app = await AppDriver.open(browser(), "", { deferNavigation: true, viewport: VIEWPORT });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await app.page.route(/\/assets\/IndustryMap-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await app.goto("?lang=en&area=etdz");
    await app.page.locator(".print-profile[data-print-target=etdz]").waitFor({ state: "attached", timeout: 45_000 });
    release();
    // then the profile's map picture is composed once the map is ready
    await app.waitForMapReady();
    const { width, bytes } = await printedMap(app.page);
    expect(width).toBeGreaterThan(1000);
    expect(bytes).toBeGreaterThan(10_000);
    app.expectClean();
    await app.close();
  });

  it("covers the map being framed with what the reader saw, its labels and markers included", async () => {
    // given a panel opened from the address on a phone (its profile frames the map for its picture at once)
    const app = await AppDriver.open(browser(), "", { deferNavigation: true, viewport: { width: 390, height: 844 } });
    await app.page.addInitScript((coverClass: string) => {
      const shown = (root: Element) =>
        [...root.querySelectorAll(".map-label, .map-site, .map-seat")]
          .filter((el) => getComputedStyle(el).visibility !== "hidden")
          .map((el) => `${el.className.split(" ")[0]}:${el.getAttribute("data-place")}`)
          .sort();
      const w = window as unknown as CoverRecord;
      w.covers = [];
      let before: string[] = [];
      const watch = () => {
        const layer = document.querySelector(".maplibregl-canvas-container .place-layer");
        if (layer) before = shown(layer);
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.classList.contains(coverClass)) w.covers.push({ before, cover: shown(node) });
      }).observe(document, { childList: true, subtree: true });
    }, MARKER_CLASSES.cover);
    await app.goto("?lang=zh&area=etdz");
    await app.waitForMapReady();
    await printedMap(app.page);
    // then the cover held the places the reader saw the frame before, county names among them
    const covers = await app.page.evaluate(() => (window as unknown as CoverRecord).covers);
    expect(covers.length).toBeGreaterThan(0);
    expect(covers[0]!.before.filter((p) => p.startsWith("map-label:")).length).toBeGreaterThan(5);
    expect(covers[0]!.cover).toEqual(covers[0]!.before);
    // and the picture was framed on the live places, not on the cover's copies
    expect(await app.page.locator(`.${MARKER_CLASSES.cover}`).count()).toBe(0);
    app.expectClean();
    await app.close();
  });

  it("gives the map back at once to a reader who drags it while it is framed, over a copied site too", async () => {
    const app = await AppDriver.open(browser(), "", { deferNavigation: true, viewport: VIEWPORT });
    // a slower processor, so the framing lasts long enough to be caught
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await app.goto("?lang=zh&area=etdz");
    const cover = app.page.locator(`.${MARKER_CLASSES.cover}`);
    await cover.waitFor({ state: "attached", timeout: 45_000 });
    await app.page.evaluate(() =>
      document.addEventListener(
        "pointerdown",
        (e) => {
          const w = window as unknown as { down?: { cover: boolean; target: string } };
          w.down ??= { cover: document.querySelector(".place-cover") !== null, target: (e.target as Element).className };
        },
        { capture: true },
      ),
    );
    // when the reader drags the map from a copied site's place
    const site = (await cover.locator(".map-site").first().boundingBox())!;
    const [x, y] = [site.x + site.width / 2, site.y + site.height / 2];
    await app.page.mouse.move(x, y);
    await app.page.mouse.down();
    await app.page.mouse.move(x + 60, y + 40, { steps: 4 });
    await app.page.mouse.up();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    // then the press met the map under the cover (not a copy), the cover went, the camera is theirs
    const down = await app.page.evaluate(() => (window as unknown as { down?: { cover: boolean; target: string } }).down);
    expect(down).toEqual({ cover: true, target: "maplibregl-canvas" });
    expect(await cover.count()).toBe(0);
    await expect.poll(() => app.page.evaluate(() => new URLSearchParams(location.search).has("map")), { timeout: 10_000 }).toBe(true);
    // and the picture is still made, once they have let go
    expect((await printedMap(app.page)).bytes).toBeGreaterThan(10_000);
    app.expectClean();
    await app.close();
  });

  it("keeps the screen free of the profile", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&area=gaoyou", { viewport: VIEWPORT });
    await app.waitForMapReady();
    await printedMap(app.page);
    expect(await app.page.locator(".print-profile").isVisible()).toBe(false);
    expect(await app.page.getByRole("heading", { level: 1, name: "Gaoyou" }).count()).toBe(0);
    expect(await app.page.getByTestId("map").isVisible()).toBe(true);
    app.expectClean();
    await app.close();
  });
});
