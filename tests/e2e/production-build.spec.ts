import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildLikeNpm } from "./support/production-build";

// The browser tests must drive what ships: dist/, as the global setup left it, is byte for
// byte what `npm run build` makes. A second `npm run build` into a temporary folder (≈ 10 s)
// is compared with it file by file. (With E2E_SKIP_BUILD=1 after a source change, dist/ is
// stale and this test says so, rightly.)
const root = resolve(import.meta.dirname, "../..");
const dist = resolve(root, "dist");
const tmp = mkdtempSync(join(tmpdir(), "industry-map-build-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), readFileSync(path));
  }
  return out;
}

describe("the site the browser tests drive", () => {
  it("is byte for byte what `npm run build` makes, React's production build included", () => {
    buildLikeNpm(root, ["--outDir", tmp, "--emptyOutDir"]);
    const shipped = files(tmp);
    const tested = files(dist);
    expect([...tested.keys()].sort()).toEqual([...shipped.keys()].sort());
    const differing = [...shipped].filter(([name, bytes]) => !tested.get(name)?.equals(bytes)).map(([name]) => name);
    expect(differing).toEqual([]);
    // And that build is the production one: React's development-only messages are absent and
    // its production error decoder is present.
    const scripts = [...tested]
      .filter(([name]) => name.endsWith(".js"))
      .map(([, bytes]) => bytes.toString("utf8"))
      .join("\n");
    expect(scripts).not.toContain("Invalid hook call");
    expect(scripts).toContain("Minified React error");
  }, 120_000);
});
