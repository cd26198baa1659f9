import "fake-indexeddb/auto";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { readDataTree } from "../../scripts/data/readDataDir";
import { addMessages, createI18n } from "../../src/i18n/i18n";
import * as workbench from "../../src/i18n/workbenchMessages";
import { createWorkbenchStore, editRecord, openPublished, recordOf, saved, type WorkbenchStore } from "../../src/state/workbench";
import { WorkbenchContext } from "../../src/ui/workbench/WorkbenchContext";
import { WorkbenchApp } from "../../src/ui/workbench/WorkbenchApp";

// A draft kept in this browser, made on published data the site has since replaced: the page
// says so with both dates, lists what would not re-apply, and offers the three ways on.
vi.mock("../../src/ui/workbench/WorkbenchMapHost", () => ({ WorkbenchMapHost: () => null }));

type Json = Record<string, unknown>;
const oldTexts = readDataTree(resolve(import.meta.dirname, "../../data"));
const oldAsOf = (JSON.parse(oldTexts["meta.json"]!) as Json).asOf as string;
const NEW_AS_OF = "2099-01-31";

/** The site's next publication: a new asOf, and hanjiang's English name changed by someone else. */
function newTexts(): Record<string, string> {
  const meta = JSON.parse(oldTexts["meta.json"]!) as Json;
  const areas = JSON.parse(oldTexts["areas.json"]!) as Json[];
  const hanjiang = areas.find((a) => a.id === "hanjiang")!;
  hanjiang.name = { ...(hanjiang.name as Json), en: "Hanjiang (published)" };
  return { ...oldTexts, "meta.json": JSON.stringify({ ...meta, asOf: NEW_AS_OF }, null, 2), "areas.json": JSON.stringify(areas, null, 2) };
}

let published = oldTexts;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  published = oldTexts;
  vi.stubGlobal("fetch", async (url: string) => {
    const body = String(url).endsWith("files.json") ? JSON.stringify({ files: published }) : "";
    return { ok: true, status: 200, statusText: "OK", text: async () => body } as unknown as Response;
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function page(): Promise<WorkbenchStore> {
  const store = createWorkbenchStore("en");
  const i18n = createI18n("en");
  addMessages(i18n, workbench);
  render(
    <WorkbenchContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <WorkbenchApp onLang={() => {}} />
      </I18nextProvider>
    </WorkbenchContext.Provider>,
  );
  await act(() => openPublished(store));
  return store;
}

const renamed = (store: WorkbenchStore, id: string, en: string) => {
  const area = recordOf(store.getState(), "areas.json", id)!;
  editRecord(store, "areas.json", id, { ...area, name: { ...(area.name as Json), en } });
};

/** A draft on the old publication (two names), then the site publishes new data and the page opens again. */
async function reopenedAfterPublication(): Promise<WorkbenchStore> {
  const first = await page();
  act(() => {
    renamed(first, "hanjiang", "Hanjiang (draft)");
    renamed(first, "jiangdu", "Jiangdu (draft)");
  });
  await saved();
  cleanup();
  published = newTexts();
  return page();
}

describe("a kept draft made on older published data", () => {
  it("says so with both dates and lists the change that no longer applies", async () => {
    await reopenedAfterPublication();
    const notice = within(screen.getByRole("alert", { name: "The draft was made on older published data" }));
    expect(
      notice.getByText(new RegExp(`published as of ${oldAsOf}; the site now publishes the data as of ${NEW_AS_OF}`)),
    ).toBeInTheDocument();
    expect(notice.getByRole("listitem")).toHaveTextContent("areas.json › hanjiang › name.en: the new data changed this field");
    expect(notice.getByRole("button", { name: `Keep working on the draft's own data (${oldAsOf})` })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Download data files" })).toBeNull();
  });

  it("re-applies what still applies on the new data, and the choice is not asked again", async () => {
    const user = userEvent.setup();
    const store = await reopenedAfterPublication();
    await user.click(screen.getByRole("button", { name: `Re-apply the draft's changes on the new data (${NEW_AS_OF})` }));
    await saved();
    expect(store.getState().changes.map((c) => `${c.record} ${c.field} ${String(c.after)}`)).toEqual(["jiangdu name.en Jiangdu (draft)"]);
    cleanup();
    const again = await page();
    expect(screen.queryByRole("alert", { name: "The draft was made on older published data" })).toBeNull();
    expect(again.getState().changes).toHaveLength(1);
  });

  it("keeps working on the draft's own data: both changes stay, on the old publication", async () => {
    const user = userEvent.setup();
    const store = await reopenedAfterPublication();
    await user.click(screen.getByRole("button", { name: `Keep working on the draft's own data (${oldAsOf})` }));
    await saved();
    expect(store.getState().baseInfo?.asOf).toBe(oldAsOf);
    expect(store.getState().changes.map((c) => c.record)).toEqual(["hanjiang", "jiangdu"]);
    expect(store.getState().source?.kind).toBe("opened");
  });

  it("discards the draft only after asking", async () => {
    const user = userEvent.setup();
    const store = await reopenedAfterPublication();
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole("button", { name: "Discard this draft" }));
    expect(store.getState().stale).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "Discard this draft" }));
    await saved();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(store.getState().stale).toBeNull();
    expect(store.getState().draft).toBeNull();
    expect(store.getState().baseInfo?.asOf).toBe(NEW_AS_OF);
  });
});
