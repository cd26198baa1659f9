import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";

/**
 * Splits a built file's bytes into the project's own and third-party library code, using
 * the source map the bench build writes beside it (`build.sourcemap: "hidden"`: the same
 * code as a normal build, without the sourceMappingURL comment).
 *
 * Every mapped segment of the generated code (from its column to the next segment's, in
 * UTF-8 bytes) is credited to its source: sources under node_modules, and virtual modules
 * (Vite's preload helper, the bundler runtime), are library; files of the project are own.
 * Bytes no segment covers (separators, wrapper code) are shared out in the ratio of the
 * mapped ones. A file with no map is classified whole by `fallback`.
 */
export interface Attribution {
  ownShare: number;
  /** Fraction of the file's bytes no mapping covered (apportioned, reported for honesty). */
  unmappedShare: number;
  method: "sourcemap" | "rule";
}

const B64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${JSON.stringify(ch)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

interface RawSourceMap {
  sources: (string | null)[];
  sourceRoot?: string;
  mappings: string;
}

export function isLibrarySource(absPath: string, root: string): boolean {
  if (!absPath.startsWith(root + sep)) return true; // outside the project: virtual or tooling
  return absPath.includes(`${sep}node_modules${sep}`) || absPath.includes("\0");
}

export function attributeBySourceMap(file: string, root: string): Attribution | null {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return null;
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap;
  const base = resolve(dirname(mapFile), map.sourceRoot ?? "");
  const library = map.sources.map((s) =>
    s === null ? true : s.startsWith("\0") || /^[a-z]+:/i.test(s) ? true : isLibrarySource(resolve(base, s), root),
  );
  const lines = readFileSync(file, "utf8").split("\n");
  const mappingLines = map.mappings.split(";");
  let own = 0;
  let lib = 0;
  let total = 0;
  let sourceIndex = 0;
  lines.forEach((line, i) => {
    const lineBytes = Buffer.byteLength(line) + (i < lines.length - 1 ? 1 : 0);
    total += lineBytes;
    const segments = (mappingLines[i] ?? "").split(",").filter(Boolean);
    let column = 0;
    const starts: { col: number; source: number | null }[] = [];
    for (const segment of segments) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        starts.push({ col: column, source: sourceIndex });
      } else {
        starts.push({ col: column, source: null });
      }
    }
    starts.forEach((start, k) => {
      if (start.source === null) return;
      const end = starts[k + 1]?.col ?? line.length;
      const bytes = Buffer.byteLength(line.slice(start.col, end));
      if (library[start.source] ?? true) lib += bytes;
      else own += bytes;
    });
  });
  const mapped = own + lib;
  if (mapped === 0) return null;
  return { ownShare: own / mapped, unmappedShare: total ? Math.max(0, 1 - mapped / total) : 0, method: "sourcemap" };
}
