import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod/mini";
import { en } from "zod/locales";
import { DATA_FILES, PINYIN_OVERRIDES_FILE } from "../../src/domain/dataset/schema.ts";
import type { DataIssue } from "../../src/domain/dataset/dataIssue.ts";
import { assembleDataset, type AssembleResult } from "../../src/domain/dataset/assembleDataset.ts";
import { withSearchKeys } from "../../src/domain/searchKeys.ts";
import { pinyinPro, readPinyinOverrides } from "./pinyin.ts";

// Maintainers get zod's full English messages; the browser bundle skips the locale to stay small.
z.config(en());

/** Reads data/ (the files the schema knows, the pinyin overrides, the geometry files meta.json lists) as parsed JSON. */
export function readDataDir(dir: string): { files: Record<string, unknown>; issues: DataIssue[] } {
  const files: Record<string, unknown> = {};
  const issues: DataIssue[] = [];
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) return;
    const text = readFileSync(path, "utf8");
    try {
      files[name] = JSON.parse(text);
    } catch (error) {
      issues.push({ file: name, record: null, field: null, reason: `not valid JSON: ${(error as Error).message}` });
    }
  };
  for (const name of Object.keys(DATA_FILES)) read(name);
  read(PINYIN_OVERRIDES_FILE);
  const meta = files["meta.json"] as { geometry?: { file?: unknown }[]; context?: { file?: unknown } } | undefined;
  for (const source of meta?.geometry ?? []) if (typeof source.file === "string") read(source.file);
  if (typeof meta?.context?.file === "string") read(meta.context.file);
  return { files, issues };
}

/**
 * Reads and assembles data/ in one step, with the search keys the build ships (pinyin-pro and
 * data/pinyin-overrides.json); JSON syntax errors come first because nothing else can be
 * checked in that file.
 */
export function assembleDataDir(dir: string): AssembleResult & { context: unknown } {
  const { files, issues } = readDataDir(dir);
  if (issues.length) return { dataset: null, issues, context: null };
  return { ...withBuildSearchKeys(files, assembleDataset(files)), context: contextOf(files) };
}

/** An assembled dataset with its search keys, or the override table's problems after the others. */
export function withBuildSearchKeys(files: Record<string, unknown>, result: AssembleResult): AssembleResult {
  const issues = [...result.issues];
  const overrides = readPinyinOverrides(files, issues);
  if (issues.length || !result.dataset) return { dataset: null, issues };
  return { dataset: withSearchKeys(result.dataset, pinyinPro, overrides), issues };
}

function contextOf(files: Record<string, unknown>): unknown {
  const meta = files["meta.json"] as { context?: { file?: string } } | undefined;
  return meta?.context?.file ? (files[meta.context.file] ?? null) : null;
}
