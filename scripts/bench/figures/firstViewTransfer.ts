import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { attributeBySourceMap, isLibrarySource } from "../attribution.ts";
import { round, type BenchContext, type FigureDefinition, type FigureResult } from "../types.ts";

const KB = 1000; // as Vite and docs/performance.md count (maplibre-gl.js: 276 KB gzip)

interface FileRow {
  path: string;
  status: number;
  rawBytes: number;
  gzipBytes: number;
  ownShare: number;
  method: string;
  afterReady: boolean;
}

/**
 * First-view transfer: every same-origin response the app's first view loads (until
 * map-ready, then until the network is idle), each gzipped at level 9, summed; and the
 * project's own share of it (see attribution.ts and scripts/bench/README.md).
 */
export const firstViewTransfer: FigureDefinition = {
  key: "transfer",
  name: "first-view transfer",
  async run(ctx): Promise<FigureResult> {
    const origin = new URL(ctx.baseUrl).origin;
    const context = await ctx.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const responses: { response: Response; afterReady: boolean }[] = [];
    let ready = false;
    page.on("response", (response) => {
      const url = response.url();
      if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin !== origin) return;
      responses.push({ response, afterReady: ready });
    });
    try {
      await page.goto(ctx.baseUrl);
      await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 60_000 });
      ready = true;
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
      const rows: FileRow[] = [];
      for (const { response, afterReady } of responses) {
        rows.push({ ...(await measure(ctx, response)), afterReady });
      }
      rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
      const total = rows.reduce((sum, r) => sum + r.gzipBytes, 0);
      const own = rows.reduce((sum, r) => sum + r.gzipBytes * r.ownShare, 0);
      const raw = rows.reduce((sum, r) => sum + r.rawBytes, 0);
      const notes = [
        `  ${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}  owner (method)`,
        ...rows.map(
          (r) =>
            `  ${(r.path + (r.status === 200 ? "" : ` [HTTP ${r.status}]`) + (r.afterReady ? " *" : "")).padEnd(44)} ${(r.rawBytes / KB).toFixed(1).padStart(8)} ${(r.gzipBytes / KB).toFixed(1).padStart(8)}  ${ownerLabel(r.ownShare)} (${r.method})`,
        ),
        `  ${"total".padEnd(44)} ${(raw / KB).toFixed(1).padStart(8)} ${(total / KB).toFixed(1).padStart(8)}  own ${(own / KB).toFixed(1)} KB`,
        ...(rows.some((r) => r.afterReady) ? ["  * loaded after map-ready, before the network went idle"] : []),
      ];
      return {
        figures: [
          { id: "first-view-transfer-gzip", value: round(total / KB), unit: "KB", budget: 450, extra: { files: rows.length, raw_kb: round(raw / KB) } },
          { id: "first-view-own-gzip", value: round(own / KB), unit: "KB", budget: 100, extra: { library_kb: round((total - own) / KB) } },
        ],
        notes,
        details: {
          method:
            "gzip -9 of each response's bytes; own/library split of JS by hidden source maps (bytes per source, unmapped bytes shared in proportion), of CSS by the CSS modules bundled into each file, other files (HTML, JSON, SVG) own",
          files: rows.map((r) => ({ ...r, rawKB: round(r.rawBytes / KB, 2), gzipKB: round(r.gzipBytes / KB, 2), ownShare: round(r.ownShare, 4) })),
        },
      };
    } finally {
      await context.close();
    }
  },
};

function ownerLabel(share: number): string {
  if (share >= 0.995) return "own";
  if (share <= 0.005) return "library";
  return `mixed: ${Math.round(share * 100)} % own`;
}

async function measure(ctx: BenchContext, response: Response): Promise<Omit<FileRow, "afterReady">> {
  const url = new URL(response.url());
  let path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) path += "index.html";
  const file = resolve(join(ctx.outDir, path));
  const onDisk = response.status() === 200 && file.startsWith(ctx.outDir) && existsSync(file) && statSync(file).isFile();
  // The built file's bytes, as gzip would see them on a static host; else what was served.
  const bytes = onDisk ? readFileSync(file) : await response.body().catch(() => Buffer.alloc(0));
  const { ownShare, method } = onDisk ? ownership(ctx, path, file) : { ownShare: 1, method: "not a built file" };
  return { path, status: response.status(), rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, ownShare, method };
}

function ownership(ctx: BenchContext, path: string, file: string): { ownShare: number; method: string } {
  if (path.endsWith(".js")) {
    const byMap = attributeBySourceMap(file, ctx.root);
    if (byMap) return { ownShare: byMap.ownShare, method: `source map, ${Math.round(byMap.unmappedShare * 100)} % unmapped` };
    return { ownShare: 1, method: "no source map: counted own" };
  }
  if (path.endsWith(".css")) {
    const sources = ctx.cssSources.get(path);
    if (!sources?.length) return { ownShare: 1, method: "CSS of unknown origin: counted own" };
    // Several sources in one file: shared by the size of each source file.
    let own = 0;
    let all = 0;
    for (const id of sources) {
      const src = id.replace(/\?.*$/, "");
      const size = existsSync(src) ? statSync(src).size : 1;
      all += size;
      if (!isLibrarySource(src, ctx.root)) own += size;
    }
    return { ownShare: all ? own / all : 1, method: `CSS modules: ${sources.map((s) => s.replace(ctx.root + "/", "")).join(", ")}` };
  }
  return { ownShare: 1, method: "project file" };
}
