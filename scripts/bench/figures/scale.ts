import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Dataset } from "../../../src/domain/dataset/schema.ts";
import { clickInPage, waitForMapReady } from "../../../support/browser/pageActions.ts";
import { HeapMeter, type HeapReading } from "../../../support/browser/heapMeter.ts";
import { floorFrames, openScalePage, panAndZoom } from "../scalePage.ts";
import { filterClickWork } from "../filterWork.ts";
import { round, type FigureDefinition, type FigureResult } from "../types.ts";

const FILTER_TOGGLES = 20;
/** Filter clicks measured one by one for their main-thread work (an even count: the filter ends as it began). */
const WORK_CLICKS = 10;
const HEAP_TOGGLES = Number(process.env.BENCH_TOGGLES ?? 1000);
const FILTER = "#filter-low-altitude-economy";

const growth = (before: number, after: number) => ((after - before) / before) * 100;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The synthetic national-size set (3,000 areas, 10,000 sites) in the built app, routed in
 * through config.json's dataUrl: the longest frame while it loads, over 20 filter toggles
 * and over a few drags and wheel zooms (docs/performance.md: none over 100 ms); then the JS heap of
 * the page and of MapLibre's worker before and after 1,000 filter toggles, each after a
 * forced garbage collection (docs/performance.md: growth < 10 %).
 */
