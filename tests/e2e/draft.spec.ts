import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";
import { AppDriver } from "./support/app-driver";
import { builtDataset } from "./support/dataset";
import { DB, storedDrafts } from "./support/kept-drafts";

// The planner's draft survives a reload (IndexedDB, keyed by dataset id + asOf), goes out as a
// file and comes back from it (picker or drop), and a draft of an older dataset is reconciled.
const browser = sharedBrowser();
const QUERY = "?lang=en&view=overlap";

const table = (page: Page) => page.getByRole("table", { name: "Industry by area", exact: true });
const cell = (page: Page, name: string) => table(page).getByRole("button", { name, exact: true });

async function waitForStored(page: Page, test: (drafts: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const drafts = await storedDrafts(page);
    if (test(drafts)) return drafts;
    await page.waitForTimeout(100);
  }
  throw new Error(`the stored drafts never matched: ${JSON.stringify(await storedDrafts(page))}`);
}

async function toggleTwo(page: Page): Promise<void> {
  await cell(page, "Metaverse in Jiangdu District").click(); // added
  await cell(page, "Metaverse in Hanjiang District").click(); // removed
  expect(await cell(page, "Metaverse in Jiangdu District").getAttribute("aria-pressed")).toBe("true");
  expect(await cell(page, "Metaverse in Hanjiang District").getAttribute("aria-pressed")).toBe("false");
}

async function expectTheDraft(page: Page): Promise<void> {
  await page.getByText("1 added, 1 removed", { exact: false }).waitFor();
  expect(await cell(page, "Metaverse in Jiangdu District").getAttribute("aria-pressed")).toBe("true");
  expect(await cell(page, "Metaverse in Hanjiang District").getAttribute("aria-pressed")).toBe("false");
}

