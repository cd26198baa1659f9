// `npm run bench`: the performance figures of docs/performance.md, measured on a production
// build in headless Chromium (software WebGL). Prints one parseable `figure:` line per
// figure, notes for people under each, and writes bench-results/latest.json.
// It reports and never gates: exit 0 whatever the figures, 1 only when it could not measure.
// What each figure means and how it is measured: scripts/bench/README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { execFileSync } from "node:child_process";
import type { PreviewServer } from "vite";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../support/browser/chromium.ts";
import { buildForBench, close, serve } from "./build.ts";
import { firstViewTransfer } from "./figures/firstViewTransfer.ts";
import { mapReadyRatio } from "./figures/mapReady.ts";
import { filterClick } from "./figures/filterClick.ts";
import { domainPerChange } from "./figures/domainPerChange.ts";
import { scale } from "./figures/scale.ts";
import { searchKeystroke } from "./figures/searchKeystroke.ts";
import { tiles } from "./figures/tiles.ts";
import { workbenchFirstLoad } from "./figures/workbenchFirstLoad.ts";
import { lighthouseFigure } from "./figures/lighthouse.ts";
import { figureLine, statusOf, type BenchContext, type Figure, type FigureDefinition } from "./types.ts";

/** The figures, in order. A new figure is one FigureDefinition added here. */
const FIGURES: FigureDefinition[] = [
  firstViewTransfer,
  mapReadyRatio,
  filterClick,
  domainPerChange,
  searchKeystroke,
  scale,
  tiles,
  workbenchFirstLoad,
  lighthouseFigure,
];

function gitCommit(root: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, "../..");
  const started = performance.now();
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    console.log("bench: building the app and the bare MapLibre page into bench-dist/ …");
    const built = await buildForBench(root);
    const served = await serve(root, built.outDir);
    server = served.server;
    browser = await launchChromium();
    const ctx: BenchContext = { root, outDir: built.outDir, baseUrl: served.baseUrl, browser, cssSources: built.cssSources };
    console.log(`bench: serving on ${served.baseUrl}, Chromium ${browser.version()} (software WebGL)\n`);

    const results: { name: string; figures: (Figure & { status: string })[]; details: Record<string, unknown> }[] = [];
    // BENCH_ONLY=map-ready,filter measures only those figures (keys: transfer, map-ready, filter, domain, search, scale, tiles, workbench, lighthouse).
    const only = process.env.BENCH_ONLY?.split(",")
      .map((k) => k.trim())
      .filter(Boolean);
    const unknown = only?.filter((k) => !FIGURES.some((f) => f.key === k)) ?? [];
    if (unknown.length)
      throw new Error(`BENCH_ONLY: unknown figure ${unknown.join(", ")} (known: ${FIGURES.map((f) => f.key).join(", ")})`);
    for (const definition of FIGURES.filter((f) => !only?.length || only.includes(f.key))) {
      const t0 = performance.now();
      console.log(`## ${definition.name}`);
      const result = await definition.run(ctx);
      for (const figure of result.figures) console.log(figureLine(figure));
      for (const note of result.notes) console.log(note);
      console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
      results.push({ name: definition.name, figures: result.figures.map((f) => ({ ...f, status: statusOf(f) })), details: result.details });
    }

    const all = results.flatMap((r) => r.figures);
    const over = all.filter((f) => f.status === "over");
    const summary = {
      date: new Date().toISOString(),
      commit: gitCommit(root),
      node: process.version,
      chromium: browser.version(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      figures: all,
      results,
    };
    mkdirSync(resolve(root, "bench-results"), { recursive: true });
    writeFileSync(resolve(root, "bench-results/latest.json"), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `bench: ${all.filter((f) => f.budget !== null).length - over.length} within budget, ${over.length} over${over.length ? ` (${over.map((f) => f.id).join(", ")})` : ""}; ${summary.seconds} s; bench-results/latest.json written`,
    );
  } finally {
    await browser?.close();
    if (server) await close(server);
  }
}

main().catch((error: unknown) => {
  console.error("bench: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
