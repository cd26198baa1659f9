import { beforeAll, describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import { resolve } from "node:path";

// Probes of the import rules in eslint.config.js: each forbidden import is linted as if it
// were written in a file of that layer, at several folder depths, and must be refused;
// the allowed ones beside them must pass, so a rule that refuses everything fails too.

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, "../../..") });

async function refused(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import "${source}";\n`, { filePath: file });
  return result!.messages.some((m) => m.ruleId === "no-restricted-imports");
}

/** The relative path from a file `depth` folders below `layer` to `target` (a top-level src/ folder). */
function climb(depth: number, target: string): string {
  return `${"../".repeat(depth + 1)}${target}/x`;
}

function fileAt(layer: string, depth: number): string {
  return `src/${layer}/${"sub/".repeat(depth)}probe.ts`;
}

const forbidden: Record<string, { layers: string[]; packages: string[] }> = {
  domain: { layers: ["state", "map", "ui", "i18n"], packages: ["react", "react-dom/client", "maplibre-gl", "zustand", "i18next"] },
  map: { layers: ["state", "ui", "i18n"], packages: ["react", "zustand/vanilla", "i18next"] },
  state: { layers: ["map", "ui"], packages: ["react-dom", "maplibre-gl"] },
  ui: { layers: ["map"], packages: ["maplibre-gl"] },
  contracts: { layers: ["domain", "state", "map", "ui"], packages: ["zod", "react"] },
  draw: { layers: ["domain", "state", "map", "ui", "i18n", "contracts"], packages: ["react", "maplibre-gl"] },
};

const allowed: Record<string, string[]> = {
  domain: ["contracts", "domain"],
  map: ["domain", "contracts", "draw"],
  state: ["domain", "contracts"],
  ui: ["domain", "state", "i18n", "contracts", "draw"],
};

describe("import boundaries", () => {
  // The first lint loads the configuration and its plugins: seconds on a busy machine.
  beforeAll(() => eslint.lintText("", { filePath: "src/domain/probe.ts" }), 60_000);

  for (const [layer, { layers, packages }] of Object.entries(forbidden)) {
    for (const depth of [0, 1, 3]) {
      for (const target of layers) {
        it(`src/${layer} (depth ${depth}) may not import src/${target}`, async () => {
          expect(await refused(fileAt(layer, depth), climb(depth, target))).toBe(true);
        });
      }
    }
    for (const name of packages) {
      it(`src/${layer} may not import ${name}`, async () => {
        expect(await refused(fileAt(layer, 2), name)).toBe(true);
      });
    }
  }

  for (const [layer, targets] of Object.entries(allowed)) {
    for (const target of targets) {
      it(`src/${layer} may import src/${target}`, async () => {
        expect(await refused(fileAt(layer, 2), climb(2, target))).toBe(false);
      });
    }
  }

  it("only the map hosts (the app's and the workbench's) import src/map from the UI", async () => {
    expect(await refused("src/ui/MapHost.tsx", "../map/IndustryMap")).toBe(false);
    expect(await refused("src/ui/workbench/WorkbenchMapHost.tsx", "../../map/IndustryMap")).toBe(false);
    expect(await refused("src/ui/share/composeMapImage.ts", "../../map/IndustryMap")).toBe(true);
    expect(await refused("src/ui/workbench/WorkbenchApp.tsx", "../../map/IndustryMap")).toBe(true);
  });

  it("src/contracts imports nothing outside itself", async () => {
    expect(await refused("src/contracts/probe.ts", "./marks")).toBe(false);
  });

  it("src/draw imports nothing outside itself", async () => {
    expect(await refused("src/draw/probe.ts", "./patterns")).toBe(false);
  });
});

describe("lazily loaded libraries", () => {
  async function refusedLazy(file: string, line: string): Promise<boolean> {
    const [result] = await eslint.lintText(`${line}\n`, { filePath: file });
    return result!.messages.some((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
  }

  for (const name of ["@e965/xlsx", "shpjs", "@tmcw/togeojson", "terra-draw", "terra-draw-maplibre-gl-adapter", "pmtiles"]) {
    it(`only their own modules import ${name}`, async () => {
      expect(await refusedLazy("src/domain/workbench/sheetImport.ts", `import "${name}";`)).toBe(true);
      expect(await refusedLazy("src/ui/workbench/sub/probe.tsx", `import "${name}";`)).toBe(true);
    });
  }

  it("their modules import them, and others load those modules with import() or for types only", async () => {
    expect(await refusedLazy("src/domain/workbench/xlsxFile.ts", `import "@e965/xlsx";`)).toBe(false);
    expect(await refusedLazy("src/domain/workbench/outlineFiles.ts", `import "shpjs";`)).toBe(false);
    expect(await refusedLazy("src/ui/probe.tsx", `import { readSheet } from "../domain/workbench/xlsxFile";`)).toBe(true);
    expect(await refusedLazy("src/state/sub/probe.ts", `import { parseOutline } from "../../domain/workbench/outlineFiles.ts";`)).toBe(
      true,
    );
    expect(await refusedLazy("src/ui/probe.tsx", `import type { OutlineFormat } from "../domain/workbench/outlineFiles";`)).toBe(false);
    expect(await refusedLazy("src/ui/probe.tsx", `export const load = () => import("../domain/workbench/xlsxFile");`)).toBe(false);
    expect(await refusedLazy("src/map/OutlineDrawController.ts", `import "terra-draw";`)).toBe(false);
    expect(await refusedLazy("src/map/IndustryMap.ts", `import { OutlineDrawController } from "./OutlineDrawController";`)).toBe(true);
    expect(await refusedLazy("src/map/IndustryMap.ts", `import type { OutlineDrawController } from "./OutlineDrawController";`)).toBe(
      false,
    );
  });

  it("the PMTiles reader comes only with its module, and the tiled-dataset code only with import()", async () => {
    expect(await refusedLazy("src/map/pmtilesProtocol.ts", `import { Protocol } from "pmtiles";`)).toBe(false);
    expect(await refusedLazy("src/map/IndustryMap.ts", `import { Protocol } from "pmtiles";`)).toBe(true);
    expect(await refusedLazy("src/map/tiledAreas.ts", `import { registerPmtiles } from "./pmtilesProtocol";`)).toBe(true);
    expect(await refusedLazy("src/map/IndustryMap.ts", `import { useTileSource } from "./tiledAreas";`)).toBe(true);
    expect(await refusedLazy("src/map/IndustryMap.ts", `export const load = () => import("./tiledAreas");`)).toBe(false);
  });
});
