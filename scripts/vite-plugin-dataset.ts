import { resolve } from "node:path";
import type { Plugin } from "vite";
import { formatIssue } from "../src/domain/dataset/dataIssue.ts";
import { assembleDataDir, readDataTree } from "./data/readDataDir.ts";
import type { Dataset } from "../src/domain/dataset/schema.ts";
import { tileDataset } from "./tiles/tiledDataset.ts";
import { TILE_THRESHOLD_BYTES } from "../src/domain/dataset/tileThreshold.ts";

const DATASET_PATH = "data/dataset.json";
const CONTEXT_PATH = "data/context.json";
/** Every file of data/ as text, so the workbench can rebuild data/ exactly (docs/data.md). */
const FILES_PATH = "data/files.json";
/** Where dataset.json and the files a tiled dataset puts beside it are published. */
const DATA_FOLDER = "data/";

/**
 * The dataset as published: one file below the threshold, else tiled (the tiles and the
 * overlap result beside it). TILE_THRESHOLD_BYTES in the environment overrides the threshold
 * (0 tiles any dataset, e.g. to try Yangzhou as a tiled one).
 */
function publish(dataset: Dataset): { dataset: Dataset; files: Map<string, Uint8Array> } {
  const env = process.env.TILE_THRESHOLD_BYTES;
  const thresholdBytes = env !== undefined && env !== "" ? Number(env) : TILE_THRESHOLD_BYTES;
  return tileDataset(dataset, { thresholdBytes }) ?? { dataset, files: new Map() };
}

/** The document data/files.json holds: each file's text by its path relative to data/. */
function filesDocument(dir: string): string {
  return JSON.stringify({ files: readDataTree(dir) });
}

/**
 * Validates data/ and serves it as the two documents the app fetches at run time:
 * the dataset (areas, industries, assignments, geometry …) and the map context; beside
 * them, data/files.json, the source files themselves, which only the workbench (edit.html) reads.
 * The build stops with file › record › field: reason when data/ is invalid.
 */
export function datasetPlugin(dataDir = "data"): Plugin {
  const dir = resolve(dataDir);
  const assemble = (tiled = true) => {
    const result = assembleDataDir(dir);
    if (result.issues.length || !result.dataset) {
      const lines = result.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n");
      return { error: `Invalid data in ${dir} (${result.issues.length} problems):\n${lines}`, dataset: null, context: null, files: null };
    }
    const published = tiled ? publish(result.dataset) : { dataset: result.dataset, files: new Map<string, Uint8Array>() };
    return { error: null, dataset: published.dataset, context: result.context, files: published.files };
  };
  // The dev server's last tiled files, so a tile request does not cut the whole set again.
  let served: Map<string, Uint8Array> = new Map();
  return {
    name: "industry-map-dataset",
    buildStart() {
      const result = assemble(false);
      if (result.error !== null) this.error(result.error);
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        if (path.endsWith(`/${FILES_PATH}`)) {
          res.setHeader("content-type", "application/json; charset=utf-8");
          res.end(filesDocument(dir));
          return;
        }
        const extra = path.indexOf(`/${DATA_FOLDER}`);
        const file = extra >= 0 ? served.get(path.slice(extra + DATA_FOLDER.length + 1)) : undefined;
        if (file) {
          res.setHeader("content-type", path.endsWith(".json") ? "application/json; charset=utf-8" : "application/x-protobuf");
          res.end(file);
          return;
        }
        const want = path.endsWith(`/${DATASET_PATH}`) ? "dataset" : path.endsWith(`/${CONTEXT_PATH}`) ? "context" : null;
        if (!want) return next();
        const result = assemble(want === "dataset");
        if (result.error !== null) {
          res.statusCode = 500;
          res.setHeader("content-type", "text/plain; charset=utf-8");
          res.end(result.error);
          return;
        }
        if (want === "dataset") served = result.files;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify(result[want] ?? { type: "FeatureCollection", features: [] }));
      });
    },
    generateBundle() {
      const result = assemble();
      if (result.error !== null) return this.error(result.error);
      this.emitFile({ type: "asset", fileName: DATASET_PATH, source: JSON.stringify(result.dataset) });
      this.emitFile({
        type: "asset",
        fileName: CONTEXT_PATH,
        source: JSON.stringify(result.context ?? { type: "FeatureCollection", features: [] }),
      });
      this.emitFile({ type: "asset", fileName: FILES_PATH, source: filesDocument(dir) });
      for (const [path, bytes] of result.files) this.emitFile({ type: "asset", fileName: `${DATA_FOLDER}${path}`, source: bytes });
    },
  };
}
