// The desktop map-ready figure for several checkouts side by side, for a bisection:
// `npx tsx scripts/bench/map-ready-checkouts.ts <checkout> <checkout> …` builds each
// checkout's bench-dist/ with its own scripts/bench/build.ts (BENCH_SKIP_BUILD=1 reuses the
// last build), serves them all at once, and loads every checkout's app and the first
// checkout's bare page in one rotation per round (order shifted every round), a fresh browser
// context per load, one warm-up round. Prints each app's median and its ratio to the bare
// page of the same rounds. BENCH_LOADS=n rounds (15).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { PreviewServer } from "vite";
import { launchChromium } from "../../support/browser/chromium.ts";
import { median } from "./types.ts";

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const WARMUP = 1;

interface CheckoutBuild {
  buildForBench(root: string): Promise<{ outDir: string }>;
  serve(root: string, outDir: string): Promise<{ server: PreviewServer; baseUrl: string }>;
  close(server: PreviewServer): Promise<void>;
}

async function main(): Promise<void> {
  const roots = process.argv.slice(2).map((p) => resolve(p));
  if (!roots.length) throw new Error("usage: map-ready-checkouts.ts <checkout> …");
  const servers: { root: string; server: PreviewServer; baseUrl: string; mod: CheckoutBuild }[] = [];
  for (const root of roots) {
    const mod = (await import(pathToFileURL(resolve(root, "scripts/bench/build.ts")).href)) as CheckoutBuild;
    const outDir = resolve(root, "bench-dist");
    if (process.env.BENCH_SKIP_BUILD !== "1") await mod.buildForBench(root);
    const served = await mod.serve(root, outDir);
    servers.push({ root, mod, ...served });
  }
  const pages = [
    ...servers.map((s) => ({ name: s.root.split("/").pop()!, url: s.baseUrl })),
    { name: "bare", url: new URL("bench/bare.html", servers[0]!.baseUrl).href },
  ];
  const times = new Map<string, number[]>(pages.map((p) => [p.name, []]));
  const browser = await launchChromium();
  try {
    for (let round = 0; round < WARMUP + LOADS; round++) {
      const order = pages.map((_, i) => pages[(i + round) % pages.length]!);
      for (const page of order) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        try {
          const tab = await context.newPage();
          await tab.goto(page.url);
          await tab.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 60_000 });
          const t = await tab.evaluate(() => performance.getEntriesByName("map-ready")[0]!.startTime);
          if (round >= WARMUP) times.get(page.name)!.push(t);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.mod.close(s.server);
  }
  const bare = median(times.get("bare")!);
  for (const page of pages) {
    const m = median(times.get(page.name)!);
    console.log(
      `${page.name.padEnd(24)} median ${Math.round(m)} ms  ratio ${(m / bare).toFixed(2)}  (${times.get(page.name)!.map(Math.round).join(" ")})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
