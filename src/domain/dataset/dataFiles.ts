import type { DataIssue } from "./dataIssue.ts";
import { DATA_FILES, PINYIN_OVERRIDES_FILE, pinyinOverridesSchema, type PinyinOverrides } from "./schema.ts";
import { assembleDataset, type AssembleResult, type RawDataFiles } from "./assembleDataset.ts";
import { zodIssuesToDataIssues } from "./zodIssues.ts";
import { withSearchKeys, type PinyinOf } from "../searchKeys.ts";

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

/** data/pinyin-overrides.json checked against its schema (absent: no overrides); its problems go to `issues`. */
function readPinyinOverrides(files: RawDataFiles, issues: DataIssue[]): PinyinOverrides {
  if (!(PINYIN_OVERRIDES_FILE in files)) return {};
  const raw = files[PINYIN_OVERRIDES_FILE];
  const result = pinyinOverridesSchema.safeParse(raw);
  if (result.success) return result.data;
  issues.push(...zodIssuesToDataIssues(PINYIN_OVERRIDES_FILE, raw, result.error));
  return {};
}

/**
 * An assembled dataset with the override table checked (its problems after the others) and,
 * given a pinyin function, the search keys the build ships (src/domain/searchKeys.ts). Without
 * one the table is still checked, so a bad table is an error wherever data/ is read.
 */
export function withDataSearchKeys(files: RawDataFiles, result: AssembleResult, pinyinOf?: PinyinOf): AssembleResult {
  const issues = [...result.issues];
  const overrides = readPinyinOverrides(files, issues);
  if (issues.length || !result.dataset) return { dataset: null, issues };
  return { dataset: pinyinOf ? withSearchKeys(result.dataset, pinyinOf, overrides) : result.dataset, issues };
}

/**
 * Reads and assembles data/ in one step; JSON syntax errors come first because nothing else
 * can be checked in that file. `pinyinOf`: compute the search keys as the build does (the
 * build passes pinyin-pro; the workbench once it has loaded it).
 */
export function assembleDataFiles(read: ReadText, pinyinOf?: PinyinOf): AssembleResult & { context: unknown } {
  const { files, issues } = parseDataFiles(read);
  if (issues.length) return { dataset: null, issues, context: null };
  const result = withDataSearchKeys(files, assembleDataset(files), pinyinOf);
  const meta = files["meta.json"] as { context?: { file?: string } } | undefined;
  return { ...result, context: meta?.context?.file ? (files[meta.context.file] ?? null) : null };
}
