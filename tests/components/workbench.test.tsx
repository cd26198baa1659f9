import "fake-indexeddb/auto";
import { resolve } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { readDataTree } from "../../scripts/data/readDataDir";
import { addMessages, createI18n } from "../../src/i18n/i18n";
import * as workbench from "../../src/i18n/workbenchMessages";
import { createWorkbenchStore, openGiven, saved, selectRecord, SESSION_KEY, type WorkbenchStore } from "../../src/state/workbench";
import { readKept } from "../../src/state/draftStore";
import { WorkbenchContext } from "../../src/ui/workbench/WorkbenchContext";
import { WorkbenchApp } from "../../src/ui/workbench/WorkbenchApp";

// jsdom has no WebGL: the map host is the browser tests' (tests/e2e/workbench-*.spec.ts).
vi.mock("../../src/ui/workbench/WorkbenchMapHost", () => ({ WorkbenchMapHost: () => null }));

const texts = readDataTree(resolve(import.meta.dirname, "../../data"));
const entries = Object.entries(texts).map(([path, text]) => ({ path: `data/${path}`, text }));

function page(lang: "zh" | "en" = "en"): WorkbenchStore {
  const store = createWorkbenchStore(lang);
  const i18n = createI18n(lang);
  addMessages(i18n, workbench);
  render(
    <WorkbenchContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <WorkbenchApp onLang={() => {}} />
      </I18nextProvider>
    </WorkbenchContext.Provider>,
  );
  return store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe("the workbench page", () => {
  it("says so when the site switched it off", () => {
    const store = page("zh");
    act(() => store.setState({ status: "off" }));
    expect(screen.getByRole("heading", { level: 1, name: "数据维护" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent('"workbench": false');
  });

  it("edits a name: the Changes list shows the field, the draft is kept, reverting removes the row", async () => {
    const user = userEvent.setup();
    const store = page();
    act(() => void expect(openGiven(store, "data/", entries)).toBe(true));
    act(() => selectRecord(store, { file: "areas.json", key: "hanjiang" }));
    const name = await screen.findByRole("textbox", { name: "Name (English)" });
    await user.clear(name);
    await user.type(name, "Hanjiang");
    const changes = within(screen.getByRole("list", { name: "Changes" }));
    expect(changes.getAllByRole("listitem")).toHaveLength(1);
    expect(changes.getByText(/areas\.json › hanjiang › name\.en/)).toBeInTheDocument();
    await saved();
    const session = await readKept<{ draft: unknown }>(SESSION_KEY);
    expect(session?.draft).toEqual(store.getState().draft);
    await user.click(changes.getByRole("button", { name: /^Revert: areas\.json › hanjiang › name\.en/ }));
    expect(screen.queryByRole("list", { name: "Changes" })).toBeNull();
    expect(screen.getByText("No changes.")).toBeInTheDocument();
  });

  it("lists an error as file › record › field, jumps to its record, and disables the downloads until it is fixed", async () => {
    const user = userEvent.setup();
    const store = page();
    act(() => void openGiven(store, "data/", entries));
    expect(screen.getByRole("button", { name: "Download data files" })).toBeEnabled();
    act(() => selectRecord(store, { file: "areas.json", key: "hanjiang" }));
    await user.clear(await screen.findByRole("textbox", { name: "Name (English)" }));
    const problem = within(screen.getByRole("list", { name: "Problems" })).getByRole("button", {
      name: /^Error: areas\.json › hanjiang › name\.en/,
    });
    expect(screen.getByRole("button", { name: "Download data files" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Download dataset.json" })).toBeDisabled();
    act(() => selectRecord(store, { file: "meta.json", key: "" }));
    await user.click(problem);
    expect(store.getState().selected).toEqual({ file: "areas.json", key: "hanjiang" });
    await user.type(screen.getByRole("textbox", { name: "Name (English)" }), "Hanjiang");
    expect(screen.getByRole("button", { name: "Download data files" })).toBeEnabled();
  });

  it("words each problem in Chinese on the 中文 page", async () => {
    const user = userEvent.setup();
    const store = page("zh");
    act(() => void openGiven(store, "data/", entries));
    act(() => selectRecord(store, { file: "areas.json", key: "hanjiang" }));
    await user.clear(await screen.findByRole("textbox", { name: "名称(英文)" }));
    const problems = within(screen.getByRole("list", { name: "问题" }));
    expect(problems.getByRole("button", { name: "错误: areas.json › hanjiang › name.en: 不能为空" })).toBeInTheDocument();
    expect(problems.getByRole("button", { name: /^提示: meta\.json › asOf: 数据已修改,但截至日期仍是发布时的日期$/ })).toBeInTheDocument();
    expect(screen.queryByText(/must not be empty/)).toBeNull();
  });

  it("keeps validate's English reason on the English page", async () => {
    const user = userEvent.setup();
    const store = page("en");
    act(() => void openGiven(store, "data/", entries));
    act(() => selectRecord(store, { file: "areas.json", key: "hanjiang" }));
    await user.clear(await screen.findByRole("textbox", { name: "Name (English)" }));
    const problems = within(screen.getByRole("list", { name: "Problems" }));
    expect(problems.getByRole("button", { name: "Error: areas.json › hanjiang › name.en: must not be empty" })).toBeInTheDocument();
  });

  it("asks before discarding the draft", async () => {
    const user = userEvent.setup();
    const store = page();
    act(() => void openGiven(store, "data/", entries));
    act(() => selectRecord(store, { file: "areas.json", key: "hanjiang" }));
    await user.type(await screen.findByRole("textbox", { name: "Name (Chinese)" }), "!");
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole("button", { name: "Discard draft" }));
    expect(store.getState().draft).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "Discard draft" }));
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(store.getState().draft).toBeNull();
  });

  it("says what is wrong with files that are no data", () => {
    const store = page("zh");
    act(() => void expect(openGiven(store, "notes.txt", [{ path: "notes.txt", text: "hello" }])).toBe(false));
    expect(screen.getByRole("alert")).toHaveTextContent("notes.txt:不是数据集文件");
  });
});
