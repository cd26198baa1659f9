import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DATA_DIR } from "./loadShipped";

// A bad-data fixture is a directory under tests/fixtures/bad-data/ that describes one change
// to the shipped data/ (see the README there):
//   fixture.json  { about, patch?: { "<file>": [JSON Patch ops] }, delete?: ["<file>"] }
//   files/…       files written verbatim over the copy (for what JSON cannot carry: bad syntax, 1e999)
//   expected.txt  the exact lines `npm run validate` prints, one issue per line

export const FIXTURES_DIR = resolve(import.meta.dirname, "../../fixtures/bad-data");

type Json = unknown;
type Op =
  | { op: "add" | "replace"; path: string; value: Json }
  | { op: "remove"; path: string }
  | { op: "copy"; from: string; path: string };
interface Fixture {
  about: string;
  patch?: Record<string, Op[]>;
  delete?: string[];
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory())
    .sort();
}

function readFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name, "fixture.json"), "utf8")) as Fixture;
}

/** The lines `npm run validate` must print for this fixture (a line ending in "…" is a prefix). */
export function expectedLines(name: string): string[] {
  return readFileSync(join(FIXTURES_DIR, name, "expected.txt"), "utf8").split("\n").filter((line) => line !== "");
}

/**
 * `actual` with each line that matches a prefix line of `expected` ("…" at the end) replaced
 * by that expected line, so one toEqual shows every difference. Only the JSON parser's own
 * wording is left open this way: it differs between Node versions.
 */
export function alignPrefixes(actual: string[], expected: string[]): string[] {
  return actual.map((line, i) => {
    const want = expected[i];
    return want?.endsWith("…") && line.startsWith(want.slice(0, -1)) ? want : line;
  });
}

/** A fresh copy of data/ with the fixture's change applied; returns its directory. */
export function applyFixture(name: string): string {
  const fixture = readFixture(name);
  const dir = mkdtempSync(join(tmpdir(), `bad-data-${name}-`));
  cpSync(DATA_DIR, dir, { recursive: true });
  for (const [file, ops] of Object.entries(fixture.patch ?? {})) {
    const path = join(dir, file);
    let doc: Json = JSON.parse(readFileSync(path, "utf8"));
    for (const op of ops) doc = applyOp(doc, op, `${name}: ${file} ${op.op} ${op.path}`);
    writeFileSync(path, JSON.stringify(doc, null, 2));
  }
  for (const file of fixture.delete ?? []) {
    if (!existsSync(join(dir, file))) throw new Error(`${name}: cannot delete ${file}: not in data/`);
    rmSync(join(dir, file));
  }
  const raw = join(FIXTURES_DIR, name, "files");
  if (existsSync(raw)) cpSync(raw, dir, { recursive: true });
  return dir;
}

// JSON Patch (RFC 6902) add / remove / replace / copy with JSON Pointers (RFC 6901). A path
// that does not exist is an error, so a fixture cannot silently stop changing anything when
// the shipped data moves.
function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function get(doc: Json, tokens: string[], where: string): Json {
  let node = doc;
  for (const token of tokens) {
    if (node === null || typeof node !== "object" || !(token in node)) throw new Error(`${where}: no ${token}`);
    node = (node as Record<string, Json>)[token];
  }
  return node;
}

function applyOp(doc: Json, op: Op, where: string): Json {
  const value = op.op === "copy" ? structuredClone(get(doc, parsePointer(op.from), where)) : op.op === "remove" ? undefined : op.value;
  const tokens = parsePointer(op.path);
  const last = tokens.pop();
  if (last === undefined) {
    if (op.op === "remove") throw new Error(`${where}: use "delete" to remove a whole file`);
    return value;
  }
  const parent = get(doc, tokens, where);
  if (Array.isArray(parent)) {
    const index = last === "-" ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`${where}: bad index ${last}`);
    if (op.op !== "add" && op.op !== "copy" && index >= parent.length) throw new Error(`${where}: no ${last}`);
    if (op.op === "remove") parent.splice(index, 1);
    else if (op.op === "replace") parent[index] = value;
    else parent.splice(index, 0, value);
  } else if (parent !== null && typeof parent === "object") {
    const object = parent as Record<string, Json>;
    if ((op.op === "remove" || op.op === "replace") && !(last in object)) throw new Error(`${where}: no ${last}`);
    if (op.op === "remove") delete object[last];
    else object[last] = value;
  } else {
    throw new Error(`${where}: parent is not an object or array`);
  }
  return doc;
}
