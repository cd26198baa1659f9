import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";

const browser = sharedBrowser();
// axe-core's browser build, evaluated in the page through the driver (not a <script>, so the
// page's own Content-Security-Policy is not in the way).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Every axe-core violation on the page as it is now: all rules, any impact, nothing excluded. */
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

async function expectAccessible(app: AppDriver): Promise<void> {
  expect(await violations(app.page)).toEqual([]);
}

describe("accessibility (axe-core, every rule, any impact)", () => {
  it("the default view in 中文 and in English", async () => {
    const app = await AppDriver.open(browser(), "?lang=zh");
    await app.waitForMapReady();
    await expectAccessible(app);
    await app.page.getByRole("button", { name: "English" }).click();
    await app.page.getByRole("heading", { level: 1, name: /Future-Industry Layout Map/ }).waitFor();
    await expectAccessible(app);
    app.expectClean();
    await app.close();
  });

  it("an area panel, an industry panel and the planner view", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&area=hanjiang");
    await app.waitForMapReady();
    await app.page.getByRole("region", { name: "Hanjiang District" }).waitFor();
    await expectAccessible(app);
    await app.goto("?lang=en&industry=metaverse");
    await app.waitForMapReady();
    await app.page.getByRole("region", { name: /Metaverse/ }).waitFor();
    await expectAccessible(app);
    await app.goto("?lang=en&view=overlap");
    await app.waitForMapReady();
    await app.page.getByRole("table", { name: "Industry by area", exact: true }).waitFor();
    await app.page.getByRole("list", { name: "Findings", exact: true }).getByRole("button").first().waitFor();
    await expectAccessible(app);
    app.expectClean();
    await app.close();
  });

  it("the share dialog", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    await app.page.getByRole("button", { name: "Share & export" }).click();
    const dialog = app.page.getByRole("dialog", { name: "Share & export" });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole("img", { name: "QR code of the link" }).count()).toBe(1);
    await expectAccessible(app);
    app.expectClean();
    await app.close();
  });

  it("a 390 × 844 phone", async () => {
    const app = await AppDriver.open(browser(), "?lang=zh", { viewport: { width: 390, height: 844 } });
    await app.waitForMapReady();
    await expectAccessible(app);
    await app.page.locator(".sheet-handle").click();
    await expectAccessible(app);
    app.expectClean();
    await app.close();
  });

  it("embed mode", async () => {
    const app = await AppDriver.open(browser(), "?lang=en&embed=1");
    await app.waitForMapReady();
    await expectAccessible(app);
    app.expectClean();
    await app.close();
  });

  it("a polite live region says how many areas and sites match after a filter change, in both languages", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    await app.waitForMapReady();
    const live = app.page.locator(".place-lists [aria-live=polite]");
    await app.page.getByRole("checkbox", { name: "Metaverse", exact: true }).check();
    await expect.poll(() => live.textContent()).toMatch(/^Matching the filters: 5 areas and \d+ sites?$/);
    const areas = await app.page.getByRole("list", { name: "Matching areas" }).locator(".place-name").count();
    expect(await live.textContent()).toContain(`${areas} areas`);
    await app.page.getByRole("button", { name: "中文" }).click();
    await app.page.getByRole("checkbox", { name: "零碳负碳(碳捕集利用及封存)", exact: true }).check();
    await expect.poll(() => live.textContent()).toMatch(/^符合筛选:\d+ 个区域、\d+ 个站点$/);
    app.expectClean();
    await app.close();
  });
});
