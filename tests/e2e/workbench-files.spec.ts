import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { chooseRecord, download, expectQuiet, openWorkbench, ready, typeInto } from "./support/workbench-driver";
import { readDataTree } from "../../scripts/data/readDataDir";
import { zipTexts } from "../../src/domain/draft/zip";

// The workbench's files (issue 16, "Done when" 5 and 10), on the production build: the
// downloaded zip, unzipped, passes `npm run validate`, holds the repository's files with only
// the changed ones different, and export → validate → import → export is byte-identical; a
// dropped data/ folder and a zip of it open the same draft base.
const browser = sharedBrowser();
const root = resolve(import.meta.dirname, "../..");
const data = readDataTree(resolve(root, "data"));
const tmp = mkdtempSync(join(tmpdir(), "workbench-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function unzipTo(bytes: Buffer, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, content] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
    if (path.endsWith("/")) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
    out[path] = Buffer.from(content).toString("utf8");
  }
  return out;
}

function validate(dir: string): string {
  return execFileSync(process.execPath, [resolve(root, "node_modules/tsx/dist/cli.mjs"), resolve(root, "scripts/data/validate.ts"), dir], {
    cwd: root,
    encoding: "utf8",
  });
}

/** Drops a folder on the page as Chromium hands one over: an item whose entry is a directory, walked with readEntries. */
async function dropFolder(page: Page, files: Record<string, string>): Promise<void> {
  await page.locator(".workbench").evaluate(
    (target, tree) => {
      type Node = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean };
      const fileEntry = (path: string, text: string): Node & { file: (cb: (f: File) => void) => void } => ({
        name: path.split("/").at(-1)!,
        fullPath: `/${path}`,
        isFile: true,
        isDirectory: false,
        file: (cb) => cb(new File([text], path.split("/").at(-1)!)),
      });
      const dirEntry = (path: string): Node & { createReader: () => { readEntries: (cb: (e: Node[]) => void) => void } } => {
        const prefix = `${path}/`;
        const children = new Map<string, Node>();
        for (const p of Object.keys(tree)) {
          if (!p.startsWith(prefix)) continue;
          const rest = p.slice(prefix.length);
          const head = rest.split("/")[0]!;
          if (children.has(head)) continue;
          children.set(head, rest.includes("/") ? dirEntry(`${path}/${head}`) : fileEntry(p, tree[p]!));
        }
        return {
          name: path.split("/").at(-1)!,
          fullPath: `/${path}`,
          isFile: false,
          isDirectory: true,
          // In batches, as Chromium gives them: two entries, then the rest, then none.
          createReader: () => {
            const all = [...children.values()];
            let calls = 0;
            return { readEntries: (cb) => cb(calls++ === 0 ? all.slice(0, 2) : calls === 2 ? all.slice(2) : []) };
          },
        };
      };
      const data = new DataTransfer();
      data.items.add(new File([""], "data"));
      const folder = dirEntry("data");
      Object.defineProperty(DataTransferItem.prototype, "webkitGetAsEntry", { configurable: true, value: () => folder });
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    Object.fromEntries(Object.entries(files).map(([p, t]) => [`data/${p}`, t])),
  );
}

async function dropZip(page: Page, bytes: Uint8Array): Promise<void> {
  await page.locator(".workbench").evaluate(
    (target, content) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(content)], "data.zip", { type: "application/zip" }));
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [...bytes],
  );
}

describe("the workbench's files", () => {
  it("downloads a zip that passes npm run validate, differs only where the draft does, and round-trips byte for byte", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await chooseRecord(page, "areas.json", "hanjiang");
    await typeInto(page, "Name (English)", "Hanjiang");
    await page.getByLabel("Data as of", { exact: true }).fill("2026-12-01");
    const first = await download(page, "Download data files");
    expect(first.name).toBe("data-2026-12-01.zip");
    const one = join(tmp, "one");
    const files = unzipTo(first.bytes, one);
    expect(Object.keys(files).sort()).toEqual(
      Object.keys(data)
        .map((p) => `data/${p}`)
        .sort(),
    );
    const differing = Object.keys(data).filter((p) => files[`data/${p}`] !== data[p]);
    expect(differing.sort()).toEqual(["areas.json", "meta.json"]);
    expect(validate(join(one, "data"))).toContain("valid");

    // dataset.json: the same code as the build.
    const dataset = await download(page, "Download dataset.json");
    expect(JSON.parse(dataset.bytes.toString("utf8")).meta.asOf).toBe("2026-12-01");

    // import that zip again, and export it: the same bytes.
    await page
      .getByLabel("Open a zip or dataset.json", { exact: true })
      .setInputFiles({ name: first.name, mimeType: "application/zip", buffer: first.bytes });
    await page.getByText(`Data: Opened files: ${first.name}`, { exact: true }).waitFor();
    const again = await download(page, "Download data files");
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(readFileSync(join(one, "data/areas.json"), "utf8")).toContain('"en": "Hanjiang"');
    expectQuiet(app);
    await app.close();
  });

  it("opens the same draft base from a dropped data/ folder and from a zip of it", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await dropFolder(page, data);
    await page.getByText("Data: Opened files: data", { exact: true }).waitFor();
    const fromFolder = await download(page, "Download data files");
    await dropZip(page, zipTexts(data, "2026-11-28"));
    await page.getByText("Data: Opened files: data.zip", { exact: true }).waitFor();
    const fromZip = await download(page, "Download data files");
    expect(fromZip.bytes.equals(fromFolder.bytes)).toBe(true);
    // And both are data/ as in the repository, byte for byte.
    expect(unzipTo(fromFolder.bytes, join(tmp, "two"))).toEqual(Object.fromEntries(Object.entries(data).map(([p, t]) => [`data/${p}`, t])));
    expect(await page.getByText("No changes.", { exact: true }).count()).toBe(1);
    expectQuiet(app);
    await app.close();
  });
});
