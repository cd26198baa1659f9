import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import lighthouse, { type Result } from "lighthouse";
import { launch } from "chrome-launcher";
import { CHROMIUM_ARGS, chromiumPath } from "../../../support/browser/chromium.ts";
import { median, round, type BenchContext, type Figure, type FigureDefinition, type FigureResult } from "../types.ts";

const RUNS = Number(process.env.BENCH_LH_RUNS ?? 5);

const PAGES = { app: "", bare: "bench/bare.html" } as const;
type PageName = keyof typeof PAGES;

/** What one Lighthouse run gives: ms, except the score (0–100). */
interface Run {
  page: PageName;
  score: number;
  mapReady: number;
  tbt: number;
  lcp: number;
  fcp: number;
  /**
   * Blocking time (each long task's time beyond 50 ms) from navigation to map-ready, and the
   * part of it before the first contentful paint, which TBT does not count. From the
   * long-tasks audit (its 20 longest tasks).
   */
  blockingToMapReady: number;
  blockingBeforeFcp: number;
  /** Main-thread time by category (mainthread-work-breakdown), ms. */
  mainThread: Record<string, number>;
  /** Script evaluation + compile per URL (bootup-time), ms. */
  bootup: Record<string, number>;
}

/** A largest-contentful-paint candidate as the page's own PerformanceObserver saw it. */
interface PaintCandidate {
  startTime: number;
  size: number;
  element: string;
}

/**
 * Lighthouse 12 with its default (mobile) preset and in-browser throttling
 * (`throttlingMethod: "devtools"`: 4× CPU slow-down and a slow 4G link applied in Chromium)
 * against the app and the bare MapLibre page, served gzip'd by the bench's preview server,
 * alternated (order swapped every round). Debian's Chromium with the bench's software-WebGL
 * flags, started by chrome-launcher: nothing downloaded.
 */
