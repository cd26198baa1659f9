import { median, round, type FigureDefinition, type FigureResult } from "../types.ts";

const CLICKS = Number(process.env.BENCH_CLICKS ?? 15);

/**
 * Filter click → map-updated: in one loaded page (1440×900), the "Metaverse" filter
 * checkbox is clicked repeatedly; each sample runs from the click event (a capturing
 * listener) to the next `map-updated` mark, so the driver's own round trips do not count.
 */
export const filterClick: FigureDefinition = {
  key: "filter",
  name: "filter click → map-updated",
  async run(ctx): Promise<FigureResult> {
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL("?lang=en", ctx.baseUrl).href);
    await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 60_000 });
    await page.evaluate("document.addEventListener('click', () => (window.__clickAt = performance.now()), true)");
    const box = page.locator("#filter-metaverse");
    const samples: number[] = [];
    for (let n = 0; n < CLICKS; n++) {
      const before = await page.evaluate(() => performance.getEntriesByName("map-updated").length);
      await box.click();
      await page.waitForFunction((k) => performance.getEntriesByName("map-updated").length > k, before, { timeout: 20_000 });
      samples.push(
        await page.evaluate(() => {
          const marks = performance.getEntriesByName("map-updated");
          return marks[marks.length - 1]!.startTime - (window as unknown as { __clickAt: number }).__clickAt;
        }),
      );
      await page.waitForTimeout(150);
    }
    await context.close();
    const value = median(samples);
    return {
      figures: [
        {
          id: "filter-click-map-updated",
          value: round(value, 0),
          unit: "ms",
          budget: 100,
          digits: 0,
          extra: { min: round(Math.min(...samples), 0), max: round(Math.max(...samples), 0), clicks: samples.length },
        },
      ],
      notes: [`  samples, ms: ${samples.map((s) => s.toFixed(0)).join(", ")}`],
      details: { samples },
    };
  },
};
