import { datasetSchema } from "../dataset/schema.ts";
import { split, type DataTexts } from "../dataset/split.ts";

// What the workbench opens, whatever it came as (files picked, a dropped folder, a zip's
// entries, data/files.json or a bare dataset.json), turned into one thing: data/ as text by
// path, the draft's base. Pure.

export interface NamedText {
  /** Its path as given: "data/meta.json", "meta.json", "my-copy/data/geometry/zones.geojson". */
  path: string;
  text: string;
}

export type OpenResult =
  { ok: true; texts: DataTexts; from: "files" | "dataset" } | { ok: false; reason: "no-data" | "not-a-dataset"; detail?: string };

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|\._)/;

/** The folder of data/ among the entries: the shallowest one holding meta.json. */
function dataFolder(entries: NamedText[]): string | null {
  const metas = entries.map((e) => e.path).filter((p) => p === "meta.json" || p.endsWith("/meta.json"));
  if (!metas.length) return null;
  const shallowest = metas.sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b))[0]!;
  return shallowest.slice(0, -"meta.json".length);
}

/** data/files.json's document, if the text is one. */
function filesDocument(text: string): DataTexts | null {
  try {
    const doc = JSON.parse(text) as { files?: unknown };
    if (!doc || typeof doc !== "object" || !doc.files || typeof doc.files !== "object") return null;
    const files = doc.files as Record<string, unknown>;
    if (!Object.values(files).every((v) => typeof v === "string")) return null;
    return files as DataTexts;
  } catch {
    return null;
  }
}

/** A dataset.json (with its context.json, when given) turned back into data/ (split: lossy only where the dataset carries nothing). */
function datasetToTexts(text: string, contextText?: string): OpenResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, reason: "not-a-dataset", detail: (error as Error).message };
  }
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: "not-a-dataset", detail: first ? `${first.path.join(".") || "(root)"}: ${first.message}` : undefined };
  }
  let context: unknown;
  try {
    context = contextText === undefined ? undefined : JSON.parse(contextText);
  } catch {
    context = undefined;
  }
  return { ok: true, texts: split(parsed.data, context), from: "dataset" };
}

/** The files given, as data/: relative to the folder that holds meta.json; else files.json or a dataset.json. */
export function openTexts(entries: NamedText[]): OpenResult {
  const kept = entries
    .map((e) => ({ path: e.path.replace(/\\/g, "/").replace(/^\.?\//, ""), text: e.text }))
    .filter((e) => !JUNK.test(e.path));
  const folder = dataFolder(kept);
  if (folder !== null) {
    const texts: DataTexts = {};
    for (const e of kept) if (e.path.startsWith(folder)) texts[e.path.slice(folder.length)] = e.text;
    return {
      ok: true,
      texts: Object.fromEntries(
        Object.keys(texts)
          .sort()
          .map((k) => [k, texts[k]!]),
      ),
      from: "files",
    };
  }
  const name = (p: string) => p.split("/").at(-1) ?? p;
  const files = kept.find((e) => name(e.path) === "files.json");
  const fromFiles = files && filesDocument(files.text);
  if (fromFiles)
    return {
      ok: true,
      texts: Object.fromEntries(
        Object.keys(fromFiles)
          .sort()
          .map((k) => [k, fromFiles[k]!]),
      ),
      from: "files",
    };
  const dataset = kept.find((e) => name(e.path) === "dataset.json") ?? (kept.length === 1 ? kept[0] : undefined);
  if (dataset) return datasetToTexts(dataset.text, kept.find((e) => name(e.path) === "context.json")?.text);
  return { ok: false, reason: "no-data" };
}
