import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();

describe("detail panels", () => {
  it("opens an area from a deep link with what the policy assigns there, in Chinese", async () => {
    const app = await AppDriver.open(browser(), "?area=etdz");
    await app.waitForMapReady();
    const panel = app.page.getByRole("region", { name: "扬州经济技术开发区(经开区)" });
    await panel.waitFor();
    const text = await panel.textContent();
    expect(text).toContain("元宇宙");
    expect(text).toContain("二(一)3");
    expect(text).toContain("〔重点布局:扬州经开区〕");
    expect(text).toContain("示意");
    app.expectClean();
    await app.close();
  });

  it("opens an industry from a deep link, in English, with where it is laid out", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&industry=low-altitude-economy");
    await app.waitForMapReady();
    const panel = app.page.getByRole("region", { name: "Low-altitude economy" });
    await panel.waitFor();
    for (const area of ["Yangzhou Eco-Tech New City", "Gaoyou City", "Hanjiang District"]) {
      expect(await panel.getByRole("button", { name: area }).count()).toBeGreaterThan(0);
    }
    app.expectClean();
    await app.close();
  });

  it("closes with Back what was opened, one step at a time", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    await app.page
      .getByRole("list", { name: "Matching areas" })
      .getByRole("button", { name: /^Gaoyou City/ })
      .click();
    const area = app.page.getByRole("region", { name: "Gaoyou City" });
    await area.waitFor();
    expect(await app.search()).toBe("?lang=en&area=gaoyou");
    await area.getByRole("button", { name: "Low-altitude economy" }).first().click();
    await app.page.getByRole("region", { name: "Low-altitude economy" }).waitFor();
    expect(await app.search()).toBe("?lang=en&area=gaoyou&industry=low-altitude-economy");
    await app.page.goBack();
    await expect.poll(() => app.page.getByRole("region", { name: "Low-altitude economy" }).count()).toBe(0);
    expect(await app.search()).toBe("?lang=en&area=gaoyou");
    await app.page.goBack();
    await expect.poll(() => app.page.getByRole("region", { name: "Gaoyou City" }).count()).toBe(0);
    expect(await app.search()).toBe("?lang=en");
    app.expectClean();
    await app.close();
  });

  it("compares two areas side by side", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&area=hanjiang");
    await app.waitForMapReady();
    await app.page
      .getByRole("region", { name: "Hanjiang District" })
      .getByRole("button", { name: /compare/i })
      .click();
    await app.page
      .getByRole("list", { name: "Matching areas" })
      .getByRole("button", { name: /^Yangzhou Economic and Technological Development Zone/ })
      .click();
    await app.page
      .getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" })
      .getByRole("button", { name: /compare/i })
      .click();
    const table = app.page.getByRole("table", { name: /Compare areas/ });
    await table.waitFor();
    const headers = await table.locator("thead th").allTextContents();
    expect(headers.join("|")).toContain("Hanjiang District");
    expect(headers.join("|")).toContain("Yangzhou Economic and Technological Development Zone");
    const body = await table.textContent();
    expect(body).toContain("Metaverse");
    expect(body).toContain("Zero/negative carbon (CCUS)");
    app.expectClean();
    await app.close();
  });
});
