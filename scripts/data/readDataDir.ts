import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { z } from "zod/mini";
import { en } from "zod/locales";
import type { DataIssue } from "../../src/domain/dataset/dataIssue.ts";
import type { AssembleResult } from "../../src/domain/dataset/assembleDataset.ts";
import { assembleDataFiles, parseDataFiles, withDataSearchKeys, type ReadText } from "../../src/domain/dataset/dataFiles.ts";
import { pinyinPro } from "./pinyin.ts";

// Maintainers get zod's full English messages; the browser bundle skips the locale to stay small.
z.config(en());

/** A file of `dir` by its data/ path, or undefined when absent. */
function diskReader(dir: string): ReadText {
  return (name) => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  };
}

/** Reads data/ (the files the schema knows, plus the geometry files meta.json lists) as parsed JSON. */
export function readDataDir(dir: string): { files: Record<string, unknown>; issues: DataIssue[] } {
  return parseDataFiles(diskReader(dir));
}

/**
 * Reads and assembles data/ in one step (src/domain/dataset/dataFiles.ts, as the workbench
 * does), with the search keys the build ships (pinyin-pro and data/pinyin-overrides.json).
 */
export function assembleDataDir(dir: string): AssembleResult & { context: unknown } {
  return assembleDataFiles(diskReader(dir), pinyinPro);
}

/** An assembled dataset with its search keys, or the override table's problems after the others. */
export function withBuildSearchKeys(files: Record<string, unknown>, result: AssembleResult): AssembleResult {
  return withDataSearchKeys(files, result, pinyinPro);
}

/** Every file under `dir` as text, by its path relative to `dir` with "/" separators, sorted. */
export function readDataTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  for (const path of paths) out[path] = readFileSync(join(dir, path), "utf8");
  return out;
}
