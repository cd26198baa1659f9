import { describe, expect, it } from "vitest";
import { checkDatasetInSlices } from "../../../src/domain/dataset/checkInSlices";
import { datasetSchema } from "../../../src/domain/dataset/schema";
import { shippedDataset } from "./loadShipped";

const dataset = shippedDataset();

/** A pause that counts how often the check handed the thread back. */
function counter() {
  const pause = async () => void pause.count++;
  pause.count = 0;
  return pause;
}

describe("checking a large dataset in slices", () => {
  it("gives the same data as one check of the whole, handing the thread back between slices", async () => {
    const raw = structuredClone(dataset);
    const pause = counter();
    const sliced = await checkDatasetInSlices(raw, pause, 3);
    const whole = datasetSchema.safeParse(raw);
    expect(sliced.success && whole.success).toBe(true);
    if (sliced.success && whole.success) expect(sliced.data).toEqual(whole.data);
    // every array longer than a slice went three elements at a time
    const expected = (Object.values(raw) as unknown[])
      .filter((v): v is unknown[] => Array.isArray(v) && v.length > 3)
      .reduce((n, v) => n + Math.ceil(v.length / 3), 0);
    expect(expected).toBeGreaterThan(3);
    expect(pause.count).toBe(expected);
  });

  it("reports the same issues, with the same paths and in the same order, as one check of the whole", async () => {
    const raw = structuredClone(dataset) as unknown as { sites: unknown[]; areas: unknown[]; assignments: unknown[]; meta: Record<string, unknown> };
    (raw.sites[raw.sites.length - 1] as Record<string, unknown>).status = "imagined";
    (raw.areas[4] as Record<string, unknown>).id = "Not An Id";
    (raw.assignments[5] as Record<string, unknown>).section = "";
    raw.meta.city = 7;
    (raw as Record<string, unknown>).extra = true;
    const sliced = await checkDatasetInSlices(raw, counter(), 3);
    const whole = datasetSchema.safeParse(raw);
    expect(sliced.success).toBe(false);
    expect(whole.success).toBe(false);
    if (!sliced.success && !whole.success) {
      expect(sliced.error.issues.map((i) => [i.path, i.message])).toEqual(whole.error.issues.map((i) => [i.path, i.message]));
      expect(sliced.error.issues.length).toBeGreaterThanOrEqual(5);
    }
  });

  it("answers anything that is not an object as one check of the whole does", async () => {
    for (const raw of [null, 3, "dataset", [dataset]]) {
      const sliced = await checkDatasetInSlices(raw, counter(), 3);
      const whole = datasetSchema.safeParse(raw);
      expect(sliced.success).toBe(false);
      if (!sliced.success && !whole.success) expect(sliced.error.issues).toEqual(whole.error.issues);
    }
  });
});
