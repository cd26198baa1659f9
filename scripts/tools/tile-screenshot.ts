import { resolve } from "node:path";
import { launchChromium } from "../../support/browser/chromium";
import { close, serve } from "../bench/build";

// `npx tsx scripts/tools/tile-screenshot.ts [view] [out.png] [pmtiles]`: serves bench-dist/
// (after `BENCH_ONLY=tiles npm run bench`, which writes the national tiles there) and saves
// the bare tile page (bench/bare-tiles.html) once its map is ready: the whole country, or
// `view` as lng,lat,zoom; with `pmtiles`, read from the archive instead of the folder.
const [view = "", out = "national.png", from = ""] = process.argv.slice(2);
const root = resolve(import.meta.dirname, "../..");
const { server, baseUrl } = await serve(root, resolve(root, "bench-dist"));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
  const query = new URLSearchParams({ ...(view ? { view } : {}), ...(from === "pmtiles" ? { source: "pmtiles" } : {}) });
  await page.goto(`${baseUrl}bench/bare-tiles.html?${query}`);
  await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 120_000 });
  await page.screenshot({ path: out });
  console.log(`${out} written`);
} finally {
  await browser.close();
  await close(server);
}
