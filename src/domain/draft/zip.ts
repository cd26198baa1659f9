import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { DataTexts } from "../dataset/split.ts";

// data/ as a zip, both ways (fflate). The workbench loads this module on first use only.
// Entries are laid out as in the repository (`data/meta.json`, `data/geometry/zones.geojson`),
// in path order, each stamped with the dataset's asOf, so the same files always give the same
// bytes. Pure.

const ZIP_FOLDER = "data";

/** The zip of data/; `asOf` (YYYY-MM-DD) is every entry's modification date. */
export function zipTexts(texts: DataTexts, asOf: string): Uint8Array {
  const [y, m, d] = asOf.split("-").map(Number);
  // Zip times are local wall-clock fields: a local midnight writes the date itself, in any time zone.
  const mtime = new Date(y ?? 1980, (m ?? 1) - 1, d ?? 1);
  const entries: Zippable = {};
  for (const path of Object.keys(texts).sort()) entries[`${ZIP_FOLDER}/${path}`] = [strToU8(texts[path]!), { mtime }];
  return zipSync(entries, { level: 9, mtime, os: 3, attrs: 0o644 << 16 });
}

/** The files of a zip as text, by their path inside it (folders left out). */
export function unzipTexts(bytes: Uint8Array): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const [path, data] of Object.entries(unzipSync(bytes))) if (!path.endsWith("/")) out.push({ path, text: strFromU8(data) });
  return out;
}
