// `npx tsx scripts/bench/pan-profile.ts <checkout> <probe|cpu|count> <out.json>`: where the
// main thread's time goes while panning the synthetic national set, in any checkout (this one
// or an older one beside it), so two builds can be compared by the share of each source file
// and function rather than by one frame's wall-clock time, which a loaded machine makes noisy.
// It builds the checkout's bench build (its own scripts/bench/build.ts, BENCH_SKIP_BUILD=1 to
// reuse one), opens it with the checkout's own openScalePage, runs the bench's scale sequence
// (map-ready, 20 filter toggles, then three drags and three wheel zooms) and records over the
// pan phase:
// - every long animation frame with its scripts (all modes);
// - cpu: a sampling CPU profile (0.2 ms), self time per original source file and function
//   through the hidden source maps; the raw profile beside out.json as .cpuprofile; then a
//   second one over the filter clicks after the pan (`cpuClicks`, -clicks.cpuprofile);
// - count: call counts per function (V8 precise coverage; it keeps code unoptimised, so its
//   frame times are not comparable).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { SourceMapConsumer } from "source-map-js";
import { launchChromium } from "../../support/browser/chromium.ts";
import { filterClickWork } from "./filterWork.ts";
// The pan is this checkout's, whichever checkout is profiled, so both are driven alike.
import { panAndZoom } from "./scalePage.ts";

type Mode = "probe" | "cpu" | "count";
const [rootArg, modeArg, outArg] = process.argv.slice(2);
if (!rootArg || !outArg || !["probe", "cpu", "count"].includes(modeArg ?? "")) {
  console.error("usage: npx tsx scripts/bench/pan-profile.ts <checkout> <probe|cpu|count> <out.json>");
  process.exit(2);
}
const root = resolve(rootArg);
const mode = modeArg as Mode;
const out = resolve(outArg);
const outDir = resolve(root, "bench-dist");
// The dataset plugin reads data/ from the working directory.
process.chdir(root);

interface CheckoutBench {
  buildForBench(root: string): Promise<unknown>;
  serve(root: string, outDir: string): Promise<{ server: unknown; baseUrl: string }>;
  close(server: unknown): Promise<void>;
}
interface CheckoutScalePage {
  openScalePage(
    browser: unknown,
    baseUrl: string,
    base: unknown,
    options: { servedFrom: string },
  ): Promise<{
    page: Page;
    phase(name: string): Promise<void>;
    longest(): Promise<{ work: Record<string, number> }>;
    close(): Promise<void>;
  }>;
}
const bench = (await import(resolve(root, "scripts/bench/build.ts"))) as CheckoutBench;
const scalePage = (await import(resolve(root, "scripts/bench/scalePage.ts"))) as CheckoutScalePage;
if (process.env.BENCH_SKIP_BUILD !== "1") await bench.buildForBench(root);

// The bench's gestures and clicks, written out here so that both checkouts get the same ones.
async function clickInPage(page: Page, selector: string, count: number): Promise<void> {
  await page.evaluate(`(async () => {
    for (let n = 1; n <= ${count}; n++) {
      document.querySelector(${JSON.stringify(selector)}).click();
      await new Promise((done) => requestAnimationFrame(done));
      await new Promise((done) => requestAnimationFrame(done));
    }
  })()`);
}

// Every long animation frame from here on, with its scripts; `work` as the bench counts it.
const RECORD = `(() => {
  const rec = (window.__panFrames = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.push({
      start: e.startTime, duration: e.duration, styleAndLayoutStart: e.styleAndLayoutStart,
      work: (e.scripts ?? []).reduce((s, x) => s + x.duration, 0) + (e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
      scripts: (e.scripts ?? []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL, duration: s.duration, forced: s.forcedStyleAndLayoutDuration })),
    });
  }).observe({ type: "long-animation-frame" });
})()`;

interface Frame {
  work: number;
  styleAndLayoutStart: number;
  start: number;
  duration: number;
  scripts: { invoker: string; duration: number; forced: number }[];
}

const consumers = new Map<string, SourceMapConsumer | null>();
/** The original source file, line and name of a position in a built file (paths shortened). */
function originOf(url: string, line: number, column: number): string {
  if (!consumers.has(url)) {
    const file = resolve(outDir, `.${new URL(url).pathname}.map`);
    consumers.set(url, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, "utf8"))) : null);
  }
  const consumer = consumers.get(url);
  if (!consumer) return `${new URL(url).pathname}:${line + 1}`;
  const p = consumer.originalPositionFor({ line: line + 1, column, bias: SourceMapConsumer.GREATEST_LOWER_BOUND });
  const source = (p.source ?? "?").replace(/^.*node_modules\//, "").replace(/^.*\/src\//, "src/");
  return `${source}:${p.line ?? 0}${p.name ? ` ${p.name}` : ""}`;
}
const fileOf = (origin: string) => origin.replace(/:.*$/, "");
const rounded = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10] as const);

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { startOffset: number; count: number }[] }[] }[];
}

