import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isJsonFile, serializeFile } from "../../src/domain/dataset/serialize.ts";
import { readDataTree } from "./readDataDir.ts";

// `npm run data:format [dir]`: rewrites every JSON and GeoJSON file of data/ (or another
// directory) in the canonical form the workbench writes (src/domain/dataset/serialize.ts), so
// that a file downloaded from the workbench differs from the repository's only by its change.
// `-- --check` writes nothing and exits 1 naming each file not in canonical form.
const { values, positionals } = parseArgs({ options: { check: { type: "boolean" } }, allowPositionals: true });
const dir = resolve(positionals[0] ?? process.env.DATA_DIR ?? "data");
const files = readDataTree(dir);
let meta: unknown = null;
try {
  meta = files["meta.json"] === undefined ? null : JSON.parse(files["meta.json"]);
} catch {
  meta = null;
}
const off: string[] = [];
for (const [path, text] of Object.entries(files)) {
  if (!isJsonFile(path)) continue;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    console.error(`${path}: not valid JSON, left as it is: ${(error as Error).message}`);
    process.exitCode = 1;
    continue;
  }
  const canonical = serializeFile(path, value, meta);
  if (canonical === text) continue;
  off.push(path);
  if (!values.check) writeFileSync(join(dir, path), canonical);
}
if (values.check && off.length) {
  console.error(`${dir}: ${off.length} file${off.length === 1 ? "" : "s"} not in canonical form (run npm run data:format):`);
  for (const path of off) console.error(`  ${path}`);
  process.exit(1);
}
console.log(`${dir}: ${values.check ? "every file in canonical form" : off.length ? `reformatted ${off.join(", ")}` : "nothing to reformat"}`);