export const lighthouseFigure: FigureDefinition = {
  key: "lighthouse",
  name: "Lighthouse mobile (devtools throttling) vs a bare MapLibre page",
  async run(ctx): Promise<FigureResult> {
    const rawDir = resolve(ctx.root, "bench-results/lighthouse");
    mkdirSync(rawDir, { recursive: true });
    const runs: Run[] = [];
    const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: [...CHROMIUM_ARGS, "--headless=new"] });
    try {
      for (let i = 0; i < RUNS; i++) {
        const order: PageName[] = i % 2 ? ["bare", "app"] : ["app", "bare"];
        for (const page of order) {
          const url = new URL(PAGES[page], ctx.baseUrl).href;
          const result = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            throttlingMethod: "devtools",
          });
          if (!result) throw new Error(`lighthouse: no result for ${url}`);
          const lhr = result.lhr;
          if (lhr.runtimeError) throw new Error(`lighthouse: ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          writeFileSync(resolve(rawDir, `${String(i + 1).padStart(2, "0")}-${page}.json`), JSON.stringify(lhr));
          runs.push(runOf(page, lhr));
        }
      }
    } finally {
      chrome.kill();
    }
    const paints = { app: await largestPaints(ctx, PAGES.app), bare: await largestPaints(ctx, PAGES.bare) };

    const of = (page: PageName, key: "score" | "mapReady" | "tbt" | "lcp" | "fcp" | "blockingToMapReady" | "blockingBeforeFcp") => {
      const values = runs.filter((r) => r.page === page).map((r) => r[key]);
      return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
    };
    const figures: Figure[] = [];
    const pair = (key: "mapReady" | "tbt" | "lcp" | "blockingToMapReady", id: string, budget: number | null) => {
      const app = of("app", key);
      const bare = of("bare", key);
      figures.push({
        id: `lighthouse-${id}-ratio`,
        value: round(app.median / bare.median, 2),
        unit: "x",
        digits: 2,
        budget,
        extra: { app_median_ms: round(app.median), bare_median_ms: round(bare.median), runs: RUNS },
      });
      for (const [name, s] of [
        ["app", app],
        ["bare", bare],
      ] as const) {
        figures.push({
          id: `lighthouse-${id}-${name}`,
          value: round(s.median),
          unit: "ms",
          budget: null,
          extra: { min: round(s.min), max: round(s.max), runs: RUNS },
        });
      }
    };
    pair("mapReady", "map-ready", 1.2);
    pair("tbt", "tbt", 1.1);
    pair("lcp", "lcp", null);
    // Reported, not a target: TBT counts only what follows the first contentful paint, and the
    // app paints its shell before MapLibre's long tasks while the bare page paints after them.
    pair("blockingToMapReady", "blocking-to-map-ready", null);
    const score = { app: of("app", "score"), bare: of("bare", "score") };
    // "score ≥ bare − 3" as a budget on the shortfall: bare's median minus the app's ≤ 3.
    figures.push({
      id: "lighthouse-score-shortfall",
      value: round(score.bare.median - score.app.median, 1),
      unit: "points",
      budget: 3,
      extra: { app_median: round(score.app.median), bare_median: round(score.bare.median), runs: RUNS },
    });

    const notes = [
      "  medians per page (ms unless said):",
      ...(["app", "bare"] as const).map(
        (p) =>
          `  ${p.padEnd(5)} score ${round(score[p].median)} · FCP ${round(of(p, "fcp").median)} · LCP ${round(of(p, "lcp").median)} · TBT ${round(of(p, "tbt").median)} · map-ready ${round(of(p, "mapReady").median)} · blocking before FCP ${round(of(p, "blockingBeforeFcp").median)} · to map-ready ${round(of(p, "blockingToMapReady").median)}`,
      ),
      "  main-thread work by category (mainthread-work-breakdown, medians):",
      ...(["app", "bare"] as const).map((p) => `  ${p.padEnd(5)} ${table(runs.filter((r) => r.page === p).map((r) => r.mainThread))}`),
      "  script evaluation + compile per file (bootup-time, medians):",
      ...(["app", "bare"] as const).map((p) => `  ${p.padEnd(5)} ${table(runs.filter((r) => r.page === p).map((r) => r.bootup))}`),
      "  largest-contentful-paint candidates (PerformanceObserver, phone viewport, 4× CPU slow-down):",
      ...(["app", "bare"] as const).flatMap((p) =>
        paints[p].map((c) => `  ${p.padEnd(5)} ${Math.round(c.startTime)} ms  ${c.size} px²  ${c.element}`),
      ),
      `  raw Lighthouse results: bench-results/lighthouse/`,
    ];
    return { figures, notes, details: { runs, paints, rawDir: "bench-results/lighthouse" } };
  },
};

function numeric(lhr: Result, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== "number") throw new Error(`lighthouse: audit ${id} has no value (${lhr.audits[id]?.errorMessage ?? "missing"})`);
  return value;
}

function items(lhr: Result, id: string): Record<string, unknown>[] {
  const details = lhr.audits[id]?.details;
  return details && "items" in details && Array.isArray(details.items) ? (details.items as Record<string, unknown>[]) : [];
}

function runOf(page: PageName, lhr: Result): Run {
  const mark = items(lhr, "user-timings").find((item) => item.name === "map-ready" && item.timingType === "Mark");
  if (typeof mark?.startTime !== "number") throw new Error(`lighthouse: ${page}: no map-ready mark in the user-timings audit`);
  const byKey = (id: string, key: string, value: string) =>
    Object.fromEntries(items(lhr, id).map((item) => [String(item[key]), Number(item[value])]));
  return {
    page,
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    mapReady: mark.startTime,
    tbt: numeric(lhr, "total-blocking-time"),
    lcp: numeric(lhr, "largest-contentful-paint"),
    fcp: numeric(lhr, "first-contentful-paint"),
    ...blockingOf(items(lhr, "long-tasks"), mark.startTime, numeric(lhr, "first-contentful-paint")),
    mainThread: byKey("mainthread-work-breakdown", "groupLabel", "duration"),
    bootup: Object.fromEntries(
      Object.entries(byKey("bootup-time", "url", "scripting")).map(([url, ms]) => [url.replace(/^https?:\/\/[^/]+\//, ""), ms]),
    ),
  };
}

/** Blocking time of the long tasks (their time beyond 50 ms) before `until`, and the part of it before `fcp`. */
function blockingOf(tasks: Record<string, unknown>[], until: number, fcp: number) {
  let blockingToMapReady = 0;
  let blockingBeforeFcp = 0;
  for (const task of tasks) {
    const start = Number(task.startTime);
    const end = start + Number(task.duration);
    const over = (to: number) => Math.max(0, Math.min(end, to) - start - 50);
    blockingToMapReady += over(until);
    blockingBeforeFcp += over(fcp);
  }
  return { blockingToMapReady, blockingBeforeFcp };
}

/** Median per key over runs, largest first, as "key 123 · key 45". */
function table(rows: Record<string, number>[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return keys
    .map((k) => [k, median(rows.map((r) => r[k] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .filter(([, v]) => v >= 10)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(" · ");
}

// A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
const LCP_OBSERVER = `(() => {
  const seen = [];
  window.__lcp = seen;
  const describe = (el) => {
    if (!el) return "(element gone)";
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const text = (el.textContent ?? "").trim().slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : "");
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push({ startTime: e.startTime, size: e.size, element: describe(e.element) });
  }).observe({ type: "largest-contentful-paint", buffered: true });
})()`;

/**
 * Lighthouse 12.2.3's largest-contentful-paint-element audit fails on this Chromium, so the
 * largest paints are read from the page itself: a `largest-contentful-paint` observer
 * installed before any script of the page, on Lighthouse's phone screen (412×823, DPR 1.75)
 * with the same 4× CPU slow-down, until map-ready and one second after it.
 */
async function largestPaints(ctx: BenchContext, path: string): Promise<PaintCandidate[]> {
  const context = await ctx.browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(LCP_OBSERVER);
    await page.goto(new URL(path, ctx.baseUrl).href);
    await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => (window as unknown as { __lcp: PaintCandidate[] }).__lcp);
  } finally {
    await context.close();
  }
}