type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
/** Stops the CPU profile, writes it raw to `file` and returns self time per original file and function. */
async function stopProfile(cdp: CDPSession, file: string) {
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const f = node.callFrame;
    if (!ms) continue;
    // Built-ins (DOM calls, GC, "(program)": the browser's own work) keep their own names.
    const origin = f.url ? originOf(f.url, f.lineNumber, f.columnNumber) : `(${f.functionName.replace(/[()]/g, "") || "native"})`;
    const fn = f.url && !origin.includes(" ") ? `${origin} ${f.functionName || "(anonymous)"}` : origin;
    byFile.set(fileOf(origin), (byFile.get(fileOf(origin)) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    if (f.functionName !== "(idle)") busy += ms;
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const nameOf = (n: ProfileNode) =>
    n.callFrame.url
      ? `${originOf(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)} ${n.callFrame.functionName}`
      : `(${n.callFrame.functionName.replace(/[()]/g, "")})`;
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    if (byId.get(id)?.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
    }
  }
  writeFileSync(file, JSON.stringify(profile));
  return {
    inclusive: rounded(inclusive).slice(0, 150),
    busyMs: busy,
    wallMs: (profile.endTime - profile.startTime) / 1000,
    byFile: rounded(byFile),
    byFunction: rounded(byFunction).slice(0, 150),
  };
}

const browser = await launchChromium();
const { server, baseUrl } = await bench.serve(root, outDir);
try {
  const base: unknown = JSON.parse(readFileSync(resolve(outDir, "data/dataset.json"), "utf8"));
  const s = await scalePage.openScalePage(browser, baseUrl, base, { servedFrom: outDir });
  const { page } = s;
  await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 300_000 });
  await page.waitForTimeout(500);
  await s.phase("filter");
  await clickInPage(page, "#filter-low-altitude-economy", 20);
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(RECORD);
  await cdp.send("Profiler.enable");
  if (mode === "cpu") {
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  if (mode === "count") {
    await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    await cdp.send("Profiler.takePreciseCoverage"); // resets the counters: only the pan is counted
  }
  await s.phase("pan");
  await panAndZoom(page);
  await page.waitForTimeout(500);
  await s.phase("idle");

  const frames = (await page.evaluate("window.__panFrames")) as Frame[];
  const work = frames.map((f) => f.work).sort((a, b) => a - b);
  const result: Record<string, unknown> = {
    checkout: root,
    mode,
    at: new Date().toISOString(),
    load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
    probeWork: (await s.longest()).work,
    frames: {
      count: work.length,
      sumWork: work.reduce((a, b) => a + b, 0),
      medianWork: work[work.length >> 1] ?? 0,
      maxWork: work.at(-1) ?? 0,
      forced: frames.reduce((a, f) => a + f.scripts.reduce((b, x) => b + (x.forced ?? 0), 0), 0),
      list: frames,
    },
  };
  if (mode === "cpu") {
    result.cpu = await stopProfile(cdp, out.replace(/\.json$/, "") + ".cpuprofile");
  }
  if (mode === "count") {
    const { result: coverage } = (await cdp.send("Profiler.takePreciseCoverage")) as unknown as Coverage;
    const counts = new Map<string, number>();
    for (const script of coverage) {
      if (!script.url.startsWith(baseUrl)) continue;
      const code = readFileSync(resolve(outDir, `.${new URL(script.url).pathname}`), "utf8");
      const lineStarts = [0];
      for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
      const lineOf = (offset: number) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (lineStarts[mid]! <= offset) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      for (const fn of script.functions) {
        const range = fn.ranges[0];
        if (!range?.count) continue;
        const line = lineOf(range.startOffset);
        const origin = originOf(script.url, line, range.startOffset - lineStarts[line]!);
        const key = origin.includes(" ") ? origin : `${origin} ${fn.functionName || "(anonymous)"}`;
        counts.set(key, (counts.get(key) ?? 0) + range.count);
      }
    }
    result.counts = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 400);
  }
  // After the pan (so the pan's state is the bench's): a filter click's main-thread work, each click settled.
  // With cpu, a second profile over the clicks alone (beside out.json as -clicks.cpuprofile).
  if (mode === "cpu") {
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  if (mode !== "count") result.filterClick = await filterClickWork(page, "#filter-low-altitude-economy", 10);
  if (mode === "cpu") result.cpuClicks = await stopProfile(cdp, out.replace(/\.json$/, "") + "-clicks.cpuprofile");
  writeFileSync(out, JSON.stringify(result, null, 1));
  const f = result.frames as { count: number; sumWork: number; medianWork: number; maxWork: number };
  const click = result.filterClick as { median: number } | undefined;
  console.log(
    `${mode} ${root}: ${f.count} long frames, work sum ${f.sumWork.toFixed(0)} / median ${f.medianWork.toFixed(0)} / max ${f.maxWork.toFixed(0)} ms` +
      (click ? `; filter click main-thread work median ${click.median.toFixed(0)} ms` : ""),
  );
  await s.close();
} finally {
  await browser.close();
  await bench.close(server);
}
