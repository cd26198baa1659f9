import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import { formatIssue } from "../../../src/domain/dataset/dataIssue";
import { shippedFiles, DATA_DIR } from "./loadShipped";

// Each class of bad data has its fixture and exact message in badDataFixtures.test.ts.
describe("data validation", () => {
  it("accepts the shipped data", () => {
    const { dataset, issues } = assembleDataset(shippedFiles());
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset?.areas).toHaveLength(9);
  });
});

describe("npm run validate", () => {
  const script = resolve(import.meta.dirname, "../../../scripts/data/validate.ts");
  const tsx = resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");

  it("exits 0 and summarises the shipped data", () => {
    const out = execFileSync(tsx, [script, DATA_DIR], { encoding: "utf8" });
    expect(out).toMatch(/valid — 9 areas, 13 industries in 3 tiers, 9 assignments, 10 citywide/);
  }, 30_000);
});

describe("the build", () => {
  it("stops with file › record › field: reason when data/ is invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), "data-"));
    cpSync(DATA_DIR, dir, { recursive: true });
    const assignments = JSON.parse(readFileSync(join(dir, "assignments.json"), "utf8"));
    assignments.assignments[0].area = "nowhere";
    writeFileSync(join(dir, "assignments.json"), JSON.stringify(assignments));
    const vite = resolve(import.meta.dirname, "../../../node_modules/.bin/vite");
    let status = 0;
    let output = "";
    try {
      execFileSync(vite, ["build", "--outDir", join(dir, "dist"), "--logLevel", "error"], {
        cwd: resolve(import.meta.dirname, "../../.."),
        env: { ...process.env, DATA_DIR: dir },
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      status = (error as { status: number }).status;
      output = (error as { stderr: string; stdout: string }).stderr + (error as { stdout: string }).stdout;
    }
    expect(status).not.toBe(0);
    expect(output).toContain('assignments.json › assignments[0] (low-altitude-economy → nowhere) › area: unknown area id "nowhere"');
  }, 60_000);
});
