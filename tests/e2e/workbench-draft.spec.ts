import { describe, expect, it } from "vitest";
import { sharedBrowser } from "./support/browser-suite";
import { changeRows, chooseRecord, expectQuiet, openWorkbench, ready, typeInto, waitForStored } from "./support/workbench-driver";

// The workbench's draft (issue 16, "Done when" 4 and 9, and the config switch), on the
// production build: kept in IndexedDB at every change and restored on reload with the same
// Changes list; reverting one field removes exactly that row; "workbench": false switches
// the page off.
const browser = sharedBrowser();
const KEY = "draft:yangzhou-future-industries-2024@2026-11-28";

describe("the workbench's draft", () => {
  it("opens the published data by default, in Chinese unless asked, with a language switch", async () => {
    const app = await openWorkbench(browser(), "");
    const { page } = app;
    await page.getByRole("heading", { level: 1, name: "数据维护", exact: true }).waitFor();
    await page.getByRole("button", { name: "下载数据文件", exact: true }).waitFor();
    await page.getByRole("button", { name: "下载 dataset.json", exact: true }).waitFor();
    await page.getByRole("button", { name: "语言: English" }).click();
    await page.getByRole("heading", { level: 1, name: "Data workbench", exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    expect(await page.getByText(/^Data: The data this site publishes/).count()).toBe(1);
    expectQuiet(app);
    await app.close();
  });

  it("comes back after a reload mid-edit, with the same Changes", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await chooseRecord(page, "areas.json", "hanjiang");
    await typeInto(page, "Name (English)", "Hanjiang");
    await page.getByLabel("Data as of", { exact: true }).fill("2026-12-01");
    const before = await changeRows(page);
    expect(before).toEqual([
      "areas.json › hanjiang › name.en · changed: Hanjiang District → Hanjiang",
      "meta.json › asOf · changed: 2026-11-28 → 2026-12-01",
    ]);
    await waitForStored(page, (kept) => {
      const draft = kept[KEY] as { files?: Record<string, unknown> } | undefined;
      return Boolean(draft?.files?.["areas.json"] && draft.files["meta.json"]);
    });
    await page.reload();
    await page.getByRole("list", { name: "Changes", exact: true }).waitFor();
    expect(await changeRows(page)).toEqual(before);
    expectQuiet(app);
    await app.close();
  });

  it("reverting one field removes exactly that row from Changes", async () => {
    const app = await openWorkbench(browser());
    const { page } = app;
    await ready(page);
    await chooseRecord(page, "sites.json", "aviation-lab");
    await typeInto(page, "Name (Chinese)", "航空实验室");
    await typeInto(page, "Name (English)", "Aviation laboratory");
    // A site is edited in the site form, which puts its fields into the draft on Save.
    await page.getByRole("button", { name: "Save site", exact: true }).click();
    const rows = await changeRows(page);
    expect(rows).toHaveLength(2);
    await page.getByRole("button", { name: `Revert: ${rows[0]!}`, exact: true }).click();
    expect(await changeRows(page)).toEqual([rows[1]]);
    // Leave nothing behind for the other tests of this browser.
    await page.getByRole("button", { name: `Revert: ${rows[1]!}`, exact: true }).click();
    await page.getByText("No changes.", { exact: true }).waitFor();
    expectQuiet(app);
    await app.close();
  });

  it('says it is switched off when config.json has "workbench": false, and opens no data', async () => {
    const app = await openWorkbench(browser(), "?lang=en", { deferNavigation: true });
    const { page } = app;
    const dataRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/data/")) dataRequests.push(r.url());
    });
    await page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ workbench: false }) }),
    );
    await app.goto("edit.html?lang=en");
    await page.getByRole("status").filter({ hasText: '"workbench": false' }).waitFor();
    expect(await page.getByRole("button", { name: "Download data files" }).count()).toBe(0);
    expect(dataRequests).toEqual([]);
    expectQuiet(app);
    await app.close();
  });
});
