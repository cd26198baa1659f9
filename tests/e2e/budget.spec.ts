import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { countFirstView, firstViewTable, ownershipByModuleSizes } from "../../scripts/bench/figures/firstViewTransfer";
import { countWorkbenchFirstLoad, LAZY_LIBRARIES, WORKBENCH_BUDGET_KB } from "../../scripts/bench/figures/workbenchFirstLoad";

// The first-view budget of docs/performance.md, enforced by `npm test` on the e2e build (no
// second build): every response of the first view, gzip -9, counted as the bench counts it
// (scripts/bench/figures/firstViewTransfer.ts); the project's own part from the module
// manifest the build writes (scripts/vite-plugin-module-sizes.ts).
const TOTAL_BUDGET_KB = 450;
const OWN_BUDGET_KB = 100;
const KB = 1000;

const browser = sharedBrowser();
const dist = resolve(import.meta.dirname, "../../dist");

describe("first-view budget", () => {
  it(`loads at most ${TOTAL_BUDGET_KB} kB (gzip -9), of which at most ${OWN_BUDGET_KB} kB the project's own`, async () => {
    const ownership = ownershipByModuleSizes(dist);
    expect(ownership, "dist/.vite/module-sizes.json is missing: the build must run scripts/vite-plugin-module-sizes.ts").not.toBeNull();
    const count = await countFirstView(browser(), inject("baseUrl"), dist, ownership!);
    const table = firstViewTable(count).join("\n");
    console.log(`first view: ${(count.total / KB).toFixed(1)} kB, own ${(count.own / KB).toFixed(1)} kB\n${table}`);
    expect(
      count.rows.filter((r) => r.status >= 400).map((r) => r.path),
      table,
    ).toEqual([]);
    expect(
      count.rows.some((r) => r.path.endsWith(".js") && r.method.startsWith("module manifest")),
      table,
    ).toBe(true);
    expect(count.total / KB, `first view over ${TOTAL_BUDGET_KB} kB:\n${table}`).toBeLessThanOrEqual(TOTAL_BUDGET_KB);
    expect(count.own / KB, `the project's own part over ${OWN_BUDGET_KB} kB:\n${table}`).toBeLessThanOrEqual(OWN_BUDGET_KB);
  });

  it("the 中文 first view loads no English strings: they are in a chunk of their own, for readers of English", async () => {
    const ownership = ownershipByModuleSizes(dist)!;
    const count = await countFirstView(browser(), inject("baseUrl"), dist, ownership);
    const manifest = JSON.parse(readFileSync(resolve(dist, ".vite/module-sizes.json"), "utf8")) as {
      scripts: Record<string, Record<string, number>>;
    };
    const english = /src\/i18n\/\w+\.en\.ts$/;
    const scripts = count.rows.filter((r) => r.path.endsWith(".js")).map((r) => r.path.replace(/^\//, ""));
    expect(scripts.length).toBeGreaterThan(0);
    const carrying = scripts.filter((path) => Object.keys(manifest.scripts[path] ?? {}).some((m) => english.test(m)));
    expect(carrying, "first-view scripts that bundle English strings").toEqual([]);
    // and they are in the build, for a reader of English
    expect(Object.values(manifest.scripts).some((modules) => Object.keys(modules).some((m) => english.test(m)))).toBe(true);
  });

  it(`the workbench (edit.html) loads at most ${WORKBENCH_BUDGET_KB} kB (gzip -9) beyond the public first view's files, none of the lazy libraries`, async () => {
    const { beyond, total, eager } = await countWorkbenchFirstLoad(browser(), inject("baseUrl"), dist);
    const table = beyond.map((r) => `  ${r.path} ${(r.gzipBytes / KB).toFixed(1)} kB`).join("\n");
    console.log(`workbench first load beyond the shared files: ${(total / KB).toFixed(1)} kB\n${table}`);
    expect(
      beyond.some((r) => r.path.endsWith(".js")),
      table,
    ).toBe(true);
    expect(eager, `loaded before use (${LAZY_LIBRARIES.join(", ")} must load when first used)`).toEqual([]);
    expect(total / KB, `workbench first load over ${WORKBENCH_BUDGET_KB} kB:\n${table}`).toBeLessThanOrEqual(WORKBENCH_BUDGET_KB);
  });
});
