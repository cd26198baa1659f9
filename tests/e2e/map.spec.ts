import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { distance, hexRgb, project, samplePixels } from "./support/pixels";
import { builtDataset } from "./support/dataset";
import { INDUSTRY_COLOURS, NEUTRAL_FILL } from "../../src/domain/palette";

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };

/** The map canvas's CSS size and offset in the page. */
async function mapBox(app: AppDriver) {
  const box = await app.page.getByTestId("map").boundingBox();
  if (!box) throw new Error("no map box");
  return box;
}

describe("the map", () => {
  it("shows every industry of a multi-industry area inside it, as stripes (pixel sampling)", async () => {
    // given 邗江区 (low-altitude economy + metaverse) in view at a known camera, with no zone over the sample
    const camera = { zoom: 11, lat: 32.5, lng: 119.39 };
    const app = await AppDriver.open(browser(), `?map=11.00/32.5000/119.3900`, { viewport: VIEWPORT });
    await app.waitForMapReady();
    const box = await mapBox(app);
    // when we read a 24×24 px patch around the camera centre
    const centre = project([camera.lng, camera.lat], camera, box);
    const points = Array.from({ length: 24 * 24 }, (_, n) => ({ x: centre.x - 12 + (n % 24), y: centre.y - 12 + Math.floor(n / 24) }));
    const pixels = await samplePixels(app.page, points);
    // then, classing each pixel by the nearest palette colour (fills are drawn slightly
    // translucent, so they land near, not on, their colour), both industries are there,
    // each on a good share of the patch
    const palette = Object.entries({ ...INDUSTRY_COLOURS, neutral: NEUTRAL_FILL }).map(([id, hex]) => [id, hexRgb(hex)] as const);
    const nearest = (p: number[]) => palette.reduce((best, c) => (distance(p, c[1]) < distance(p, best[1]) ? c : best))[0];
    const share = (id: string) => pixels.filter((p) => nearest(p) === id).length / pixels.length;
    expect(share("low-altitude-economy"), "share of low-altitude blue").toBeGreaterThan(0.2);
    expect(share("metaverse"), "share of metaverse orange").toBeGreaterThan(0.2);
    app.expectClean();
    await app.close();
  });

  it("draws the neighbouring prefectures around the city, labelled in the reader's language", async () => {
    const app = await AppDriver.open(browser(), "?lang=en", { viewport: VIEWPORT });
    await app.waitForMapReady();
    // the quiet context follows the first picture of the areas
    const neighbours = app.page.locator(".map-label.neighbour:not(.collided)");
    await expect.poll(() => neighbours.allTextContents()).toEqual(expect.arrayContaining(["Huai'an", "Taizhou", "Yancheng"]));
    await app.page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => neighbours.allTextContents()).toEqual(expect.arrayContaining(["淮安市", "泰州市", "盐城市"]));
    expect(await app.page.locator(".map-label.neighbour[data-place]").first().isVisible()).toBe(true);
    app.expectClean();
    await app.close();
  });

  it("draws the Chinese labels with a CJK font (without one, Chinese text silently goes missing)", async () => {
    const app = await AppDriver.open(browser(), "?map=9.00/32.8000/119.4000", { viewport: VIEWPORT });
    await app.waitForMapReady();
    const label = app.page.locator(".map-label[data-place=gaoyou]");
    expect(await label.textContent()).toBe("高邮市");
    expect(await label.isVisible()).toBe(true);
    const box = await label.boundingBox();
    expect(box!.width, "three ideographs take room").toBeGreaterThan(30);
    // ask the renderer which font actually drew the glyphs
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: ".map-label[data-place=gaoyou]" });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    expect(fonts.map((f) => f.familyName).join(", ")).toMatch(/CJK|Noto Sans SC|WenQuanYi|Droid Sans Fallback/);
    expect(fonts.reduce((n, f) => n + f.glyphCount, 0)).toBe(3);
    app.expectClean();
    await app.close();
  });

  it("keeps the seats and labels on their places through a pan and a zoom, moving them as one layer on a pan", async () => {
    const dataset = builtDataset();
    const seat = dataset.areas.find((a) => a.id === "gaoyou")!.seat!;
    const app = await AppDriver.open(browser(), "?lang=en&map=9.00/32.8000/119.4000", { viewport: VIEWPORT });
    await app.waitForMapReady();
    const box = await mapBox(app);
    const dot = app.page.locator(".map-seat[data-place=gaoyou]");
    const camera = async () => {
      const [zoom, lat, lng] = ((await app.page.getByTestId("map").getAttribute("data-camera")) ?? "").split("/").map(Number);
      return { zoom: zoom!, lat: lat!, lng: lng! };
    };
    // the seat dot's centre against the seat projected with the camera the map reports
    const offPlace = async () => {
      const r = (await dot.boundingBox())!;
      const p = project(seat, await camera(), box);
      return Math.hypot(r.x + r.width / 2 - box.x - p.x, r.y + r.height / 2 - box.y - p.y);
    };
    expect(await offPlace()).toBeLessThan(1.5);
    const before = await dot.evaluate((el) => el.style.transform);
    const label = app.page.locator(".map-label[data-place=gaoyou]");
    // where the label sits relative to the seat dot (a pan must not change it)
    const apart = async () => {
      const [l, d] = [(await label.boundingBox())!, (await dot.boundingBox())!];
      return [Math.round(l.x - d.x), Math.round(l.y - d.y)];
    };
    const apartBefore = await apart();

    // when the reader drags the map
    const cameraBefore = await app.page.getByTestId("map").getAttribute("data-camera");
    await app.page.mouse.move(box.x + 640, box.y + 400);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + 520, box.y + 330, { steps: 6 });
    await app.page.mouse.up();
    await expect.poll(() => app.page.getByTestId("map").getAttribute("data-camera")).not.toBe(cameraBefore);
    await expect.poll(offPlace, { timeout: 5000 }).toBeLessThan(1.5);
    expect(await apart(), "the label moved with its seat").toEqual(apartBefore);
    // then the dot moved with the map while its own position was not rewritten: the pan moved their layer
    expect(await dot.evaluate((el) => el.style.transform)).toBe(before);

    // and after a zoom (one step: a whole zoom level) the dot is still on the seat
    await app.page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(async () => (await camera()).zoom, { timeout: 5000 }).toBe(10);
    await expect.poll(offPlace, { timeout: 5000 }).toBeLessThan(1.5);
    app.expectClean();
    await app.close();
  });

  it("places its labels by the sizes the browser reports after layout, reading none itself", async () => {
    // given a page that counts reads of a label's size (each read forces a layout of the page
    // when anything was written to it earlier in the frame, as React does when data arrives)
    const app = await AppDriver.open(browser(), "", { viewport: VIEWPORT, deferNavigation: true });
    await app.page.addInitScript(() => {
      const w = window as unknown as { __labelReads: number };
      w.__labelReads = 0;
      for (const name of ["offsetWidth", "offsetHeight"] as const) {
        const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)!;
        Object.defineProperty(HTMLElement.prototype, name, {
          get(this: HTMLElement) {
            if (this.classList.contains("map-label")) w.__labelReads++;
            return own.get!.call(this);
          },
        });
      }
    });
    await app.goto("?map=9.00/32.6000/119.4000");
    await app.waitForMapReady();
    const shown = app.page.locator(".map-label:not(.collided):not(.kind-hidden)");
    await expect.poll(() => shown.count()).toBeGreaterThan(3);
    // when the labels' text changes (the language), and with it their sizes
    await app.page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => app.page.locator(".map-label", { hasText: "Gaoyou" }).count()).toBeGreaterThan(0);
    // then the labels shown overlap none of each other (placed by their new sizes)
    const overlapping = async () => {
      const boxes = await shown.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b))).length;
    };
    await expect.poll(overlapping, { message: "labels drawn over each other", timeout: 5000 }).toBe(0);
    expect(await shown.count()).toBeGreaterThan(3);
    // and no size was read from a label: the ResizeObserver's reports were enough
    expect(await app.page.evaluate(() => (window as unknown as { __labelReads: number }).__labelReads)).toBe(0);
    app.expectClean();
    await app.close();
  });

  it("highlights on hover and selects on click; the selection goes to the URL and the list", async () => {
    const dataset = builtDataset();
    const camera = { zoom: 8, lat: 32.75, lng: 119.42 };
    const app = await AppDriver.open(browser(), `?lang=en&map=8.00/32.7500/119.4200`, { viewport: VIEWPORT });
    await app.waitForMapReady();
    const box = await mapBox(app);
    const seat = dataset.areas.find((a) => a.id === "gaoyou")!.seat!;
    // a point in 高邮市 away from its seat dot and any site
    const p = project([seat[0] + 0.06, seat[1] + 0.05], camera, box);
    await app.page.mouse.move(box.x + p.x, box.y + p.y);
    await expect.poll(() => app.page.getByTestId("hover-card").textContent()).toContain("Gaoyou City");
    expect(await app.page.getByTestId("hover-card").textContent()).toContain("Low-altitude economy");
    await app.page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => app.search()).toContain("area=gaoyou");
    const item = app.page.getByRole("list", { name: "Matching areas" }).getByRole("button", { name: /^Gaoyou City/ });
    expect(await item.getAttribute("aria-current")).toBe("true");
    // clicking outside the city clears the selection
    const outside = project([120.1, 32.75], camera, box);
    await app.page.mouse.click(box.x + outside.x, box.y + outside.y);
    await expect.poll(() => app.search()).not.toContain("area=");
    app.expectClean();
    await app.close();
  });

  it("restores the view from the area and map URL parameters, and keeps them canonical", async () => {
    const app = await AppDriver.open(browser(), "?map=10.5/32.3/119.4&area=etdz", { viewport: VIEWPORT });
    await app.waitForMapReady();
    expect(await app.search()).toBe("?area=etdz&map=10.50/32.3000/119.4000");
    expect(await app.page.getByTestId("map").getAttribute("data-camera")).toBe("10.50/32.3000/119.4000");
    const item = app.page.getByRole("list", { name: "匹配区域" }).getByRole("button", { name: /^扬州经济技术开发区/ });
    expect(await item.getAttribute("aria-current")).toBe("true");
    // panning by hand writes the camera back to the URL (replacing, not pushing, history)
    const length = await app.page.evaluate(() => history.length);
    const box = await mapBox(app);
    await app.page.mouse.move(box.x + 600, box.y + 400);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + 500, box.y + 350, { steps: 5 });
    await app.page.mouse.up();
    await expect.poll(() => app.search()).not.toContain("map=10.50/32.3000/119.4000");
    expect(await app.search()).toMatch(/^\?area=etdz&map=10\.50\/32\.\d{4}\/119\.\d{4}$/);
    expect(await app.page.evaluate(() => history.length)).toBe(length);
    app.expectClean();
    await app.close();
  });

  it("shows the schematic-map notice while no 审图号 is configured, and the configured line otherwise", async () => {
    const plain = await AppDriver.open(browser(), "?lang=en");
    await plain.waitForMapReady();
    expect(await plain.page.getByTestId("schematic-notice").textContent()).toContain("Schematic map for reference only");
    plain.expectClean();
    await plain.close();
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    await app.page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ reviewNumber: "苏S(2099)001号" }) }),
    );
    await app.goto();
    await app.waitForMapReady();
    expect(await app.page.getByTestId("review-number").textContent()).toBe("审图号:苏S(2099)001号");
    expect(await app.page.getByTestId("schematic-notice").count()).toBe(0);
    app.expectClean();
    await app.close();
  });
});
