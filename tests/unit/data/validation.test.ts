import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assembleDataset } from "../../../src/domain/dataset/assembleDataset";
import { formatIssue } from "../../../src/domain/dataset/dataIssue";
import { shippedFiles, DATA_DIR } from "./loadShipped";

type Files = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures reach into raw JSON on purpose
type Raw = any;

function problems(mutate: (files: Files) => void): string[] {
  const files = shippedFiles();
  mutate(files);
  const { dataset, issues } = assembleDataset(files);
  expect(dataset).toBeNull();
  return issues.map(formatIssue);
}

describe("data validation", () => {
  it("accepts the shipped data", () => {
    const { dataset, issues } = assembleDataset(shippedFiles());
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset?.areas).toHaveLength(9);
  });

  it("names an unknown area id in an assignment by file, record and field", () => {
    expect(
      problems((f) => {
        (f["assignments.json"] as Raw).assignments[0].area = "eco-city";
      }),
    ).toContain('assignments.json › assignments[0] (low-altitude-economy → eco-city) › area: unknown area id "eco-city"');
  });

  it("names an unknown industry id in a site", () => {
    expect(
      problems((f) => {
        (f["sites.json"] as Raw)[0].industries = ["low-altitude"];
      }),
    ).toContain('sites.json › aviation-valley › industries[0]: unknown industry id "low-altitude"');
  });

  it("reports duplicate ids", () => {
    expect(
      problems((f) => {
        const areas = f["areas.json"] as Raw[];
        areas.push({ ...areas[0] });
      }),
    ).toContain('areas.json › guangling › id: duplicate id "guangling"');
  });

  it("reports an assignment without its section or evidence", () => {
    const out = problems((f) => {
      delete (f["assignments.json"] as Raw).assignments[2].section;
      (f["assignments.json"] as Raw).assignments[3].evidence = " ";
    });
    expect(out.find((p) => p.includes("assignments[2]") && p.includes("section"))).toBeDefined();
    expect(out).toContain("assignments.json › assignments[3] › evidence: must not be empty");
  });

  it("reports an area without geometry", () => {
    expect(
      problems((f) => {
        const zones = f["geometry/zones.geojson"] as Raw;
        zones.features = zones.features.filter((z: Raw) => z.properties.id !== "etdz");
      }),
    ).toContain('areas.json › etdz: area "etdz" has no geometry in any file listed in meta.json');
  });

  it("reports an invalid polygon: a self-intersecting ring", () => {
    const out = problems((f) => {
      const zones = f["geometry/zones.geojson"] as Raw;
      const zone = zones.features.find((z: Raw) => z.properties.id === "eco-tech-city");
      zone.geometry = { type: "Polygon", coordinates: [[[119.5, 32.3], [119.6, 32.4], [119.6, 32.3], [119.5, 32.4], [119.5, 32.3]]] };
    });
    expect(out.some((p) => p.startsWith("geometry/zones.geojson › eco-tech-city › geometry: invalid polygon") && /self-intersect/i.test(p))).toBe(true);
  });

  it("reports an unclosed ring", () => {
    const out = problems((f) => {
      const zones = f["geometry/zones.geojson"] as Raw;
      const ring = zones.features[0].geometry.coordinates[0];
      ring.pop();
    });
    expect(out.some((p) => /invalid polygon: .*(not closed|closed)/i.test(p))).toBe(true);
  });

  it("reports coordinates outside the dataset's declared bounds", () => {
    const out = problems((f) => {
      (f["sites.json"] as Raw)[0].position.coordinates = [121.5, 31.2];
      (f["meta.json"] as Raw).bounds = [118.6, 32.0, 120.2, 32.5];
    });
    expect(out).toContain("sites.json › aviation-valley › position.coordinates: coordinates 121.5, 31.2 lie outside the dataset bounds 118.6, 32, 120.2, 32.5");
    expect(out.some((p) => p.startsWith("geometry/counties.geojson › baoying › geometry: outside the dataset bounds"))).toBe(true);
  });

  it("reports an industry that is both citywide and assigned", () => {
    expect(
      problems((f) => {
        (f["assignments.json"] as Raw).citywide.push({ industry: "ccus", section: "二(三)", evidence: "x" });
      }),
    ).toContain('assignments.json › citywide[10] (ccus) › industry: "ccus" is citywide but also assigned to areas');
  });

  it("reports a missing file", () => {
    expect(
      problems((f) => {
        delete f["targets.json"];
      }),
    ).toContain("targets.json: file is missing");
  });
});

describe("npm run validate", () => {
  const script = resolve(import.meta.dirname, "../../../scripts/data/validate.ts");
  const tsx = resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");

  it("exits 0 and summarises the shipped data", () => {
    const out = execFileSync(tsx, [script, DATA_DIR], { encoding: "utf8" });
    expect(out).toMatch(/valid — 9 areas, 13 industries in 3 tiers, 9 assignments, 10 citywide/);
  });

  it("exits 1 with file › record › field: reason for a broken copy, and says what is wrong with bad JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "data-"));
    cpSync(DATA_DIR, dir, { recursive: true });
    const areas = JSON.parse(readFileSync(join(dir, "areas.json"), "utf8"));
    areas[1].landArea.km2 = -5;
    writeFileSync(join(dir, "areas.json"), JSON.stringify(areas));
    writeFileSync(join(dir, "targets.json"), "[{ oops");
    let status = 0;
    let stderr = "";
    try {
      execFileSync(tsx, [script, dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain("targets.json: not valid JSON");
    writeFileSync(join(dir, "targets.json"), readFileSync(join(DATA_DIR, "targets.json")));
    try {
      execFileSync(tsx, [script, dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toMatch(/areas\.json › hanjiang › landArea\.km2: must be greater than 0/);
  });
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
