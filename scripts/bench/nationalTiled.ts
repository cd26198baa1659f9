import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { assembleDataDir } from "../data/readDataDir.ts";
import { nationalDataset, provinceFiles } from "../../support/national/dataset.ts";
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
  // BENCH_NATIONAL_FILES=jiang1_su1: one province's files, as national-tiles.ts reads them for the bare page.
  const prefix = process.env.BENCH_NATIONAL_FILES;
  const published = tileDataset(nationalDataset(base, prefix ? { files: provinceFiles(prefix) } : {}).dataset);
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

/** Copies a set writeTiledNational wrote into `fromDir` into `outDir` (the bench's build folder is wiped on every run). */
export function copyTiledNational(fromDir: string, outDir: string): { files: number; bytes: number } {
  const folder = dirname(NATIONAL_TILED_DATA_PATH);
  cpSync(resolve(fromDir, folder), resolve(outDir, folder), { recursive: true });
  let files = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      // dataset.json itself is not one of the files beside it.
      else if (path !== resolve(outDir, NATIONAL_TILED_DATA_PATH)) {
        files++;
        bytes += stat.size;
      }
    }
  };
  walk(resolve(outDir, folder));
  return { files, bytes };
}
