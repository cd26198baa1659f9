import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Dataset } from "../../src/domain/dataset/schema";
import { waitForMapReady } from "../../support/browser/pageActions";
import { routeDataUrl, routeSynthetic, SYNTHETIC_DATA_PATH } from "../../support/browser/syntheticSite";
import { syntheticDataset } from "../../support/synthetic/dataset";
import { withSearchKeys } from "../../src/domain/searchKeys";
import { pinyinPro } from "../data/pinyin";

// The built app loading the synthetic national-size set, for the scale figures of the bench:
// the set is routed or written to the bench's own build folder, and a long-frame probe is
// installed before any script runs. What the scale browser tests share with it (routing,
// page actions, the heap meter) lives in support/browser/.

/**
 * The probe: long animation frames (or long tasks) and requestAnimationFrame gaps, per phase;
 * and, where long animation frames are observed, the main thread's own work in each (its
 * scripts, then style, layout and paint), the rest of such a frame being spent waiting,
 * under software WebGL mostly for the GPU process to finish the previous frames.
 */
const PROBE = `(() => {
  const probe = { phase: "load", frames: {}, gaps: {}, work: {}, observer: "none" };
  window.__scaleProbe = probe;
  const note = (table, ms) => { table[probe.phase] = Math.max(table[probe.phase] ?? 0, ms); };
  const workOf = (e) => (e.scripts ?? []).reduce((sum, s) => sum + s.duration, 0) + (e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0);
  for (const type of ["long-animation-frame", "longtask"]) {
    if (!(PerformanceObserver.supportedEntryTypes ?? []).includes(type)) continue;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        note(probe.frames, e.duration);
        if (type === "long-animation-frame") note(probe.work, workOf(e));
      }
    }).observe({ type, buffered: true });
    probe.observer = type;
    break;
  }
  // A gap counts towards the phase it began in (a phase switch must not inherit the idle before it).
  let last = 0;
  let lastPhase = probe.phase;
  const tick = (t) => {
    if (last) probe.gaps[lastPhase] = Math.max(probe.gaps[lastPhase] ?? 0, t - last);
    last = t;
    lastPhase = probe.phase;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Longest {
  observer: string;
  frames: Record<string, number>;
  gaps: Record<string, number>;
  work: Record<string, number>;
}

export interface ScalePage {
  context: BrowserContext;
  page: Page;
  dataset: Dataset;
  /** Starts a new probe phase (load, filter, pan …): later frames count towards it. */
  phase(name: string): Promise<void>;
  /** Longest frame per phase, in ms: the long-frame observer's, the largest gap between animation frames, the most main-thread work in one frame. */
  longest(): Promise<Longest>;
  close(): Promise<void>;
}

/** Starts a new probe phase on `page`: later frames count towards it. */
function setPhase(page: Page, name: string): Promise<void> {
  return page.evaluate((n) => void ((window as unknown as { __scaleProbe: { phase: string } }).__scaleProbe.phase = n), name);
}

/** The probe's record on `page`: longest frame, longest animation-frame gap and most main-thread work per phase. */
function longestFrames(page: Page): Promise<Longest> {
  return page.evaluate(() => {
    const p = (window as unknown as { __scaleProbe: Longest }).__scaleProbe;
    return { observer: p.observer, frames: { ...p.frames }, gaps: { ...p.gaps }, work: { ...p.work } };
  });
}

/**
 * Writes the synthetic set into a served build folder (the bench's own bench-dist/, rebuilt
 * on every run), so the preview server delivers it as a static host would. Routing 7 MB
 * through Playwright costs the driver and the browser CPU on the same two cores while the
 * page loads, which the app's frames would otherwise be charged with.
 */
function writeSynthetic(outDir: string, body: string): void {
  writeFileSync(resolve(outDir, SYNTHETIC_DATA_PATH), body);
}

/** The app's page with the probe installed; `dataset` is what it reads. */
export type AppPage = Omit<ScalePage, "dataset">;

interface OpenOptions {
  query?: string;
  viewport?: { width: number; height: number };
  beforeLoad?: (page: Page) => void;
}

/**
 * Opens the built app with the probe installed, config.json pointing at `dataPath` (a file
 * the server already has, or one `route` serves) and an empty map context.
 */
export async function openAppOn(
  browser: Browser,
  baseUrl: string,
  dataPath: string,
  options: OpenOptions & { route?: (page: Page) => Promise<unknown> } = {},
): Promise<AppPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const page = await context.newPage();
  options.beforeLoad?.(page);
  await page.addInitScript(PROBE);
  await routeDataUrl(page, dataPath);
  await options.route?.(page);
  // Loading a national set on a busy 2-core machine can take minutes; the default 30 s is too short.
  await page.goto(new URL(options.query ?? "?lang=en", baseUrl).href, { timeout: 300_000 });
  return {
    context,
    page,
    phase: (name) => setPhase(page, name),
    longest: () => longestFrames(page),
    close: () => context.close(),
  };
}

/** Opens the app on the synthetic set. `base` is the served Yangzhou dataset (its policy text is reused). */
export async function openScalePage(
  browser: Browser,
  baseUrl: string,
  base: Dataset,
  options: OpenOptions & { servedFrom?: string } = {},
): Promise<ScalePage> {
  // With its search keys, as a build of this set would ship them.
  const dataset = withSearchKeys(syntheticDataset(base), pinyinPro);
  const body = JSON.stringify(dataset);
  if (options.servedFrom) writeSynthetic(options.servedFrom, body);
  const app = await openAppOn(browser, baseUrl, SYNTHETIC_DATA_PATH, {
    ...options,
    route: (page) => routeSynthetic(page, body, Boolean(options.servedFrom)),
  });
  return { ...app, dataset };
}

/** Drags the map by (dx, dy) pixels with the mouse, and zooms with the wheel. */
export async function panAndZoom(page: Page): Promise<void> {
  const box = (await page.locator(".maplibregl-canvas").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [
    [-200, 0],
    [0, 150],
    [250, -100],
  ] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(cx + (dx * k) / 8, cy + (dy * k) / 8);
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  for (const delta of [-400, -400, 400]) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(600);
  }
}

const longestOf = async (page: Page, phase: string) => {
  const { frames, gaps } = await longestFrames(page);
  return Math.max(frames[phase] ?? 0, gaps[phase] ?? 0);
};

/** A bare page's frames under the same probe and the same gestures as the app's. */
export interface BareFrames {
  load: number;
  pan: number;
  mapReady: number;
  work: Record<string, number>;
}

/**
 * A bare MapLibre page of the served build (`path`, with `query`), probed: its longest frame
 * while it loads, over panAndZoom, and its main-thread work per phase. Null where the served
 * build has no such page (the bench builds them; dist/ has none).
 */
export async function bareFrames(
  browser: Browser,
  baseUrl: string,
  path: string,
  options: { query?: string; route?: (page: Page) => Promise<unknown>; timeout?: number } = {},
): Promise<BareFrames | null> {
  const bareUrl = new URL(path, baseUrl).href;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const probe = await page.request.get(bareUrl);
    if (!probe.ok()) return null;
    await page.addInitScript(PROBE);
    await options.route?.(page);
    await page.goto(bareUrl + (options.query ?? ""), { timeout: 300_000 });
    await waitForMapReady(page, options.timeout);
    const mapReady = await page.evaluate(() => performance.getEntriesByName("map-ready")[0]!.startTime);
    await page.waitForTimeout(500);
    await setPhase(page, "pan");
    await panAndZoom(page);
    await page.waitForTimeout(500);
    return { load: await longestOf(page, "load"), pan: await longestOf(page, "pan"), mapReady, work: (await longestFrames(page)).work };
  } finally {
    await context.close();
  }
}

/**
 * What the platform allows, measured with the same probe and the same gestures: the bare
 * MapLibre page (bench/bare.html: one fill and one line layer) drawing the synthetic set's
 * geometry, and a page that only clears a full-window WebGL canvas on every animation
 * frame. Their longest frames are floors the app cannot go below on this machine.
 */
export async function floorFrames(
  browser: Browser,
  baseUrl: string,
  dataset: Dataset,
  servedFromDisk = false,
): Promise<{
  bare: BareFrames | null;
  canvas: { idle: number; pan: number };
}> {
  // The same file the app read, from the same server (written by openScalePage's servedFrom),
  // else routed like the app's was.
  const bare = await bareFrames(browser, baseUrl, "bench/bare.html", {
    query: servedFromDisk ? `?data=${encodeURIComponent(`../${SYNTHETIC_DATA_PATH}`)}` : "",
    route: servedFromDisk
      ? undefined
      : (page) => {
          const body = JSON.stringify(dataset);
          return page.route("**/data/dataset.json", (route) => route.fulfill({ contentType: "application/json", body }));
        },
  });

  const blank = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await blank.newPage();
    await page.setContent(
      `<canvas class="maplibregl-canvas" style="position:fixed;inset:0;width:100%;height:100%"></canvas><script>
        const c = document.querySelector("canvas"); c.width = innerWidth; c.height = innerHeight;
        const gl = c.getContext("webgl2"); let n = 0;
        const draw = () => { gl.clearColor((n++ % 100) / 100, 0.6, 0.6, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(draw); };
        requestAnimationFrame(draw);
      </script>`,
    );
    await page.evaluate(PROBE);
    await setPhase(page, "warm-up"); // the context's creation and first frames
    await page.waitForTimeout(1000);
    await setPhase(page, "idle");
    await page.waitForTimeout(1500);
    await setPhase(page, "pan");
    await panAndZoom(page);
    return { bare, canvas: { idle: await longestOf(page, "idle"), pan: await longestOf(page, "pan") } };
  } finally {
    await blank.close();
  }
}
