// `npx tsx scripts/bench/scale-only.ts`: the scale figures of `npm run bench` alone, without
// the other figures, on a fresh bench build (the app and the bare page, for the floors).
import { resolve } from "node:path";
import { launchChromium } from "../../support/browser/chromium.ts";
import { buildForBench, close, serve } from "./build.ts";
import { scale } from "./figures/scale.ts";
import { figureLine } from "./types.ts";

const root = resolve(import.meta.dirname, "../..");
const { outDir } = await buildForBench(root);
const { server, baseUrl } = await serve(root, outDir);
const browser = await launchChromium();
try {
  const t0 = performance.now();
  const result = await scale.run({ root, outDir, baseUrl, browser, cssSources: new Map() });
  for (const f of result.figures) console.log(figureLine(f));
  for (const note of result.notes) console.log(note);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
} finally {
  await browser.close();
  await close(server);
}
