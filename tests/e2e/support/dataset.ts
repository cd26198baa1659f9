import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Dataset } from "../../../src/domain/dataset/schema";

/** The dataset exactly as the built site serves it. */
export function builtDataset(): Dataset {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../dist/data/dataset.json"), "utf8")) as Dataset;
}
