import { z } from "zod/mini";
import { datasetSchema, type Dataset } from "./schema";

/** Elements of one array checked between two pauses: at national size a slice of sites takes ≈ 25 ms. */
const CHECK_SLICE = 1000;

type Issue = z.core.$ZodIssue;
export type DatasetCheck = { success: true; data: Dataset } | { success: false; error: { issues: Issue[] } };

const FIELDS = Object.keys(datasetSchema.shape);

/**
 * Checks `raw` against `datasetSchema`, with the same result and the same issues (paths and
 * order) as `datasetSchema.safeParse`, but the long arrays (a national set's 10,000 sites and
 * 9,000 assignments) checked `size` elements at a time, awaiting `pause()` before each
 * slice: the whole check in one go held the main thread ≈ 360 ms in one task. The schema
 * stays the one statement of the rules; this only decides how much of it runs per task.
 */
export async function checkDatasetInSlices(raw: unknown, pause: () => Promise<void>, size = CHECK_SLICE): Promise<DatasetCheck> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return datasetSchema.safeParse(raw);
  const input = raw as Record<string, unknown>;
  const sliced = FIELDS.filter((key) => {
    const value = input[key];
    return Array.isArray(value) && value.length > size && datasetSchema.shape[key as keyof Dataset]._zod.def.type === "array";
  });
  const rest = datasetSchema.safeParse({ ...input, ...Object.fromEntries(sliced.map((key) => [key, []])) });
  const issues: Issue[] = rest.success ? [] : [...rest.error.issues];
  const checked: Record<string, unknown[]> = {};
  for (const key of sliced) {
    const field = datasetSchema.shape[key as keyof Dataset] as unknown as z.ZodMiniArray;
    const slice = z.array(field._zod.def.element);
    const values = input[key] as unknown[];
    const out: unknown[] = [];
    for (let start = 0; start < values.length; start += size) {
      await pause();
      const result = slice.safeParse(values.slice(start, start + size));
      if (result.success) out.push(...result.data);
      else
        for (const issue of result.error.issues)
          issues.push({ ...issue, path: [key, start + (issue.path[0] as number), ...issue.path.slice(1)] });
    }
    checked[key] = out;
  }
  if (!rest.success || issues.length) {
    // In the order one check of the whole gives: by field, as the schema lists them, then the
    // object's own (unknown keys); sort is stable.
    const rank = (issue: Issue) => (issue.path.length ? FIELDS.indexOf(String(issue.path[0])) : FIELDS.length);
    return { success: false, error: { issues: issues.sort((a, b) => rank(a) - rank(b)) } };
  }
  return { success: true, data: { ...rest.data, ...checked } as Dataset };
}
