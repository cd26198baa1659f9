import { preview } from "vite";
import { resolve } from "node:path";
import { launchChromium } from "../../support/browser/chromium";

// `npx tsx scripts/tools/screenshot.ts [query] [width]x[height] [out.png] [--print]`: serves
// dist/ and saves what a person would see once the map is ready. With --print (a query that
// opens an area or industry), what the printer gets instead: the printed profile under print
// media at an A4 page's width, once its map picture is composed, and beside it out.pdf.
const args = process.argv.slice(2);
const print = args.includes("--print");
const [query = "", size = "1440x900", out = "screenshot.png"] = args.filter((a) => a !== "--print");
const [width, height] = size.split("x").map(Number) as [number, number];
const root = resolve(import.meta.dirname, "../..");
const server = await preview({ root, preview: { port: 0, host: "127.0.0.1" }, logLevel: "warn" });
const address = server.httpServer.address();
if (!address || typeof address === "string") throw new Error("no port");
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: width < 600 ? 2 : 1 });
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
await page.goto(`http://127.0.0.1:${address.port}/${query}`);
await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0 || document.querySelector("[role=alert]"), null, {
  timeout: 60_000,
});
await page.waitForTimeout(300);
if (print) {
  await page.waitForSelector(".print-profile img[data-testid=print-map]", { state: "attached", timeout: 60_000 });
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: out.replace(/\.png$/, ".pdf"), format: "A4" });
  // An A4 sheet's width at 96 px per inch, with the page margins of print.css as padding
  // (a screenshot has no @page), all pages one below the other.
  await page.setViewportSize({ width: Math.round((210 / 25.4) * 96), height: 1123 });
  await page.addStyleTag({ content: "body { padding: 12mm 13mm !important; }" });
  await page.screenshot({ path: out, fullPage: true });
} else await page.screenshot({ path: out });
console.log(`saved ${out}`);
await browser.close();
server.httpServer.close();
