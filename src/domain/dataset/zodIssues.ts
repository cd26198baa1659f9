import type { core } from "zod/mini";
import type { DataIssue } from "./dataIssue.ts";

function idOf(element: unknown): string | null {
  return element && typeof element === "object" && "id" in element && typeof element.id === "string" && element.id ? element.id : null;
}

/** The part of a zod error this module reads, so callers can pass issues they re-rooted. */
export interface ZodIssueList {
  issues: readonly core.$ZodIssue[];
}

/**
 * Turns zod's paths into file/record/field. The record is the innermost array element
 * that has an `id` (or, failing that, its index), so a maintainer reads
 * "areas.json › hanjiang › landArea.km2" rather than a bare index path.
 */
export function zodIssuesToDataIssues(file: string, value: unknown, error: ZodIssueList): DataIssue[] {
  return error.issues.flatMap((issue) => {
    let node: unknown = value;
    let parent: unknown = undefined;
    let record: string | null = null;
    let field: string[] = [];
    for (const key of issue.path) {
      if (typeof key === "symbol") break;
      const child: unknown = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
      if (typeof key === "number" && Array.isArray(node)) {
        const childId = idOf(child);
        const label = field.length ? `${field.join(".")}[${key}]` : `[${key}]`;
        if (childId || record === null) {
          record = childId ? (field.length ? `${field.join(".")}: ${childId}` : childId) : label;
          field = [];
        } else {
          field = [label];
        }
      } else {
        field.push(String(key));
      }
      parent = node;
      node = child;
    }
    const at = (f: string[]) => ({ file, record, field: f.length ? f.join(".") : null });
    // zod names unknown keys on their parent object; the maintainer needs each key as the field.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ ...at([...field, key]), reason: "unknown field (the schema has no such field)" }));
    }
    // zod says "expected string, received undefined"; say plainly that the field is absent.
    const last = issue.path[issue.path.length - 1];
    const absent =
      issue.code === "invalid_type" &&
      (typeof last === "string" || typeof last === "number") &&
      parent !== null &&
      typeof parent === "object" &&
      !Array.isArray(parent) &&
      !(last in parent);
    if (absent) return [{ ...at(field), reason: `required field is missing (expected ${issue.expected})` }];
    return [{ ...at(field), reason: issue.message }];
  });
}
