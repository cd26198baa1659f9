import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

describe("pinyin search and the / shortcut (production build)", () => {
  it("finds by initials and full pinyin, says why, and opens what was chosen; / focuses the box", async () => {
    const app = await AppDriver.open(browser(), "");
    const scripts: string[] = [];
    app.page.on("response", async (response) => {
      if (response.request().resourceType() === "script") scripts.push(await response.text().catch(() => ""));
    });
    await app.waitForMapReady();
    const box = app.page.getByRole("combobox", { name: "搜索区域、产业或站点" });

    // given the page, when the reader presses / anywhere but a text field, the search box has focus
    await app.page.getByRole("checkbox", { name: "低空经济", exact: true }).focus();
    await app.page.keyboard.press("/");
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe("");
    expect(await box.getAttribute("aria-keyshortcuts")).toBe("/");

    // initials: the industry, with the reason beside it
    await app.page.keyboard.type("dkjj");
    const first = app.page.getByRole("option").first();
    await expect.poll(() => first.textContent()).toContain("低空经济");
    expect(await first.textContent()).toContain("拼音 dkjj → 低空经济");
    await box.press("Enter");
    await expect.poll(() => app.search()).toBe("?industry=low-altitude-economy");

    // a short name's initials: the zone
    await box.fill("jkq");
    await expect.poll(() => first.textContent()).toContain("拼音 jkq → 经开区");
    await box.press("Enter");
    await expect.poll(() => app.search()).toContain("area=etdz");

    // full pinyin, prefix of 高邮市 (and of the English name: no reason needed)
    await box.fill("gaoyou");
    await expect.poll(() => first.textContent()).toContain("高邮市");
    await box.press("Enter");
    await expect.poll(() => app.search()).toContain("area=gaoyou");

    // the keys came with the data; no pinyin library was loaded
    const dataset = await app.page.evaluate(async () => (await fetch("data/dataset.json")).json());
    expect(dataset.searchKeys.industry["low-altitude-economy"]).toEqual(["dikongjingji dkjj"]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.includes("toneSandhi"))).toEqual([]);
    app.expectClean();
    await app.close();
  });

  it("says why in English too, and / in a text field stays text", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const box = app.page.getByRole("combobox", { name: "Search areas, industries or sites" });
    await box.fill("gaoyou/");
    expect(await box.inputValue()).toBe("gaoyou/");
    await box.fill("");
    await box.press("/");
    expect(await box.inputValue()).toBe("/");
    await box.fill("yzjkq");
    const first = app.page.getByRole("option").first();
    await expect.poll(() => first.textContent()).toContain("Yangzhou Economic and Technological Development Zone");
    expect(await first.textContent()).toContain("pinyin yzjkq → 扬州经开区");
    app.expectClean();
    await app.close();
  });
});
