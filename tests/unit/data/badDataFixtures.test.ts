import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { assembleDataDir } from "../../../scripts/data/readDataDir";
import { formatIssue } from "../../../src/domain/dataset/dataIssue";
import { DATA_DIR } from "./loadShipped";
import { FIXTURES_DIR, alignPrefixes, applyFixture, expectedLines, fixtureNames } from "./badDataFixture";

// One fixture per class of data error (tests/fixtures/bad-data/README.md): each must give
// exactly its file › record › field: reason lines, no more, no fewer.
const names = fixtureNames();

function validateLines(dir: string): string[] {
  const { dataset, issues } = assembleDataDir(dir);
  expect(issues.length === 0).toBe(dataset !== null);
  return issues.map(formatIssue);
}

describe("bad-data fixtures", () => {
  it.each(names)("%s: validation reports exactly the expected lines", (name) => {
    const expected = expectedLines(name);
    expect(expected.length).toBeGreaterThan(0);
    expect(alignPrefixes(validateLines(applyFixture(name)), expected)).toEqual(expected);
  });

  it("the shipped data has none of these errors (no problem at all)", () => {
    expect(validateLines(DATA_DIR)).toEqual([]);
  });

  it("the README table and the fixture directories name the same classes, with the same first message", () => {
    const readme = readFileSync(join(FIXTURES_DIR, "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| [^|]+ \| \[`([a-z0-9-]+)`\]\(\1\/\) \| `(.+)` \|$/gm)].map(([, name, message]) => ({
      name: name!,
      message: message!.replaceAll("\\|", "|"),
    }));
    expect(rows.map((r) => r.name).sort()).toEqual(names);
    for (const { name, message } of rows) expect(message, name).toBe(expectedLines(name)[0]);
  });
});

describe("npm run validate on bad-data fixtures", () => {
  const script = resolve(import.meta.dirname, "../../../scripts/data/validate.ts");
  const tsx = resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");

  function run(dir: string): { status: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync(tsx, [script, dir], { encoding: "utf8", stdio: "pipe" });
      return { status: 0, stdout, stderr: "" };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, stdout: e.stdout, stderr: e.stderr };
    }
  }

  // Broken JSON, a schema failure, a cross-check and a geometry check: one of each stage.
  it.each(["invalid-json", "schema-not-positive", "duplicate-id-areas", "polygon-self-intersection"])(
    "%s: exits 1 and prints the count, then exactly the expected lines",
    (name) => {
      const dir = applyFixture(name);
      const expected = expectedLines(name);
      const { status, stderr } = run(dir);
      expect(status).toBe(1);
      const [header, ...lines] = stderr.trimEnd().split("\n");
      expect(header).toBe(`${dir}: ${expected.length} problem${expected.length === 1 ? "" : "s"} found`);
      expect(alignPrefixes(lines.map((l) => l.replace(/^ {2}/, "")), expected)).toEqual(expected);
    },
    30_000,
  );
});