/** Drops a file on the planner view as a person dragging it from the desktop would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.locator(".overlap-view").evaluate(
    (view, [fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content!], fileName!, { type: "application/json" }));
      view.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      view.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

describe("the planner's draft", () => {
  it("comes back after a reload with a notice; downloads, discards after asking, and loads back from the file", async () => {
    const app = await AppDriver.open(browser(), QUERY);
    const page = app.page;
    await table(page).waitFor();
    await toggleTwo(page);
    const key = `draft:${builtDataset().meta.id}@${builtDataset().meta.asOf}`;
    await waitForStored(
      page,
      (d) => Object.keys((d[key] as { files?: { "assignments.json"?: object } })?.files?.["assignments.json"] ?? {}).length === 2,
    );

    // a reload: the draft is back, and the page says so
    await page.reload();
    await page.getByText("Draft restored · 2 changes", { exact: true }).waitFor();
    await expectTheDraft(page);

    // download it
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download draft", exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("assignments.draft.json");
    const text = (await readFile(await file.path())).toString("utf8");

    // discard asks first, in the page; Keep keeps it
    await page.getByRole("button", { name: "Discard draft", exact: true }).click();
    const ask = page.getByRole("alertdialog", { name: "Discard draft" });
    await ask.getByText(/^Discard the draft\?/).waitFor();
    await ask.getByRole("button", { name: "Keep", exact: true }).click();
    await expectTheDraft(page);
    await page.getByRole("button", { name: "Discard draft", exact: true }).click();
    await page.getByRole("alertdialog", { name: "Discard draft" }).getByRole("button", { name: "Discard", exact: true }).click();
    await page.getByText("Draft active — not the published layout").waitFor({ state: "detached" });
    expect(await cell(page, "Metaverse in Jiangdu District").getAttribute("aria-pressed")).toBe("false");
    await waitForStored(page, (d) => Object.keys(d).length === 0);
    await page.reload();
    await table(page).waitFor();
    expect(await page.getByText(/^Draft restored/).count()).toBe(0);

    // load the file with the picker: the draft is back
    await page
      .locator(".overlap-view input[type=file]")
      .setInputFiles({ name: "assignments.draft.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByText("Draft loaded · 2 changes (assignments.draft.json)", { exact: true }).waitFor();
    await expectTheDraft(page);
    await waitForStored(page, (d) => key in d);

    // and by dropping it on the view, after a reset
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    expect(await cell(page, "Metaverse in Jiangdu District").getAttribute("aria-pressed")).toBe("false");
    await dropFile(page, "dropped.json", text);
    await page.getByText("Draft loaded · 2 changes (dropped.json)", { exact: true }).waitFor();
    await expectTheDraft(page);
    app.expectClean();
    await app.close();
  }, 180_000);

  it("lists a file's problems as file › record › field: reason, in the reader's language", async () => {
    const app = await AppDriver.open(browser(), "?lang=zh&view=overlap");
    const page = app.page;
    await page.getByRole("table", { name: "产业与区域", exact: true }).waitFor();
    const assignments = JSON.parse(await readFile("data/assignments.json", "utf8")) as {
      assignments: Record<string, unknown>[];
      citywide: unknown[];
    };
    assignments.assignments[0]!.section = "chapter one";
    delete assignments.assignments[1]!.evidence;
    const bad = { draft: { version: 1, dataset: builtDataset().meta.id, asOf: builtDataset().meta.asOf }, ...assignments, changes: [] };
    await page
      .locator(".overlap-view input[type=file]")
      .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    const list = page.getByRole("list", { name: "无法载入 bad.json:" });
    await list.waitFor();
    expect(await list.getByRole("listitem").allTextContents()).toEqual([
      "bad.json › assignments[0] (low-altitude-economy → eco-tech-city) › section: 须为政策条目,如 二(一)1",
      "bad.json › assignments[1] (low-altitude-economy → gaoyou) › evidence: 缺少必填字段",
    ]);
    // nothing was loaded
    expect(await page.getByText("草案生效中 — 并非已发布的布局").count()).toBe(0);
    app.expectClean();
    await app.close();
  });

  it("reconciles a draft kept from an older dataset: what no longer applies is listed", async () => {
    const app = await AppDriver.open(browser(), "?lang=en");
    const page = app.page;
    await app.waitForMapReady();
    const id = builtDataset().meta.id;
    const op = (industry: string, area: string) => ({ op: "add", record: { industry, area, section: "draft", evidence: "planner draft" } });
    const stale = {
      version: 1,
      base: { dataset: id, asOf: "2025-06-30" },
      files: {
        "assignments.json": {
          "assignments: metaverse → jiangdu": op("metaverse", "jiangdu"),
          "assignments: metaverse → old-zone": op("metaverse", "old-zone"),
          "assignments: warp-drives → gaoyou": op("warp-drives", "gaoyou"),
        },
      },
    };
    await page.evaluate(
      ([db, key, value]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(db as string);
          open.onupgradeneeded = () => open.result.createObjectStore("drafts");
          open.onsuccess = () => {
            const tx = open.result.transaction("drafts", "readwrite");
            tx.objectStore("drafts").put(value, key as string);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [DB, `draft:${id}@2025-06-30`, stale] as const,
    );
    await page.getByRole("button", { name: "Planner view", exact: true }).click();
    await page.getByText("Draft restored · 1 changes", { exact: true }).waitFor();
    await page.getByText(`The draft was made on ${id} as of 2025-06-30`, { exact: false }).waitFor();
    const list = page.getByRole("list", { name: "These 2 changes do not apply to the current data and were not applied:" });
    expect(await list.getByRole("listitem").allTextContents()).toEqual([
      "added Metaverse in old-zone — no such area in the data",
      "added warp-drives in Gaoyou City — no such industry in the data",
    ]);
    expect(await cell(page, "Metaverse in Jiangdu District").getAttribute("aria-pressed")).toBe("true");
    // the reconciled draft is kept under today's key; the old one stays until Discard
    const drafts = await waitForStored(page, (d) => `draft:${id}@${builtDataset().meta.asOf}` in d);
    expect(Object.keys(drafts).sort()).toEqual([`draft:${id}@2025-06-30`, `draft:${id}@${builtDataset().meta.asOf}`].sort());
    app.expectClean();
    await app.close();
  });
});
