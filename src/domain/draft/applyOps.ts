import type { RecordOp } from "./draft.ts";

// One list of records with its ops applied: the one rule for how a patch changes a list, used
// by the planner (assignments) and the workbench (every file). Published order is kept;
// removed records leave, changed ones take their fields, added ones follow at the end in the
// order they were added. An addition whose key the list already holds is not applied (the
// data made it since). The list is never mutated. Pure.

type Json = Record<string, unknown>;

/** Reads a dotted path ("name.zh") of a record; undefined when absent. */
export function getPath(record: unknown, path: string): unknown {
  let node = record;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Json)[part];
  }
  return node;
}

/** A copy of the record with the change's fields set and its unset fields removed. */
export function applyChange<T>(record: T, op: Extract<RecordOp<T>, { op: "change" }>): T {
  const out = structuredClone(record) as Json;
  const walk = (path: string, create: boolean): [Json, string] | null => {
    const parts = path.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next && typeof next === "object" && !Array.isArray(next)) node = next as Json;
      else if (create) node = node[part] = {};
      else return null;
    }
    return [node, parts.at(-1)!];
  };
  for (const [path, value] of Object.entries(op.fields)) {
    const [node, last] = walk(path, true)!;
    node[last] = structuredClone(value);
  }
  for (const path of op.unset ?? []) {
    const at = walk(path, false);
    if (at) delete at[0][at[1]];
  }
  return out as T;
}

export function applyOps<T>(
  list: readonly T[],
  key: (record: T, index: number) => string,
  ops: Record<string, RecordOp<T>> | undefined,
): T[] {
  if (!ops || !Object.keys(ops).length) return list as T[];
  const published = new Set<string>();
  const kept: T[] = [];
  list.forEach((record, index) => {
    const k = key(record, index);
    published.add(k);
    const op = ops[k];
    if (op?.op === "remove") return;
    kept.push(op?.op === "change" ? applyChange(record, op) : record);
  });
  const added = Object.entries(ops)
    .filter(([k, op]) => op.op === "add" && !published.has(k))
    .map(([, op]) => structuredClone((op as { record: T }).record));
  return [...kept, ...added];
}
