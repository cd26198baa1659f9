import { resolve } from "node:path";
import type { Plugin } from "vite";
import { formatIssue } from "../src/domain/dataset/dataIssue.ts";
import { assembleDataDir, readDataTree } from "./data/readDataDir.ts";

const DATASET_PATH = "data/dataset.json";
const CONTEXT_PATH = "data/context.json";
/** Every file of data/ as text, so the workbench can rebuild data/ exactly (docs/data.md). */
const FILES_PATH = "data/files.json";

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
  const assemble = () => {
    const result = assembleDataDir(dir);
    if (result.issues.length || !result.dataset) {
      const lines = result.issues.map((issue) => `  ${formatIssue(issue)}`).join("\n");
      return { error: `Invalid data in ${dir} (${result.issues.length} problems):\n${lines}`, dataset: null, context: null };
    }
    return { error: null, dataset: result.dataset, context: result.context };
  };
  return {
    name: "industry-map-dataset",
    buildStart() {
      const result = assemble();
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
        const want = path.endsWith(`/${DATASET_PATH}`) ? "dataset" : path.endsWith(`/${CONTEXT_PATH}`) ? "context" : null;
        if (!want) return next();
        const result = assemble();
        if (result.error !== null) {
          res.statusCode = 500;
          res.setHeader("content-type", "text/plain; charset=utf-8");
          res.end(result.error);
          return;
        }
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
    },
  };
}
