import type { core } from "zod/mini";
import { DATA_FILES, contextSchema, featureCollectionSchema } from "./schema.ts";

// The canonical text of a data/ file, so that a file written by the workbench differs from
// the repository's only where its data does (a `git diff` shows the change and nothing else):
// keys in the order the file's zod schema declares them (keys the schema does not name, such
// as a county feature's extra properties, follow in the order they came), 2-space indent,
// one key or element per line, except that an array of numbers (a position [lng, lat], a
// bounds box, a range) stays on one line; a trailing newline. Pure.

type Schema = core.$ZodType;

function def(schema: Schema): core.$ZodTypeDef & Record<string, unknown> {
  return schema._zod.def as core.$ZodTypeDef & Record<string, unknown>;
}

/** The schemas a value may be checked by, wrappers (optional, nullable, pipe…) and unions taken apart. */
function candidates(schema: Schema | undefined): Schema[] {
  if (!schema) return [];
  const d = def(schema);
  switch (d.type) {
    case "optional":
    case "nullable":
    case "readonly":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
      return candidates(d.innerType as Schema);
    case "pipe":
      return candidates(d.in as Schema);
    case "union":
      return (d.options as Schema[]).flatMap(candidates);
    default:
      return [schema];
  }
}

function shapesOf(schema: Schema | undefined): Record<string, Schema>[] {
  return candidates(schema).flatMap((s) => (def(s).type === "object" ? [def(s).shape as Record<string, Schema>] : []));
}

function keyOrder(schema: Schema | undefined, value: Record<string, unknown>): string[] {
  const present = Object.keys(value).filter((k) => value[k] !== undefined);
  const declared: string[] = [];
  for (const shape of shapesOf(schema)) for (const k of Object.keys(shape)) if (!declared.includes(k)) declared.push(k);
  const known = declared.filter((k) => present.includes(k));
  return [...known, ...present.filter((k) => !declared.includes(k))];
}

function memberSchema(schema: Schema | undefined, key: string): Schema | undefined {
  for (const s of candidates(schema)) {
    const d = def(s);
    if (d.type === "object") {
      const shape = d.shape as Record<string, Schema>;
      if (Object.hasOwn(shape, key)) return shape[key];
      if (d.catchall) return d.catchall as Schema;
    }
    if (d.type === "record") return d.valueType as Schema;
  }
  return undefined;
}

function elementSchema(schema: Schema | undefined, index: number): Schema | undefined {
  for (const s of candidates(schema)) {
    const d = def(s);
    if (d.type === "array") return d.element as Schema;
    if (d.type === "tuple") return (d.items as Schema[])[index] ?? (d.rest as Schema | undefined) ?? undefined;
  }
  return undefined;
}

function write(value: unknown, schema: Schema | undefined, indent: string): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    if (value.every((v) => typeof v === "number")) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    return `[\n${value.map((v, i) => inner + write(v, elementSchema(schema, i), inner)).join(",\n")}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = keyOrder(schema, record);
  if (!keys.length) return "{}";
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(record[k], memberSchema(schema, k), inner)}`).join(",\n")}\n${indent}}`;
}

/** A JSON value in canonical form, keys ordered by `schema` when one is given. */
export function serialize(value: unknown, schema?: Schema): string {
  return write(value, schema, "") + "\n";
}

/** Whether a data/ path holds JSON (the rest, READMEs, are text and kept as they are). */
export function isJsonFile(path: string): boolean {
  return path.endsWith(".json") || path.endsWith(".geojson");
}

/** The schema that orders a data/ file's keys: its DATA_FILES schema, or the geometry or context schema meta.json names it by. */
export function fileSchema(path: string, meta: unknown): Schema | undefined {
  if (Object.hasOwn(DATA_FILES, path)) return DATA_FILES[path as keyof typeof DATA_FILES];
  const m = meta && typeof meta === "object" ? (meta as { geometry?: unknown; context?: unknown }) : {};
  const geometry = Array.isArray(m.geometry) ? (m.geometry as unknown[]) : [];
  if (geometry.some((g) => g && typeof g === "object" && (g as { file?: unknown }).file === path)) return featureCollectionSchema;
  const context = m.context && typeof m.context === "object" ? (m.context as { file?: unknown }) : null;
  if (context?.file === path) return contextSchema;
  return undefined;
}

/** A data/ file's canonical text; `meta` is meta.json's content (it says which files are geometry). */
export function serializeFile(path: string, value: unknown, meta: unknown): string {
  return serialize(value, fileSchema(path, meta));
}
