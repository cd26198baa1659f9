import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { distance, hexRgb, project, samplePixels } from "./support/pixels";
import { builtDataset } from "./support/dataset";
import { routeDataset } from "./support/routed-dataset";
import { hatchShareIn } from "./support/hatch";
import { tileDataset } from "../../scripts/tiles/tiledDataset";
import { INDUSTRY_COLOURS, NEUTRAL_FILL } from "../../src/domain/palette";

// A tiled dataset on the unchanged app: Yangzhou as the build publishes it, cut into vector
// tiles by the build's own tileDataset with the threshold forced to 0, and served at the
// paths a routed config.json names (dataset.json, its tile folder and overlap result beside it).

const browser = sharedBrowser();
const VIEWPORT = { width: 1280, height: 800 };
const PATH = "fixtures/tiled";
const built = builtDataset();
const tiled = tileDataset(built, { thresholdBytes: 0 })!;

async function openTiled(
  query: string,
  hold: (path: string) => boolean = () => false,
  replaced: (path: string) => string | undefined = () => undefined,
): Promise<{ app: AppDriver; requested: string[] }> {
  const app = await AppDriver.open(browser(), "", { viewport: VIEWPORT, deferNavigation: true });
  const context = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../dist/data/context.json"), "utf8"));
  await routeDataset(app.page, { dataset: tiled.dataset, context }, PATH);
  const requested: string[] = [];
  await app.page.route(`**/${PATH}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.split(`/${PATH}/`)[1]!;
    const file = tiled.files.get(path);
    if (!file) return route.fallback();
    requested.push(path);
    if (hold(path)) return route.fulfill({ status: 503, body: "held back by the test" });
    return route.fulfill({
      status: 200,
      contentType: path.endsWith(".json") ? "application/json" : "application/x-protobuf",
      body: replaced(path) ?? Buffer.from(file),
    });
  });
  await app.goto(query);
  await app.waitForMapReady();
  return { app, requested };
}

const palette = Object.entries({ ...INDUSTRY_COLOURS, neutral: NEUTRAL_FILL }).map(([id, hex]) => [id, hexRgb(hex)] as const);
const nearest = (p: number[]) => palette.reduce((best, c) => (distance(p, c[1]) < distance(p, best[1]) ? c : best))[0];

async function patch(app: AppDriver, at: [number, number], camera: { zoom: number; lat: number; lng: number }) {
  const box = (await app.page.getByTestId("map").boundingBox())!;
  const centre = project(at, camera, box);
  const points = Array.from({ length: 16 * 16 }, (_, n) => ({ x: centre.x - 8 + (n % 16), y: centre.y - 8 + Math.floor(n / 16) }));
  return samplePixels(app.page, points);
}

describe("a tiled dataset", () => {
  it("is drawn from its tiles: every place in data-rendered, a two-industry area in both industries' stripes", async () => {
    // given the tiled dataset, whose dataset.json holds no polygons
    expect(tiled.dataset.geometry.features).toHaveLength(0);
    const camera = { zoom: 11, lat: 32.5, lng: 119.39 };
    const { app, requested } = await openTiled(`?lang=en&map=11.00/32.5000/119.3900`);
    // then the map read tiles of the dataset's content-hashed folder
    const folder = tiled.dataset.tiles!.url.split("/{z}")[0]!;
    expect(requested.filter((p) => p.startsWith(`${folder}/`) && p.endsWith(".pbf")).length).toBeGreaterThan(0);
    // and 邗江区 (low-altitude economy + metaverse) shows both colours (fill and pattern read by id)
    const pixels = await patch(app, [camera.lng, camera.lat], camera);
    const share = (id: string) => pixels.filter((p) => nearest(p) === id).length / pixels.length;
    expect(share("low-altitude-economy"), "share of low-altitude blue").toBeGreaterThan(0.2);
    expect(share("metaverse"), "share of metaverse orange").toBeGreaterThan(0.2);
    // and at the city's frame every area is among the drawn places
    app.expectClean();
    await app.close();

    const whole = await openTiled("?lang=en");
    const rendered = ((await whole.app.page.getByTestId("map").getAttribute("data-rendered")) ?? "").split(",");
    expect(rendered).toEqual(expect.arrayContaining(built.areas.map((a) => a.id)));
    whole.app.expectClean();
    await whole.app.close();
  });

  it("answers hover and click from the tile features, and the filter dims through their feature state", async () => {
    const camera = { zoom: 8, lat: 32.75, lng: 119.42 };
    const { app } = await openTiled(`?lang=en&map=8.00/32.7500/119.4200`);
    const box = (await app.page.getByTestId("map").boundingBox())!;
    const seat = built.areas.find((a) => a.id === "gaoyou")!.seat!;
    const at: [number, number] = [seat[0] + 0.06, seat[1] + 0.05];
    const p = project(at, camera, box);
    // when the industry filter keeps only an industry 高邮 does not carry, 高邮 fades (feature state on tile features)
    const blue = hexRgb(INDUSTRY_COLOURS["low-altitude-economy"]!);
    const inBlue = async () => {
      const pixels = await patch(app, at, camera);
      return pixels.filter((px) => distance(px, blue) < 60).length / pixels.length;
    };
    expect(await inBlue(), "高邮 in low-altitude blue").toBeGreaterThan(0.5);
    const metaverse = app.page.getByRole("checkbox", { name: "Metaverse", exact: true });
    await app.timeUpdate(() => metaverse.check());
    await expect.poll(inBlue, { timeout: 10_000 }).toBeLessThan(0.1);
    await app.timeUpdate(() => metaverse.uncheck());
    await expect.poll(inBlue, { timeout: 10_000 }).toBeGreaterThan(0.5);

    // when the pointer rests on 高邮市, the hover card names it
    await app.page.mouse.move(box.x + p.x, box.y + p.y);
    await expect.poll(() => app.page.getByTestId("hover-card").textContent()).toContain("Gaoyou City");
    // and a click selects it
    await app.page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => app.search()).toContain("area=gaoyou");
    app.expectClean();
    await app.close();
  });

  it("opens the planner with the overlap analysis computed at build time, and hatches a finding's area from the tiles", async () => {
    const camera = { zoom: 11, lat: 32.3235, lng: 119.37 };
    const { app, requested } = await openTiled(`?lang=en&view=overlap&map=11.00/${camera.lat}/${camera.lng}`);
    const findings = app.page.getByRole("list", { name: "Findings", exact: true });
    await findings.getByRole("button", { name: /^Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ/ }).waitFor();
    const written = JSON.parse(new TextDecoder().decode(tiled.files.get(tiled.dataset.tiles!.overlap!)));
    expect(await findings.getByRole("listitem").count()).toBe(written.findings.length);
    expect(requested).toContain(tiled.dataset.tiles!.overlap);
    // a finding about ETDZ as a whole: hatched from ETDZ's features in the tiles
    expect(await hatchShareIn(app, "etdz", camera), "no hatch before the focus").toBeLessThan(0.01);
    const wholeArea = findings.getByRole("button", { name: /^ETDZ carries 2 industries/ });
    await app.timeUpdate(() => wholeArea.click());
    expect(await hatchShareIn(app, "etdz", camera), "hatch colour inside ETDZ").toBeGreaterThan(0.08);
    app.expectClean();
    await app.close();
  });

  it("fetches the published figures beside the planner's code when the view is opened, not after it", async () => {
    const { app, requested } = await openTiled("?lang=en");
    const figures = tiled.dataset.tiles!.overlap!;
    // The view's chunk is held back until the figures have been asked for (or 5 s have passed).
    let chunkAsked = false;
    let figuresWhileHeld = false;
    await app.page.route(/\/assets\/OverlapView-[^/]+\.js$/, async (route) => {
      chunkAsked = true;
      for (let waited = 0; waited < 5000 && !requested.includes(figures); waited += 50) await new Promise((r) => setTimeout(r, 50));
      figuresWhileHeld = requested.includes(figures);
      await route.continue();
    });
    await app.page.getByRole("button", { name: "Planner view" }).click();
    await app.page.getByRole("list", { name: "Findings", exact: true }).getByRole("listitem").first().waitFor();
    expect(chunkAsked, "the view's chunk was loaded through the held route").toBe(true);
    expect(figuresWhileHeld, "the figures were asked for while the view's code was still on its way").toBe(true);
    expect(
      requested.filter((p) => p === figures),
      "fetched once",
    ).toHaveLength(1);
    app.expectClean();
    await app.close();
  });

  it("shows the figures without waiting for the shapes; shapes that fail to load are said, and a retry brings the hatch", async () => {
    const camera = { zoom: 11, lat: 32.3235, lng: 119.37 };
    const ground = tiled.dataset.tiles!.overlapGround!;
    let holdShapes = true;
    const { app, requested } = await openTiled(
      `?lang=en&view=overlap&map=11.00/${camera.lat}/${camera.lng}`,
      (p) => p === ground && holdShapes,
    );
    const findings = app.page.getByRole("list", { name: "Findings", exact: true });
    const sameGround = findings.getByRole("button", {
      name: /^Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ/,
    });
    // the figures are there, the shapes' failure is said in the reader's language, the figures stay
    await sameGround.waitFor();
    const alert = app.page.getByRole("alert").filter({ hasText: "The overlaps' shapes could not be loaded" });
    await alert.waitFor();
    expect(await app.page.getByRole("button", { name: "GeoJSON: overlaps" }).isDisabled()).toBe(true);
    expect(await app.page.getByText("Computed when the data was published").count()).toBe(1);
    // a focused overlap cannot be hatched yet (nothing for the map to change)
    await sameGround.click();
    expect(await sameGround.getAttribute("aria-pressed")).toBe("true");
    expect(await hatchShareIn(app, "etdz", camera)).toBeLessThan(0.01);
    // when the file can be had again, Retry brings the shapes: the focused overlap is hatched
    holdShapes = false;
    await app.page.getByRole("button", { name: "Retry" }).click();
    await alert.waitFor({ state: "detached" });
    await expect.poll(() => hatchShareIn(app, "etdz", camera), { timeout: 10_000 }).toBeGreaterThan(0.08);
    expect(await app.page.getByRole("button", { name: "GeoJSON: overlaps" }).isDisabled()).toBe(false);
    expect(requested.filter((p) => p === ground)).toHaveLength(2);
    app.expectClean({ allowFailedResponses: /overlap-ground-/ });
    await app.close();
  });

  it("says so, in the reader's language, when the published analysis is another dataset's; the matrix stays, and a retry reads it again", async () => {
    const path = tiled.dataset.tiles!.overlap!;
    const written = JSON.parse(new TextDecoder().decode(tiled.files.get(path)));
    // a file published for another layout: one of its findings names an area this dataset lacks
    const stale = structuredClone(written);
    stale.findings[0].areas = ["shaoxing"];
    let serveStale = true;
    const { app } = await openTiled("?lang=zh&view=overlap", undefined, (p) =>
      p === path && serveStale ? JSON.stringify(stale) : undefined,
    );
    const alert = app.page.getByRole("alert").filter({ hasText: "数据发布时算好的分析结果未能读取" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("area shaoxing");
    // the matrix (computed here from the dataset) is complete, no finding is shown, nothing failed to render
    const matrix = app.page.getByRole("table");
    expect(await matrix.locator("tbody tr").count()).toBe(built.areas.length);
    expect(await app.page.getByRole("list", { name: "发现", exact: true }).count()).toBe(0);
    // when the right file is published, Retry reads it: the findings are there and the alert is gone
    serveStale = false;
    await alert.getByRole("button", { name: "重试" }).click();
    await alert.waitFor({ state: "detached" });
    const findings = app.page.getByRole("list", { name: "发现", exact: true });
    await findings.waitFor();
    expect(await findings.getByRole("listitem").count()).toBe(written.findings.length);
    app.expectClean();
    await app.close();
  });
});
