import { resolve } from "node:path";
import { readDataDir, withBuildSearchKeys } from "../../../scripts/data/readDataDir";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import type { Dataset } from "../../../src/domain/dataset/schema";

export const DATA_DIR = resolve(import.meta.dirname, "../../../data");

/** The shipped data/ files, parsed, as fresh copies a test may change. */
export function shippedFiles(): Record<string, unknown> {
  const { files, issues } = readDataDir(DATA_DIR);
  if (issues.length) throw new Error(`data/ does not parse: ${JSON.stringify(issues)}`);
  return structuredClone(files);
}

/** The shipped dataset as the build makes it (search keys included). */
export function shippedDataset(): Dataset {
  const files = shippedFiles();
  const { dataset, issues } = withBuildSearchKeys(files, assembleDataset(files));
  if (!dataset) throw new Error(`data/ is invalid: ${JSON.stringify(issues, null, 1)}`);
  return deepFreeze(dataset);
}

/** Frozen fixtures: a test that mutates shared data throws instead of leaking into others. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
