import type { NamedText } from "../../domain/draft/openFiles";

// What the reader hands the workbench, read as named texts for openTexts: files picked (with
// their folder paths when a folder was picked), a dropped folder (walked through
// webkitGetAsEntry), a zip (unzipped by the lazily loaded zip module) or a dataset.json.

export class ZipReadError extends Error {}

const isZip = (name: string, bytes: Uint8Array) =>
  name.toLowerCase().endsWith(".zip") || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** One file: a zip's entries, or the file's text under `path`. */
async function readOne(file: File, path: string): Promise<NamedText[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(file.name, bytes)) {
    const { unzipTexts } = await import("../../domain/draft/zip");
    try {
      return unzipTexts(bytes);
    } catch (error) {
      throw new ZipReadError(error instanceof Error ? error.message : String(error));
    }
  }
  return [{ path, text: new TextDecoder().decode(bytes) }];
}

/** Files from an <input type="file"> (a folder's carry webkitRelativePath). */
export async function readFiles(files: readonly File[]): Promise<NamedText[]> {
  const out = await Promise.all(files.map((f) => readOne(f, f.webkitRelativePath || f.name)));
  return out.flat();
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, into: { file: File; path: string }[]): Promise<void> {
  if (entry.isFile) {
    into.push({ file: await entryFile(entry as FileSystemFileEntry), path: entry.fullPath.replace(/^\//, "") });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives a folder's entries in batches until an empty one.
  for (;;) {
    const batch = await readEntries(reader);
    if (!batch.length) break;
    for (const child of batch) await walk(child, into);
  }
}

/** What was dropped: folders walked, files (zips included) read. */
export async function readDrop(data: DataTransfer): Promise<NamedText[]> {
  const entries = [...data.items]
    .map((item) => (item.kind === "file" ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) return readFiles([...data.files]);
  const found: { file: File; path: string }[] = [];
  for (const entry of entries) await walk(entry, found);
  const out = await Promise.all(found.map(({ file, path }) => readOne(file, path)));
  return out.flat();
}
