import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { MODULE_SIZES_FILE, type ModuleSizes } from "../../vite-plugin-module-sizes.ts";
import { round, type FigureDefinition, type FigureResult } from "../types.ts";
import { countFirstView, ownershipByModuleSizes, type FirstViewCount } from "./firstViewTransfer.ts";

const KB = 1000;
/** The workbench's own budget beyond the map's shared code (issue 16, docs/performance.md). */
export const WORKBENCH_BUDGET_KB = 150;
/** Libraries the workbench loads only when first used (a spreadsheet, an outline, a drawing, a pinyin id). */
export const LAZY_LIBRARIES = ["@e965/xlsx", "@tmcw/togeojson", "shpjs", "terra-draw", "terra-draw-maplibre-gl-adapter", "pinyin-pro"];

export interface WorkbenchFirstLoad {
  workbench: FirstViewCount;
  /** The files edit.html loads before map-ready that the public first view does not. */
  beyond: FirstViewCount["rows"];
  /** gzip -9 bytes of `beyond`. */
  total: number;
  /** Lazy libraries found in those files: must be none. */
  eager: string[];
}

/**
 * edit.html counted as the first view is (countFirstView: every response until map-ready,
 * gzip -9), minus every file the public first view also loads (the map's shared code and the
 * data both read); the lazy libraries looked up in the module manifest of each file left.
 */
export async function countWorkbenchFirstLoad(browser: Browser, baseUrl: string, outDir: string): Promise<WorkbenchFirstLoad> {
  const ownership = ownershipByModuleSizes(outDir) ?? (() => ({ ownShare: 1, method: "no module manifest: counted own" }));
  const publicView = await countFirstView(browser, baseUrl, outDir, ownership);
  const workbench = await countFirstView(browser, new URL("edit.html", baseUrl).href, outDir, ownership);
  const shared = new Set(publicView.rows.map((r) => r.path));
  const beyond = workbench.rows.filter((r) => !shared.has(r.path) && !r.afterReady);
  const file = join(outDir, MODULE_SIZES_FILE);
  const sizes: ModuleSizes = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ModuleSizes) : { scripts: {}, styles: {} };
  const eager = LAZY_LIBRARIES.filter((name) =>
    workbench.rows.some((r) => Object.keys(sizes.scripts[r.path] ?? {}).some((id) => id.includes(`node_modules/${name}/`))),
  );
  return { workbench, beyond, total: beyond.reduce((sum, r) => sum + r.gzipBytes, 0), eager };
}

export const workbenchFirstLoad: FigureDefinition = {
  key: "workbench",
  name: "workbench first load beyond the shared code",
  async run(ctx): Promise<FigureResult> {
    const { workbench, beyond, total, eager } = await countWorkbenchFirstLoad(ctx.browser, ctx.baseUrl, ctx.outDir);
    return {
      figures: [
        {
          id: "workbench-first-load-gzip",
          value: round(total / KB),
          unit: "KB",
          budget: WORKBENCH_BUDGET_KB,
          extra: { files: beyond.length, edit_html_total_kb: round(workbench.total / KB), lazy_libraries_loaded: eager.length },
        },
      ],
      notes: [
        ...beyond.map((r) => `  ${r.path.padEnd(44)} ${(r.gzipBytes / KB).toFixed(1).padStart(8)} KB`),
        `  lazy libraries in the first load: ${eager.length ? eager.join(", ") : "none"} (${LAZY_LIBRARIES.join(", ")} load when first used)`,
      ],
      details: { beyond, eager, editHtmlTotalKB: round(workbench.total / KB) },
    };
  },
};
