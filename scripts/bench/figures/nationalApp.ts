import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import type { Dataset } from "../../../src/domain/dataset/schema.ts";
import { clickInPage, waitForMapReady } from "../../../support/browser/pageActions.ts";
import { HeapMeter } from "../../../support/browser/heapMeter.ts";
import { bareFrames, openAppOn, panAndZoom, type AppPage, type BareFrames } from "../scalePage.ts";
import { timeSession } from "../domainWork.ts";
import { timePlannerOpen, type PlannerOpen } from "../plannerOpen.ts";
import { NATIONAL_TILED_DATA_PATH } from "../nationalTiled.ts";
import { median, round, type BenchContext, type Figure } from "../types.ts";

// The app on the real national tiles (issue 18 §3), side by side with the bare MapLibre page
// reading the same tile cut (bench/bare-tiles.html on national-tiles/, written by
// national-tiles.ts): rounds alternate app, bare, app, bare …, and each frame figure is the
// median over the rounds. The app's first round also counts its first view's transfer and
// its heap over 1,000 toggles (they would disturb the frames of a later round); every round
// ends by opening the planner view (its chunk and the published analysis stay loaded after).

const ROUNDS = Number(process.env.BENCH_NATIONAL_ROUNDS ?? 3);
const FILTER_TOGGLES = 20;
const HEAP_TOGGLES = Number(process.env.BENCH_TOGGLES ?? 1000);
const DOMAIN_ROUNDS = Number(process.env.BENCH_DOMAIN_ROUNDS ?? 5);
const FILTER = "#filter-low-altitude-economy";
/** The planner view's first finding and first matrix row, from the click (issue 18 §3's "at once"). */
const PLANNER_OPEN_MS = 1000;
const MB = 1e6;

interface AppRound {
  load: number;
  filter: number;
  pan: number;
  work: Record<string, number>;
  mapReady: number;
  planner: PlannerOpen;
}

const frameOf = (frames: Record<string, number>, gaps: Record<string, number>, phase: string) =>
  Math.max(frames[phase] ?? 0, gaps[phase] ?? 0);