export const scale: FigureDefinition = {
  key: "scale",
  name: "scale: synthetic national set (3,000 areas, 10,000 sites)",
  async run(ctx): Promise<FigureResult> {
    const base = JSON.parse(readFileSync(resolve(ctx.outDir, "data/dataset.json"), "utf8")) as Dataset;
    const s = await openScalePage(ctx.browser, ctx.baseUrl, base, { servedFrom: ctx.outDir });
    try {
      const t0 = Date.now();
      await waitForMapReady(s.page);
      const mapReady = await s.page.evaluate(() => performance.getEntriesByName("map-ready")[0]!.startTime);
      await s.page.waitForTimeout(500);
      await s.phase("filter");
      await clickInPage(s.page, FILTER, FILTER_TOGGLES);
      await s.page.waitForTimeout(500);
      await s.phase("pan");
      await panAndZoom(s.page);
      await s.page.waitForTimeout(500);
      await s.phase("idle");
      const longest = await s.longest();
      const loadSeconds = (Date.now() - t0) / 1000;
      const click = await filterClickWork(s.page, FILTER, WORK_CLICKS);

      const heap = await HeapMeter.attach(ctx.browser, s.page);
      const before: HeapReading = await heap.read();
      const t1 = Date.now();
      // Ten clicks per drawn frame: the app handles each click on its own, and 1,000 toggles fit the bench's time.
      await clickInPage(s.page, FILTER, HEAP_TOGGLES, 10);
      await s.page.waitForTimeout(1000);
      const after: HeapReading = await heap.read();
      const toggleSeconds = (Date.now() - t1) / 1000;
      await heap.detach();

      await s.close();
      const floor = await floorFrames(ctx.browser, ctx.baseUrl, s.dataset, true);

      const frame = (phase: string) => round(Math.max(longest.frames[phase] ?? 0, longest.gaps[phase] ?? 0), 0);
      const pageGrowth = growth(before.page, after.page);
      const workerGrowth = before.workers.length ? growth(sum(before.workers), sum(after.workers)) : Number.NaN;
      const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
      return {
        figures: [
          {
            id: "scale-longest-frame-load",
            value: frame("load"),
            unit: "ms",
            budget: 100,
            digits: 0,
            extra: { map_ready_ms: round(mapReady, 0) },
          },
          {
            id: "scale-longest-frame-filter",
            value: frame("filter"),
            unit: "ms",
            budget: 100,
            digits: 0,
            extra: { toggles: FILTER_TOGGLES },
          },
          { id: "scale-longest-frame-pan", value: frame("pan"), unit: "ms", budget: 100, digits: 0, extra: { drags: 3, wheel_zooms: 3 } },
          {
            id: "scale-heap-growth-page",
            value: round(pageGrowth, 1),
            unit: "%",
            budget: 10,
            extra: { toggles: HEAP_TOGGLES, before_mb: round(before.page / 1e6, 1), after_mb: round(after.page / 1e6, 1) },
          },
          ...(floor.bare
            ? [
                {
                  id: "scale-bare-longest-frame-load",
                  value: round(floor.bare.load, 0),
                  unit: "ms",
                  budget: null,
                  digits: 0,
                  extra: { map_ready_ms: round(floor.bare.mapReady, 0) },
                },
                { id: "scale-bare-longest-frame-pan", value: round(floor.bare.pan, 0), unit: "ms", budget: null, digits: 0 },
                { id: "scale-pan-frame-ratio", value: round(frame("pan") / floor.bare.pan, 2), unit: "x", budget: null, digits: 2 },
              ]
            : []),
          // The main thread's own share of those frames (scripts, style, layout, paint): what the app controls.
          ...(["load", "filter", "pan"] as const).map((phase) => ({
            id: `scale-main-thread-work-${phase}`,
            value: round(longest.work[phase] ?? 0, 0),
            unit: "ms",
            budget: null,
            digits: 0,
            extra: (floor.bare && phase !== "filter" ? { bare_ms: round(floor.bare.work[phase] ?? 0, 0) } : {}) as Record<string, number>,
          })),
          {
            id: "scale-filter-click-main-thread-work",
            value: round(click.median, 0),
            unit: "ms",
            budget: null,
            digits: 0,
            extra: { clicks: WORK_CLICKS, min: round(Math.min(...click.samples), 0), max: round(Math.max(...click.samples), 0) },
          },
          {
            id: "scale-blank-canvas-longest-frame-pan",
            value: round(floor.canvas.pan, 0),
            unit: "ms",
            budget: null,
            digits: 0,
            extra: { idle_ms: round(floor.canvas.idle, 0) },
          },
          {
            id: "scale-heap-growth-worker",
            value: round(workerGrowth, 1),
            unit: "%",
            budget: 10,
            extra: {
              workers: before.workers.length,
              before_mb: round(sum(before.workers) / 1e6, 1),
              after_mb: round(sum(after.workers) / 1e6, 1),
            },
          },
        ],
        notes: [
          `  longest frame = the larger of the ${longest.observer} observer's longest entry and the longest gap between animation frames, per phase`,
          `  per phase, observer / rAF gap ms: ${["load", "filter", "pan"].map((p) => `${p} ${round(longest.frames[p] ?? 0, 0)} / ${round(longest.gaps[p] ?? 0, 0)}`).join("; ")}`,
          `  main-thread work = the most script, style, layout and paint time in one long animation frame; the rest of a long frame waits (here mostly for the software GPU process)`,
          `  filter click main-thread work = the main thread's CPU time (DevTools TaskDuration, thread ticks) from a click to map-updated and ${WORK_CLICKS} clicks' median; ms: ${click.samples.map((v) => v.toFixed(0)).join(", ")}`,
          `  load to map-ready ${round(mapReady / 1000, 1)} s; load, filter and pan phases ${round(loadSeconds, 1)} s; ${HEAP_TOGGLES} toggles ${round(toggleSeconds, 1)} s`,
          `  floors, same probe and gestures: the bare MapLibre page (one fill, one line layer) on the same geometry ${
            floor.bare
              ? `load ${round(floor.bare.load, 0)} / pan ${round(floor.bare.pan, 0)} ms (map-ready ${round(floor.bare.mapReady / 1000, 1)} s)`
              : "not measured (no bench/bare.html in the served build)"
          }; a page that only clears a full-window WebGL canvas: idle ${round(floor.canvas.idle, 0)} / pan ${round(floor.canvas.pan, 0)} ms`,
          `  heap page ${mb(before.page)} → ${mb(after.page)}; worker(s) ${before.workers.map(mb).join(", ")} → ${after.workers.map(mb).join(", ")}`,
        ],
        details: { longest, mapReady, heap: { before, after }, toggles: HEAP_TOGGLES, floor },
      };
    } finally {
      await s.close();
    }
  },
};
