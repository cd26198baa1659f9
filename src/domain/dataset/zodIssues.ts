import type { core } from "zod/mini";
import type { DataIssue } from "./dataIssue.ts";

function idOf(element: unknown): string | null {
  return element && typeof element === "object" && "id" in element && typeof element.id === "string" && element.id
    ? element.id
    : null;
}

/**
 * Turns zod's paths into file/record/field. The record is the innermost array element
 * that has an `id` (or, failing that, its index), so a maintainer reads
 * "areas.json › hanjiang › landArea.km2" rather than a bare index path.
 */
export function zodIssuesToDataIssues(file: string, value: unknown, error: core.$ZodError): DataIssue[] {
  return error.issues.map((issue) => {
    let node: unknown = value;
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
      node = child;
    }
    return { file, record, field: field.length ? field.join(".") : null, reason: issue.message };
  });
}