/** Every same-origin response of the first view, gzip -9 (as a static host serving gzip sends it). */
async function transferOf(responses: Response[]): Promise<{ gzip: number; raw: number; files: number; largest: string[] }> {
  const rows: { path: string; gzip: number; raw: number }[] = [];
  for (const response of responses) {
    const body = await response.body().catch(() => null);
    if (!body) continue;
    rows.push({ path: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  return {
    gzip: rows.reduce((s, r) => s + r.gzip, 0),
    raw: rows.reduce((s, r) => s + r.raw, 0),
    files: rows.length,
    largest: rows.slice(0, 5).map((r) => `${r.path} ${(r.gzip / 1000).toFixed(0)} kB`),
  };
}

async function appRound(ctx: BenchContext, first: boolean) {
  const origin = new URL(ctx.baseUrl).origin;
  const responses: Response[] = [];
  let counting = first;
  const app: AppPage = await openAppOn(ctx.browser, ctx.baseUrl, NATIONAL_TILED_DATA_PATH, {
    beforeLoad: (page) =>
      page.on("response", (r) => {
        if (counting && r.url().startsWith(origin)) responses.push(r);
      }),
  });
  try {
    const page = app.page;
    await waitForMapReady(page);
    const mapReady = await page.evaluate(() => performance.getEntriesByName("map-ready")[0]!.startTime);
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    counting = false;
    const transfer = first ? await transferOf(responses) : null;
    await page.waitForTimeout(500);
    await app.phase("filter");
    await clickInPage(page, FILTER, FILTER_TOGGLES);
    await page.waitForTimeout(500);
    await app.phase("pan");
    await panAndZoom(page);
    await page.waitForTimeout(500);
    await app.phase("idle");
    const { frames, gaps, work } = await app.longest();
    const round: Omit<AppRound, "planner"> = {
      load: frameOf(frames, gaps, "load"),
      filter: frameOf(frames, gaps, "filter"),
      pan: frameOf(frames, gaps, "pan"),
      work,
      mapReady,
    };
    let heap: { before: number; after: number; workersBefore: number; workersAfter: number; seconds: number } | null = null;
    if (first) {
      const meter = await HeapMeter.attach(ctx.browser, page);
      const before = await meter.read();
      const t0 = Date.now();
      await clickInPage(page, FILTER, HEAP_TOGGLES, 10);
      await page.waitForTimeout(1000);
      const after = await meter.read();
      await meter.detach();
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      heap = {
        before: before.page,
        after: after.page,
        workersBefore: sum(before.workers),
        workersAfter: sum(after.workers),
        seconds: (Date.now() - t0) / 1000,
      };
    }
    await page.waitForTimeout(500);
    const planner = await timePlannerOpen(page);
    return { round: { ...round, planner } satisfies AppRound, transfer, heap };
  } finally {
    await app.close();
  }
}

/** The national figures of the app against the bare tile page; `outDir` holds the tiled set and the bare page's tiles. */
export async function nationalAppFigures(ctx: BenchContext): Promise<{ figures: Figure[]; notes: string[]; details: unknown }> {
  const apps: AppRound[] = [];
  const bares: BareFrames[] = [];
  const bareFailures: string[] = [];
  let transfer: Awaited<ReturnType<typeof transferOf>> | null = null;
  let heap: Awaited<ReturnType<typeof appRound>>["heap"] = null;
  for (let n = 0; n < ROUNDS; n++) {
    const a = await appRound(ctx, n === 0);
    apps.push(a.round);
    transfer ??= a.transfer;
    heap ??= a.heap;
    // A bare round that does not reach map-ready is reported, not fatal: the app's figures stand.
    const bare = await bareFrames(ctx.browser, ctx.baseUrl, "bench/bare-tiles.html", { timeout: 120_000 }).catch((error: unknown) => {
      bareFailures.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
      return null;
    });
    if (bare) bares.push(bare);
  }
  const med = (xs: number[]) => round(median(xs), 0);
  const app = {
    load: med(apps.map((r) => r.load)),
    filter: med(apps.map((r) => r.filter)),
    pan: med(apps.map((r) => r.pan)),
    workLoad: med(apps.map((r) => r.work.load ?? 0)),
    workPan: med(apps.map((r) => r.work.pan ?? 0)),
    workFilter: med(apps.map((r) => r.work.filter ?? 0)),
    mapReady: med(apps.map((r) => r.mapReady)),
    plannerRow: med(apps.map((r) => r.planner.firstRow)),
    plannerFinding: med(apps.map((r) => r.planner.firstFinding)),
  };
  const bare = {
    load: med(bares.map((r) => r.load)),
    pan: med(bares.map((r) => r.pan)),
    workLoad: med(bares.map((r) => r.work.load ?? 0)),
    workPan: med(bares.map((r) => r.work.pan ?? 0)),
    mapReady: med(bares.map((r) => r.mapReady)),
  };
  const ratio = (a: number, b: number) => round(a / b, 2);

  // The domain work on the dataset the app reads: the tiled set (its geometry lives in the tiles).
  const published = JSON.parse(readFileSync(resolve(ctx.outDir, NATIONAL_TILED_DATA_PATH), "utf8")) as Dataset;
  const timings = timeSession(published, DOMAIN_ROUNDS);
  const perStep = timings.map((t) => ({ name: t.name, median: median(t.ms) })).sort((x, y) => y.median - x.median);

  const growth = heap ? ((heap.after - heap.before) / heap.before) * 100 : Number.NaN;
  const workerGrowth = heap ? ((heap.workersAfter - heap.workersBefore) / heap.workersBefore) * 100 : Number.NaN;
  const figures: Figure[] = [
    {
      id: "national-app-load-frame-ratio",
      value: ratio(app.load, bare.load),
      unit: "x",
      budget: 1.2,
      digits: 2,
      extra: { app_ms: app.load, bare_ms: bare.load, rounds: ROUNDS },
    },
    {
      id: "national-app-pan-frame-ratio",
      value: ratio(app.pan, bare.pan),
      unit: "x",
      budget: 1.2,
      digits: 2,
      extra: { app_ms: app.pan, bare_ms: bare.pan, rounds: ROUNDS },
    },
    // The bare page has no filter: the app's filter frame against the bare page's pan frame,
    // the longest frame MapLibre alone draws on these tiles once loaded.
    {
      id: "national-app-filter-frame-ratio",
      value: ratio(app.filter, bare.pan),
      unit: "x",
      budget: 1.2,
      digits: 2,
      extra: { app_ms: app.filter, bare_pan_ms: bare.pan, toggles: FILTER_TOGGLES },
    },
    {
      id: "national-app-pan-main-thread-work-ratio",
      value: ratio(app.workPan, bare.workPan),
      unit: "x",
      budget: 2,
      digits: 2,
      extra: { app_ms: app.workPan, bare_ms: bare.workPan },
    },
    {
      id: "national-app-load-main-thread-work-ratio",
      value: ratio(app.workLoad, bare.workLoad),
      unit: "x",
      budget: 1.3,
      digits: 2,
      extra: { app_ms: app.workLoad, bare_ms: bare.workLoad },
    },
    {
      id: "national-app-first-view-transfer",
      value: round((transfer?.gzip ?? Number.NaN) / MB, 2),
      unit: "MB",
      budget: 2,
      digits: 2,
      extra: { raw_mb: round((transfer?.raw ?? Number.NaN) / MB, 2), files: transfer?.files ?? 0 },
    },
    {
      id: "national-app-heap-growth-page",
      value: round(growth, 1),
      unit: "%",
      budget: 10,
      extra: { toggles: HEAP_TOGGLES, before_mb: round((heap?.before ?? 0) / MB, 1), after_mb: round((heap?.after ?? 0) / MB, 1) },
    },
    {
      id: "national-app-heap-growth-worker",
      value: round(workerGrowth, 1),
      unit: "%",
      budget: 10,
      extra: { before_mb: round((heap?.workersBefore ?? 0) / MB, 1), after_mb: round((heap?.workersAfter ?? 0) / MB, 1) },
    },
    // "The planner view opens at once with the result": read as within a second of the click.
    {
      id: "national-app-planner-first-finding",
      value: app.plannerFinding,
      unit: "ms",
      budget: PLANNER_OPEN_MS,
      digits: 0,
      extra: { findings_shown: apps[0]!.planner.findings, rounds: ROUNDS },
    },
    {
      id: "national-app-planner-first-row",
      value: app.plannerRow,
      unit: "ms",
      budget: PLANNER_OPEN_MS,
      digits: 0,
      extra: { rows_shown: apps[0]!.planner.rows, rounds: ROUNDS },
    },
    {
      id: "national-app-domain-per-change",
      value: round(median(timings.flatMap((t) => t.ms)), 2),
      unit: "ms",
      budget: 50,
      digits: 2,
      extra: { steps: timings.length, rounds: DOMAIN_ROUNDS },
    },
    {
      id: "national-app-domain-per-change-slowest-step",
      value: round(perStep[0]!.median, 2),
      unit: "ms",
      budget: 50,
      digits: 2,
      extra: { step: JSON.stringify(perStep[0]!.name) },
    },
  ];
  const each = (rs: { load: number; pan: number }[]) => rs.map((r) => `${round(r.load, 0)}/${round(r.pan, 0)}`).join(", ");
  return {
    figures,
    notes: [
      `  app on the tiled national set (${published.areas.length} areas, ${published.sites.length} sites) against bench/bare-tiles.html on the same cut, ${ROUNDS} alternated rounds, medians`,
      `  longest frame (ms, the larger of the long-frame entry and the rAF gap) load/pan per round: app ${each(apps)}; bare ${each(bares)}; app filter ${apps.map((r) => round(r.filter, 0)).join(", ")}`,
      `  main-thread work in one frame (ms) app load ${app.workLoad} / filter ${app.workFilter} / pan ${app.workPan}; bare load ${bare.workLoad} / pan ${bare.workPan}`,
      `  map-ready: app ${(app.mapReady / 1000).toFixed(1)} s, bare ${(bare.mapReady / 1000).toFixed(1)} s (medians)`,
      ...(bareFailures.length ? [`  bare page failed in ${bareFailures.length} of ${ROUNDS} rounds: ${bareFailures.join("; ")}`] : []),
      `  filter frame: the bare page has no filter, so the app's longest filter frame is set against the bare page's longest pan frame`,
      transfer
        ? `  first view: ${transfer.files} files, ${(transfer.raw / MB).toFixed(2)} MB raw, ${(transfer.gzip / MB).toFixed(2)} MB gzip -9; largest ${transfer.largest.join(", ")}`
        : "  first view: not counted",
      heap ? `  heap: ${HEAP_TOGGLES} toggles in ${heap.seconds.toFixed(1)} s` : "  heap: not measured",
      `  planner view, from the click on "Planner view" (map ready) to the first frame with a finding / a matrix row (ms) per round: ${apps
        .map((r) => `${round(r.planner.firstFinding, 0)}/${round(r.planner.firstRow, 0)}`)
        .join(", ")}`,
      `  domain work on the published (tiled) dataset, slowest steps (median ms): ${perStep
        .slice(0, 4)
        .map((s) => `${s.name} ${s.median.toFixed(1)}`)
        .join("; ")}`,
    ],
    details: { apps, bares, transfer, heap, domain: perStep },
  };
}
