import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Response } from "playwright-core";
import { attributeBySourceMap, isLibrarySource } from "../attribution.ts";
import { isLibraryModule, MODULE_SIZES_FILE, type ModuleSizes } from "../../vite-plugin-module-sizes.ts";
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

/** How much of a built file (path under outDir) is the project's own: a share of its bytes, and how that was found. */
export type Ownership = (path: string, file: string) => { ownShare: number; method: string };

export interface FirstViewCount {
  rows: FileRow[];
  /** gzip -9 bytes, summed over the files. */
  total: number;
  /** The project's share of `total`. */
  own: number;
  raw: number;
}

/**
 * Loads the first view in a fresh context and counts it: every same-origin response (until
 * map-ready, then until the network is idle), each built file's bytes gzipped at level 9,
 * summed, and the project's own share of it. Shared by the bench figure and the budget gate
 * of `npm test` (tests/e2e/budget.spec.ts), so both count the same way.
 */
export async function countFirstView(browser: Browser, baseUrl: string, outDir: string, ownership: Ownership): Promise<FirstViewCount> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const responses: { response: Response; afterReady: boolean }[] = [];
  let ready = false;
  page.on("response", (response) => {
    const url = response.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin !== origin) return;
    responses.push({ response, afterReady: ready });
  });
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 60_000 });
    ready = true;
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    const rows: FileRow[] = [];
    for (const { response, afterReady } of responses) {
      rows.push({ ...(await measure(outDir, response, ownership)), afterReady });
    }
    rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      rows,
      total: rows.reduce((sum, r) => sum + r.gzipBytes, 0),
      own: rows.reduce((sum, r) => sum + r.gzipBytes * r.ownShare, 0),
      raw: rows.reduce((sum, r) => sum + r.rawBytes, 0),
    };
  } finally {
    await context.close();
  }
}

/** The per-file table people read (bench notes, the gate's failure message). */
export function firstViewTable({ rows, total, own, raw }: FirstViewCount): string[] {
  return [
    `  ${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}  owner (method)`,
    ...rows.map(
      (r) =>
        `  ${(r.path + (r.status === 200 ? "" : ` [HTTP ${r.status}]`) + (r.afterReady ? " *" : "")).padEnd(44)} ${(r.rawBytes / KB).toFixed(1).padStart(8)} ${(r.gzipBytes / KB).toFixed(1).padStart(8)}  ${ownerLabel(r.ownShare)} (${r.method})`,
    ),
    `  ${"total".padEnd(44)} ${(raw / KB).toFixed(1).padStart(8)} ${(total / KB).toFixed(1).padStart(8)}  own ${(own / KB).toFixed(1)} KB`,
    ...(rows.some((r) => r.afterReady) ? ["  * loaded after map-ready, before the network went idle"] : []),
  ];
}

/**
 * The own/library split from the manifest the build writes (scripts/vite-plugin-module-sizes.ts):
 * a JS chunk by its modules' rendered lengths, a CSS file by its stylesheets' source sizes;
 * other built files (HTML, data, config.json, favicon) are the project's. Null when the build
 * has no manifest.
 */
export function ownershipByModuleSizes(outDir: string): Ownership | null {
  const file = join(outDir, MODULE_SIZES_FILE);
  if (!existsSync(file)) return null;
  const sizes = JSON.parse(readFileSync(file, "utf8")) as ModuleSizes;
  return (path) => {
    const modules = path.endsWith(".js") ? sizes.scripts[path] : path.endsWith(".css") ? sizes.styles[path] : undefined;
    if (!modules)
      return {
        ownShare: 1,
        method: path.endsWith(".js") || path.endsWith(".css") ? "not in the module manifest: counted own" : "project file",
      };
    let own = 0;
    let all = 0;
    for (const [id, bytes] of Object.entries(modules)) {
      all += bytes;
      if (!isLibraryModule(id)) own += bytes;
    }
    return { ownShare: all ? own / all : 1, method: `module manifest, ${Object.keys(modules).length} modules` };
  };
}

/**
 * First-view transfer (bench figure): countFirstView with the own/library split of JS by
 * hidden source maps (bytes per source after minification; the bench build writes them),
 * else by the module manifest (see attribution.ts and scripts/bench/README.md).
 */
export const firstViewTransfer: FigureDefinition = {
  key: "transfer",
  name: "first-view transfer",
  async run(ctx): Promise<FigureResult> {
    const byManifest = ownershipByModuleSizes(ctx.outDir);
    const count = await countFirstView(ctx.browser, ctx.baseUrl, ctx.outDir, (path, file) => ownership(ctx, path, file, byManifest));
    const { rows, total, own, raw } = count;
    return {
      figures: [
        {
          id: "first-view-transfer-gzip",
          // Unrounded, so the status is the budget test's (450.017 kB is over, though printed 450.0).
          value: total / KB,
          unit: "KB",
          budget: 450,
          extra: { files: rows.length, raw_kb: round(raw / KB) },
        },
        { id: "first-view-own-gzip", value: own / KB, unit: "KB", budget: 100, extra: { library_kb: round((total - own) / KB) } },
      ],
      notes: firstViewTable(count),
      details: {
        method:
          "gzip -9 of each response's bytes; own/library split of JS by hidden source maps (bytes per source, unmapped bytes shared in proportion), of CSS by the CSS modules bundled into each file, other files (HTML, JSON, SVG) own",
        files: rows.map((r) => ({
          ...r,
          rawKB: round(r.rawBytes / KB, 2),
          gzipKB: round(r.gzipBytes / KB, 2),
          ownShare: round(r.ownShare, 4),
        })),
      },
    };
  },
};

function ownerLabel(share: number): string {
  if (share >= 0.995) return "own";
  if (share <= 0.005) return "library";
  return `mixed: ${Math.round(share * 100)} % own`;
}

async function measure(outDir: string, response: Response, ownership: Ownership): Promise<Omit<FileRow, "afterReady">> {
  const url = new URL(response.url());
  let path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) path += "index.html";
  const file = resolve(join(outDir, path));
  const onDisk = response.status() === 200 && file.startsWith(outDir) && existsSync(file) && statSync(file).isFile();
  // The built file's bytes, as gzip would see them on a static host; else what was served.
  const bytes = onDisk ? readFileSync(file) : await response.body().catch(() => Buffer.alloc(0));
  const { ownShare, method } = onDisk ? ownership(path, file) : { ownShare: 1, method: "not a built file" };
  return { path, status: response.status(), rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, ownShare, method };
}

function ownership(ctx: BenchContext, path: string, file: string, byManifest: Ownership | null): { ownShare: number; method: string } {
  if (path.endsWith(".js")) {
    const byMap = attributeBySourceMap(file, ctx.root);
    if (byMap) return { ownShare: byMap.ownShare, method: `source map, ${Math.round(byMap.unmappedShare * 100)} % unmapped` };
    if (byManifest) return byManifest(path, file);
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
