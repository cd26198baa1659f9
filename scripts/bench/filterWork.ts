import type { Page } from "playwright-core";
import { median } from "./types.ts";

// A filter click's main-thread work at national size: everything the page's main thread runs
// (scripts, style, layout, paint, the handling of the worker's tiles) from the click until the
// map is updated and has settled, read from the browser's own task accounting (the DevTools
// protocol's TaskDuration), so work spread over several frames and tasks counts whole.
// Shared by the scale figure (figures/scale.ts) and pan-profile.ts, so both measure alike.

/** After `map-updated`, this long for work that follows the mark (the overlay's passes, late tiles). */
const SETTLE_MS = 300;

export interface FilterClickWork {
  /** Main-thread work per click, ms, in click order. */
  samples: number[];
  median: number;
}

/** Clicks `selector` `clicks` times (an even count leaves the filter as it was), each after the last has settled. */
export async function filterClickWork(page: Page, selector: string, clicks: number): Promise<FilterClickWork> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  const taskSeconds = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  };
  const samples: number[] = [];
  try {
    for (let n = 0; n < clicks; n++) {
      const marks = await page.evaluate(() => performance.getEntriesByName("map-updated").length);
      const before = await taskSeconds();
      await page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);
      await page.waitForFunction((k) => performance.getEntriesByName("map-updated").length > k, marks, { timeout: 60_000 });
      await page.waitForTimeout(SETTLE_MS);
      samples.push((await taskSeconds()) - before);
    }
  } finally {
    await cdp.send("Performance.disable");
    await cdp.detach();
  }
  const ms = samples.map((s) => s * 1000);
  return { samples: ms, median: median(ms) };
}
