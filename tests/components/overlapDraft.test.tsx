import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { IDBFactory } from "fake-indexeddb";
import OverlapView from "../../src/ui/overlap/OverlapView";
import { StoreContext } from "../../src/ui/StoreContext";
import { createAppStore, initialState } from "../../src/state/store";
import { createI18n } from "../../src/i18n/i18n";
import { english } from "../../src/i18n/english";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import type { OverlapAnalysis, OverlapInput } from "../../src/domain/overlap/types";
import { shippedDataset } from "../unit/data/loadShipped";

// The draft's storage in the planner view, on fake-indexeddb (jsdom has no IndexedDB).
const run = vi.hoisted(() => ({ fn: vi.fn<(input: OverlapInput) => Promise<OverlapAnalysis>>() }));
vi.mock("../../src/state/runOverlapAnalysis", () => ({ runOverlapAnalysis: run.fn }));

const dataset = shippedDataset();
const EMPTY: OverlapAnalysis = { industries: [], pairs: [], areas: [], containment: [], findings: [], tookMs: 1 };

function open(lang: "zh" | "en") {
  const store = createAppStore({ ...initialState(lang), dataset, view: { ...DEFAULT_VIEW, pane: "overlap", lang } });
  const view = render(
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={createI18n(lang, { en: english })}>
        <OverlapView dataset={dataset} />
      </I18nextProvider>
    </StoreContext.Provider>,
  );
  return { store, view };
}

beforeEach(() => {
  run.fn.mockReset().mockResolvedValue(EMPTY);
  // A fresh, empty database per test.
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => vi.restoreAllMocks());

describe("the planner's draft in this browser", () => {
  it("is restored in a new page with the notice in Chinese, and Discard asks first", async () => {
    const user = userEvent.setup();
    const first = open("zh");
    await user.click(screen.getByRole("button", { name: "元宇宙在江都区" }));
    await waitFor(async () => expect(await indexedDBKeys()).toEqual([`draft:${dataset.meta.id}@${dataset.meta.asOf}`]));
    first.view.unmount();

    const { store } = open("zh");
    await screen.findByText("已恢复草稿 · 1 处改动");
    expect(store.getState().draft).toContainEqual({ industry: "metaverse", area: "jiangdu", section: "draft", evidence: "planner draft" });
    await user.click(screen.getByRole("button", { name: "放弃草稿" }));
    expect(store.getState().draftPatch).not.toBeNull(); // asked, not yet done
    await user.click(screen.getByRole("button", { name: "保留" }));
    expect(store.getState().draftPatch).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "放弃草稿" }));
    await user.click(screen.getByRole("button", { name: "放弃" }));
    expect(store.getState().draftPatch).toBeNull();
    await waitFor(async () => expect(await indexedDBKeys()).toEqual([]));
  }, 20_000);

  it("says so when the browser will not keep it, and the planner keeps working in memory", async () => {
    const user = userEvent.setup();
    // Private mode in some browsers: opening the database fails.
    vi.spyOn(globalThis.indexedDB, "open").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    const { store } = open("en");
    await screen.findByText(/This browser will not keep the draft/);
    await user.click(screen.getByRole("button", { name: "Metaverse in Jiangdu District" }));
    expect(screen.getByRole("button", { name: "Metaverse in Jiangdu District" })).toHaveAttribute("aria-pressed", "true");
    expect(store.getState().draft).toHaveLength(dataset.assignments.length + 1);
    expect(screen.getByText("Draft active — not the published layout")).toBeInTheDocument();
  }, 20_000);
});

function indexedDBKeys(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("yangzhou-industry-map");
    req.onupgradeneeded = () => req.result.createObjectStore("drafts");
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const keys = req.result.transaction("drafts").objectStore("drafts").getAllKeys();
      keys.onsuccess = () => {
        req.result.close();
        resolve(keys.result.map(String));
      };
    };
  });
}
