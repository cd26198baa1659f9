import { median, round, type BenchContext, type FigureDefinition, type FigureResult } from "../types.ts";

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const WARMUP = 1;

/** One cold load's timeline, in ms since navigation start. */
interface Load {
  mapReady: number;
  domContentLoaded: number;
  /** When the last script had arrived. */
  scriptsLoaded: number;
  /** When data/dataset.json had arrived. */
  datasetLoaded: number;
}

const PAGES = { app: "", bare: "bench/bare.html" } as const;
type PageName = keyof typeof PAGES;

/**
 * Time to map-ready of the app against the bare MapLibre page (bench/bare.ts), both from
 * the same preview server: alternated (the order swapped every round), a fresh browser
 * context per load (nothing cached), viewport 1440×900, one unrecorded warm-up round.
 */
export const mapReadyRatio: FigureDefinition = {
  key: "map-ready",
  name: "time to map-ready vs a bare MapLibre page",
  async run(ctx): Promise<FigureResult> {
    const loads: Record<PageName, Load[]> = { app: [], bare: [] };
    for (let round = 0; round < WARMUP + LOADS; round++) {
      const order: PageName[] = round % 2 ? ["bare", "app"] : ["app", "bare"];
      for (const name of order) {
        const load = await coldLoad(ctx, new URL(PAGES[name], ctx.baseUrl).href);
        if (round >= WARMUP) loads[name].push(load);
      }
    }
    const summary = (name: PageName) => {
      const times = loads[name].map((l) => l.mapReady);
      return { median: median(times), min: Math.min(...times), max: Math.max(...times), times };
    };
    const app = summary("app");
    const bare = summary("bare");
    const phase = (name: PageName, key: keyof Load) => median(loads[name].map((l) => l[key]));
    const breakdown = (name: PageName) => {
      const dcl = phase(name, "domContentLoaded");
      const scripts = phase(name, "scriptsLoaded");
      const data = phase(name, "datasetLoaded");
      const ready = phase(name, "mapReady");
      return `  ${name.padEnd(5)} DOMContentLoaded ${ms(dcl)} · last script arrived ${ms(scripts)} · dataset.json arrived ${ms(data)} · map-ready ${ms(ready)} (${ms(ready - Math.max(scripts, data))} after both)`;
    };
    return {
      figures: [
        {
          id: "map-ready-ratio",
          value: round(app.median / bare.median, 2),
          unit: "x",
          digits: 2,
          budget: 1.3,
          extra: { app_median_ms: round(app.median), bare_median_ms: round(bare.median), loads: LOADS },
        },
        {
          id: "map-ready-app",
          value: round(app.median),
          unit: "ms",
          budget: null,
          extra: { min: round(app.min), max: round(app.max), loads: LOADS },
        },
        {
          id: "map-ready-bare",
          value: round(bare.median),
          unit: "ms",
          budget: null,
          extra: { min: round(bare.min), max: round(bare.max), loads: LOADS },
        },
      ],
      notes: ["  medians, ms since navigation start:", breakdown("app"), breakdown("bare")],
      details: { loads, warmupRounds: WARMUP, viewport: "1440x900" },
    };
  },
};

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

async function coldLoad(ctx: BenchContext, url: string): Promise<Load> {
  const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page
      .waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 60_000 })
      .catch((error: unknown) => {
        throw new Error(`${url}: no map-ready within 60 s${errors.length ? ` (page errors: ${errors.join("; ")})` : ""}`, { cause: error });
      });
    if (errors.length) throw new Error(`${url}: page errors: ${errors.join("; ")}`);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const scripts = resources.filter((r) => r.initiatorType === "script" || r.initiatorType === "link" || r.name.endsWith(".js"));
      return {
        mapReady: performance.getEntriesByName("map-ready")[0]!.startTime,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
        scriptsLoaded: Math.max(0, ...scripts.filter((r) => r.name.endsWith(".js")).map((r) => r.responseEnd)),
        datasetLoaded: resources.find((r) => r.name.includes("data/dataset.json"))?.responseEnd ?? Number.NaN,
      };
    });
  } finally {
    await context.close();
  }
}
