import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Dataset } from "../../src/domain/dataset/schema.ts";
import { assembleDataDir } from "../data/readDataDir.ts";
import { nationalDataset } from "../../support/national/dataset.ts";

// The harness for the national app figures (issue 18 §3: load, filter and pan frames against
// bench/bare-tiles.html, first view ≤ 2 MB, heap over 1,000 toggles, domain work per change):
// the national set published as the build pipeline publishes a tiled dataset, by
// `tileDataset` of scripts/tiles/tiledDataset.ts (the tiledmap branch). That module is not on
// this branch: it is loaded by path at run time, and until it is there the harness says so
// and the figures are not taken.

/** The interface of scripts/tiles/tiledDataset.ts, as agreed between the two tile branches. */
type TileDataset = (
  dataset: Dataset,
  options?: { thresholdBytes?: number; pmtiles?: boolean },
) => null | { dataset: Dataset; files: Map<string, Uint8Array> };

const TILED_DATASET_MODULE = "../tiles/tiledDataset.ts";

async function loadTileDataset(): Promise<TileDataset | null> {
  try {
    const module = (await import(/* @vite-ignore */ TILED_DATASET_MODULE)) as { tileDataset?: TileDataset };
    return module.tileDataset ?? null;
  } catch {
    return null;
  }
}

/** Where the app reads the tiled national set from (config.json's dataUrl), relative to the served folder. */
const NATIONAL_TILED_DATA_PATH = "national-app/data/dataset.json";

/**
 * Publishes the national set, tiled, into `outDir` (dataset.json at NATIONAL_TILED_DATA_PATH,
 * its files beside it by their relative paths). Null when tileDataset is not available yet.
 */
export async function writeTiledNational(root: string, outDir: string): Promise<{ files: number; bytes: number } | null> {
  const tileDataset = await loadTileDataset();
  if (!tileDataset) return null;
  const { dataset: base, issues } = assembleDataDir(resolve(root, "data"));
  if (!base) throw new Error(`data/ is invalid: ${JSON.stringify(issues)}`);
  const published = tileDataset(nationalDataset(base).dataset, { pmtiles: true });
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
