import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDataDir } from "../../../scripts/data/readDataDir";
import { shippedDataset } from "./loadShipped";

const ROOT = resolve(import.meta.dirname, "../../..");
const FIXTURE_DIR = resolve(ROOT, "tests/fixtures/another-city/data");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the another-city fixture (a second dataset on the same schema)", () => {
  // A child process: allow for a busy machine.
  it("passes `npm run validate` for its own directory", { timeout: 30_000 }, () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/data/validate.ts", FIXTURE_DIR], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain(`${FIXTURE_DIR}: valid — 4 areas, 4 industries in 3 tiers, 5 assignments, 1 citywide, 2 sites`);
  });

  it("assembles with the build's code into a dataset that shares no id or name with Yangzhou's", () => {
    const { dataset, issues, context } = assembleDataDir(FIXTURE_DIR);
    expect(issues).toEqual([]);
    expect(dataset!.meta.city.name.en).toBe("Fixture City (test fixture)");
    expect(dataset!.areas.map((a) => a.kind)).toContain("zone");
    expect(dataset!.citywide.length).toBeGreaterThan(0);
    expect(context).not.toBeNull();
    const yangzhou = shippedDataset();
    const ids = (d: typeof yangzhou) => [...d.areas, ...d.industries, ...d.sites].map((x) => x.id);
    expect(ids(dataset!).filter((id) => ids(yangzhou).includes(id))).toEqual([]);
    for (const file of filesUnder(FIXTURE_DIR)) expect(readFileSync(file, "utf8"), file).not.toMatch(/扬州|yangzhou/i);
  });
});
