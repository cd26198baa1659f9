import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { readDataTree } from "../../../scripts/data/readDataDir";
import { assembleDataFiles } from "../../../src/domain/dataset/dataFiles";
import { split } from "../../../src/domain/dataset/split";
import { openTexts } from "../../../src/domain/draft/openFiles";
import { unzipTexts, zipTexts } from "../../../src/domain/draft/zip";

const texts = readDataTree(resolve(import.meta.dirname, "../../../data"));
const asOf = (JSON.parse(texts["meta.json"]!) as { asOf: string }).asOf;

describe("data/ as a zip", () => {
  it("lays the files out as in the repository, each stamped with asOf, and reads back to the same texts", () => {
    const bytes = zipTexts(texts, asOf);
    const entries = unzipTexts(bytes);
    expect(entries.map((e) => e.path)).toEqual(
      Object.keys(texts)
        .sort()
        .map((p) => `data/${p}`),
    );
    const opened = openTexts(entries);
    expect(opened).toEqual({ ok: true, texts, from: "files" });
    // The same files give the same bytes (no clock in them).
    expect(zipTexts(texts, asOf)).toEqual(bytes);
    // Each entry's DOS date is asOf: the local-header date field at offset 12.
    const [y, m, d] = asOf.split("-").map(Number);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(12, true)).toBe(((y! - 1980) << 9) | (m! << 5) | d!);
    expect(Object.keys(unzipSync(bytes)).length).toBe(Object.keys(texts).length);
  });
});

describe("opening", () => {
  const asEntries = (prefix: string) => Object.entries(texts).map(([path, text]) => ({ path: `${prefix}${path}`, text }));
  it("a folder picked or dropped, at any depth, gives the same files; junk is left out", () => {
    const plain = openTexts(asEntries(""));
    expect(plain).toEqual({ ok: true, texts, from: "files" });
    expect(
      openTexts([
        ...asEntries("copy/data/"),
        { path: "copy/data/.DS_Store", text: "x" },
        { path: "__MACOSX/copy/data/._meta.json", text: "x" },
      ]),
    ).toEqual(plain);
  });
  it("files.json gives the files it holds", () => {
    expect(openTexts([{ path: "files.json", text: JSON.stringify({ files: texts }) }])).toEqual({ ok: true, texts, from: "files" });
  });
  it("a bare dataset.json gives split()'s files", () => {
    const { dataset, context } = assembleDataFiles((p) => texts[p]);
    const opened = openTexts([
      { path: "dataset.json", text: JSON.stringify(dataset) },
      { path: "context.json", text: JSON.stringify(context) },
    ]);
    expect(opened).toEqual({ ok: true, texts: split(dataset!, context), from: "dataset" });
  });
  it("says what is wrong with anything else", () => {
    expect(openTexts([])).toEqual({ ok: false, reason: "no-data" });
    expect(openTexts([{ path: "notes.json", text: "{" }])).toMatchObject({ ok: false, reason: "not-a-dataset" });
    expect(openTexts([{ path: "dataset.json", text: '{"meta": 1}' }])).toMatchObject({ ok: false, reason: "not-a-dataset" });
  });
});
