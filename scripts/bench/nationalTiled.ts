import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { assembleDataDir } from "../data/readDataDir.ts";
import { nationalDataset } from "../../support/national/dataset.ts";
import { tileDataset } from "../tiles/tiledDataset.ts";

// The harness for the national app figures (issue 18 §3: load, filter and pan frames against
// bench/bare-tiles.html, first view ≤ 2 MB, heap over 1,000 toggles, domain work per change):
// the national set published as the build pipeline publishes a tiled dataset (tileDataset).
// The archive is not asked for: the app reads the tile folder, as the bare tile page does.

/** Where the app reads the tiled national set from (config.json's dataUrl), relative to the served folder. */
export const NATIONAL_TILED_DATA_PATH = "national-app/data/dataset.json";

/**
 * Publishes the national set, tiled, into `outDir` (dataset.json at NATIONAL_TILED_DATA_PATH,
 * its files beside it by their relative paths).
 */
export function writeTiledNational(root: string, outDir: string): { files: number; bytes: number } {
  const { dataset: base, issues } = assembleDataDir(resolve(root, "data"));
  if (!base) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
  const published = tileDataset(nationalDataset(base).dataset);
  if (!published) throw new Error("tileDataset kept the national set as one GeoJSON file: below its threshold?");
  const dataFile = resolve(outDir, NATIONAL_TILED_DATA_PATH);
  mkdirSync(dirname(dataFile), { recursive: true });
  writeFileSync(dataFile, JSON.stringify(published.dataset));
  let bytes = 0;
  for (const [path, content] of published.files) {
    const file = resolve(dirname(dataFile), path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    bytes += content.length;
  }
  return { files: published.files.size, bytes };
}
