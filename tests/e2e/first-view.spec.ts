import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

/** Holds the responses to `url` back until `release()`; `requested()` says whether one was asked for. */
async function holdBack(app: AppDriver, url: RegExp): Promise<{ release: () => void; requested: () => boolean }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await app.page.route(url, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return { release, requested: () => requested };
}

describe("first view", () => {
  it("draws the six counties and three zones from data/, with nothing fetched from elsewhere", async () => {
    // given the app at its default address
    const app = await AppDriver.open(browser());
    // when the map reports it is ready
    await app.waitForMapReady();
    // then every county and zone has been drawn on the canvas
    const drawn = await app.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>("[data-testid=map]")!;
      return el.dataset.ready;
    });
    expect(drawn).toBe("true");
    const rendered = await app.page.getByTestId("map").getAttribute("data-rendered");
    expect((rendered ?? "").split(",")).toEqual(
      expect.arrayContaining([
        "baoying",
        "eco-tech-city",
        "etdz",
        "gaoyou",
        "guangling",
        "hanjiang",
        "jiangdu",
        "shugang-slender-west-lake",
        "yizheng",
      ]),
    );
    // and the favicon and data came from the page's own origin, without errors
    const favicon = await app.page.evaluate(
      async () => (await fetch(document.querySelector<HTMLLinkElement>("link[rel=icon]")!.href)).status,
    );
    expect(favicon).toBe(200);
    app.expectClean();
    await app.close();
  });

  it("shows its own shell (title, filters, list of areas) while the map's code is still on its way, then draws the map", async () => {
    // given a server that holds the map's chunk (MapLibre and the map code) back until released
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const chunk = await holdBack(app, /\/assets\/IndustryMap-[^/]*\.js$/);
    await app.goto("?lang=en");
    // then the header's title, the filters and the list of areas are there without it
    await expect.poll(() => app.page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Yangzhou/);
    await app.page.locator("#filter-metaverse").waitFor();
    const areas = app.page.getByRole("list", { name: "Matching areas" });
    await expect.poll(async () => (await areas.locator(".place-name").allTextContents()).length).toBe(9);
    expect(chunk.requested(), "the map's chunk was asked for from the start").toBe(true);
    expect(await app.page.locator(".maplibregl-canvas").count(), "no map yet").toBe(0);
    // when the chunk arrives, the map is created and draws the areas
    chunk.release();
    await app.waitForMapReady();
    expect(await app.page.locator(".maplibregl-canvas").count()).toBe(1);
    app.expectClean();
    await app.close();
  });

  it("asks for everything the first picture needs before any of its own code has run", async () => {
    // given a server that holds the entry's shared chunk back (so none of the app's code runs)
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const shared = await holdBack(app, /\/assets\/shared-[^/]*\.js$/);
    const asked: string[] = [];
    app.page.on("request", (request) =>
      asked.push(new URL(request.url()).pathname.replace(/^.*\/(assets|data)\//, "$1/").replace(/-[\w-]{8}\./, ".")),
    );
    // (not waiting for the page's load event, which waits for the held chunk)
    await app.page.goto(app.baseUrl, { waitUntil: "commit" });
    await expect.poll(() => shared.requested()).toBe(true);
    // then the map's code, its binding, its stylesheet, the dataset and the configuration are all on their way
    const expected = ["assets/IndustryMap.js", "assets/MapBinding.js", "assets/IndustryMap.css", "data/dataset.json", "/config.json"];
    await expect.poll(() => expected.filter((file) => !asked.includes(file))).toEqual([]);
    // when the code arrives, the map is drawn from those downloads
    shared.release();
    await app.waitForMapReady();
    // and each of them was fetched once (a preload the loader cannot reuse is a second download)
    expect(expected.map((file) => asked.filter((f) => f === file).length)).toEqual(expected.map(() => 1));
    app.expectClean();
    await app.close();
  });

  it("lists the areas in Chinese by default and in English with lang=en", async () => {
    const zh = await AppDriver.open(browser());
    await zh.page.getByRole("list", { name: "匹配区域" }).waitFor();
    const zhItems = await zh.page.getByRole("list", { name: "匹配区域" }).getByRole("listitem").allTextContents();
    expect(zhItems).toHaveLength(9);
    expect(zhItems[0]).toMatch(/^广陵区/);
    await zh.close();
    const en = await AppDriver.open(browser(), "?lang=en");
    await en.page.getByRole("list", { name: "Matching areas" }).waitFor();
    const enItems = await en.page.getByRole("list", { name: "Matching areas" }).getByRole("listitem").allTextContents();
    expect(enItems.some((t) => t.startsWith("Yangzhou Eco-Tech New City"))).toBe(true);
    en.expectClean();
    await en.close();
  });

  it("for a reader of Chinese outside a frame, loads neither the English strings nor the embed bridge; English loads when chosen", async () => {
    // given the app at its default address, every script it asks for recorded
    const app = await AppDriver.open(browser(), "", { deferNavigation: true });
    const scripts: string[] = [];
    app.page.on("request", (request) => {
      if (request.url().endsWith(".js")) scripts.push(new URL(request.url()).pathname.replace(/^.*\/assets\//, ""));
    });
    await app.goto();
    await app.waitForMapReady();
    await app.page.getByRole("list", { name: "匹配区域" }).waitFor();
    // then the first view had no English strings and no embed bridge
    expect(
      scripts.filter((s) => /^(english|embedBridge)-/.test(s)),
      scripts.join(" "),
    ).toEqual([]);
    // when the reader switches to English
    await app.page.getByRole("button", { name: "English" }).click();
    // then the interface speaks English, with the strings fetched now
    await app.page.getByRole("list", { name: "Matching areas" }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(scripts.filter((s) => s.startsWith("english-"))).toHaveLength(1);
    // and back in Chinese nothing more is fetched
    await app.page.getByRole("button", { name: "中文" }).click();
    await app.page.getByRole("list", { name: "匹配区域" }).waitFor();
    expect(scripts.filter((s) => s.startsWith("english-"))).toHaveLength(1);
    app.expectClean();
    await app.close();
  });
});
