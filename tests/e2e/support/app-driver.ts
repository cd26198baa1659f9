import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject, expect } from "vitest";
import { watchPage, type PageWatch } from "./page-watch";

/** Drives the app as a person would; specs read as given / when / then on top of it. */
export class AppDriver {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly watch: PageWatch,
    readonly baseUrl: string,
  ) {}

  static async open(
    browser: Browser,
    query = "",
    options: { viewport?: { width: number; height: number }; deferNavigation?: boolean } = {},
  ): Promise<AppDriver> {
    const baseUrl = inject("baseUrl");
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    const driver = new AppDriver(context, page, watch, baseUrl);
    // Deferred navigation lets a spec set up routes (failures, fixtures) before the page loads.
    if (!options.deferNavigation) await driver.goto(query);
    return driver;
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}${query}`);
  }

  async waitForMapReady(): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 45_000 });
  }

  /**
   * Runs `action` (a click), waits for the next `map-updated` mark and returns the ms from
   * the click event to that mark: the app's reaction, without the test driver's own
   * round trips before the click lands.
   */
  async timeUpdate(action: () => Promise<void>): Promise<number> {
    const before = await this.page.evaluate(() => {
      const w = window as unknown as { __clickAt?: number; __clickWatch?: boolean };
      if (!w.__clickWatch) {
        w.__clickWatch = true;
        document.addEventListener("click", () => (w.__clickAt = performance.now()), true);
      }
      return performance.getEntriesByName("map-updated").length;
    });
    await action();
    await this.page.waitForFunction((n) => performance.getEntriesByName("map-updated").length > n, before, { timeout: 20_000 });
    return this.page.evaluate(() => {
      const marks = performance.getEntriesByName("map-updated");
      return marks[marks.length - 1]!.startTime - (window as unknown as { __clickAt: number }).__clickAt;
    });
  }

  search(): Promise<string> {
    return this.page.evaluate(() => location.search);
  }

  /** The things no run may show: console/page errors, 404s, outside requests. */
  expectClean(options: { allowFailedResponses?: RegExp } = {}): void {
    expect(this.watch.pageErrors, "page errors").toEqual([]);
    expect(this.watch.outsideRequests, "requests to other origins").toEqual([]);
    const failed = options.allowFailedResponses
      ? this.watch.failedResponses.filter((r) => !options.allowFailedResponses!.test(r))
      : this.watch.failedResponses;
    expect(failed, "failed responses").toEqual([]);
    const errors = options.allowFailedResponses
      ? this.watch.consoleErrors.filter((e) => !/Failed to load resource/.test(e))
      : this.watch.consoleErrors;
    expect(errors, "console errors").toEqual([]);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
