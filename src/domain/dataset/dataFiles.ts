import type { DataIssue } from "./dataIssue.ts";
import { DATA_FILES, PINYIN_OVERRIDES_FILE } from "./schema.ts";
import { assembleDataset, type AssembleResult, type RawDataFiles } from "./assembleDataset.ts";

// data/ as text in, the dataset out: the JSON reading step that `npm run validate`, the build
// and the workbench share. Pure: the caller says how a file's text is read (from disk, from a
// zip, from the workbench's draft), by its path relative to data/ ("geometry/zones.geojson").

/** A file's text by its path in data/, or undefined when there is no such file. */
export type ReadText = (path: string) => string | undefined;

/** Reads the files the schema knows, the pinyin overrides, and the geometry and context files meta.json lists, as parsed JSON. */
export function parseDataFiles(read: ReadText): { files: RawDataFiles; issues: DataIssue[] } {
  const files: RawDataFiles = {};
  const issues: DataIssue[] = [];
  const parse = (name: string) => {
    const text = read(name);
    if (text === undefined) return;
    try {
      files[name] = JSON.parse(text);
    } catch (error) {
      issues.push({ file: name, record: null, field: null, reason: `not valid JSON: ${(error as Error).message}` });
    }
  };
  for (const name of Object.keys(DATA_FILES)) parse(name);
  parse(PINYIN_OVERRIDES_FILE);
  const meta = files["meta.json"] as { geometry?: { file?: unknown }[]; context?: { file?: unknown } } | undefined;
  for (const source of Array.isArray(meta?.geometry) ? meta.geometry : []) if (typeof source?.file === "string") parse(source.file);
  if (typeof meta?.context?.file === "string") parse(meta.context.file);
  return { files, issues };
}

/** Reads and assembles data/ in one step; JSON syntax errors come first because nothing else can be checked in that file. */
export function assembleDataFiles(read: ReadText): AssembleResult & { context: unknown } {
  const { files, issues } = parseDataFiles(read);
  if (issues.length) return { dataset: null, issues, context: null };
  const result = assembleDataset(files);
  const meta = files["meta.json"] as { context?: { file?: string } } | undefined;
  return { ...result, context: meta?.context?.file ? (files[meta.context.file] ?? null) : null };
}
