import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { z } from "zod/mini";
import { en } from "zod/locales";
import { DATA_FILES } from "../../src/domain/dataset/schema.ts";
import type { DataIssue } from "../../src/domain/dataset/dataIssue.ts";
import { assembleDataset, type AssembleResult } from "../../src/domain/dataset/assembleDataset.ts";

// Maintainers get zod's full English messages; the browser bundle skips the locale to stay small.
z.config(en());

/** Reads data/ (the files the schema knows, plus the geometry files meta.json lists) as parsed JSON. */
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
  const meta = files["meta.json"] as { geometry?: { file?: unknown }[]; context?: { file?: unknown } } | undefined;
  for (const source of meta?.geometry ?? []) if (typeof source.file === "string") read(source.file);
  if (typeof meta?.context?.file === "string") read(meta.context.file);
  return { files, issues };
}

/** Reads and assembles data/ in one step; JSON syntax errors come first because nothing else can be checked in that file. */
export function assembleDataDir(dir: string): AssembleResult & { context: unknown } {
  const { files, issues } = readDataDir(dir);
  if (issues.length) return { dataset: null, issues, context: null };
  const result = assembleDataset(files);
  const meta = files["meta.json"] as { context?: { file?: string } } | undefined;
  return { ...result, context: meta?.context?.file ? (files[meta.context.file] ?? null) : null };
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
