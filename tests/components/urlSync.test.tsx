import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, screen } from "@testing-library/react";
import { Notices } from "../../src/ui/Notices";
import { startUrlSync } from "../../src/state/urlSync";
import { selectArea, setCamera, setMatch, toggleIndustry } from "../../src/state/actions";
import { setPane } from "../../src/state/planner";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import type { AppStore } from "../../src/state/store";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

// The URL binding through its injectable window (jsdom's): which changes push a history
// entry and which replace it, Back and Forward setting the view again, and the notice a
// bad parameter gives.

const dataset = shippedDataset();

/** Goes to `search` on jsdom's page without the sync listening (as if the page were opened there). */
function openAt(search: string) {
  window.history.replaceState(null, "", `/${search}`);
}

/** Waits for the popstate that Back or Forward fires (jsdom traverses history asynchronously). */
function traverse(go: () => void): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener("popstate", () => resolve(), { once: true });
    go();
  });
}

let stop: (() => void) | undefined;
let store: AppStore;

/** Starts the sync on a store with the dataset, at `search` (null: where jsdom's page is now). */
function start(search: string | null, lang: "zh" | "en" = "zh") {
  if (search !== null) openAt(search);
  ({ store } = renderWithStore(<Notices />, { dataset, view: { ...DEFAULT_VIEW, lang } }, lang));
  const push = vi.spyOn(window.history, "pushState");
  const replace = vi.spyOn(window.history, "replaceState");
  act(() => {
    stop = startUrlSync(store, window);
  });
  return { push, replace };
}

beforeEach(() => openAt(""));
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

describe("startUrlSync", () => {
  it("reads the URL once at start and makes the address canonical without a history entry", () => {
    const { push, replace } = start("?area=guangling&match=all&industries=metaverse,low-altitude-economy");
    expect(store.getState().view).toMatchObject({ area: "guangling", match: "all", industries: ["low-altitude-economy", "metaverse"] });
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe("?industries=low-altitude-economy,metaverse&match=all&area=guangling");
    expect(store.getState().ignoredUrl).toEqual([]);
  });

  it("replaces the entry for a filter or camera change, and pushes one for a panel or the pane", () => {
    const { push, replace } = start("");
    replace.mockClear();

    act(() => toggleIndustry(store, "metaverse"));
    act(() => setMatch(store, "all"));
    act(() => setCamera(store, { zoom: 9, lat: 32.4, lng: 119.4 }));
    expect(push).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(3);
    expect(window.location.search).toBe("?industries=metaverse&match=all&map=9.00/32.4000/119.4000");

    act(() => selectArea(store, "hanjiang"));
    act(() => setPane(store, "overlap"));
    expect(push).toHaveBeenCalledTimes(2);
    expect(replace).toHaveBeenCalledTimes(3);
    expect(window.location.search).toContain("area=hanjiang&view=overlap");
  });

  it("writes nothing for a change that leaves the link as it is", () => {
    const { push, replace } = start("?area=guangling");
    replace.mockClear();
    act(() => store.setState((s) => ({ view: { ...s.view }, hoveredPlace: "etdz" })));
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
  });

  it("sets the view again on Back and Forward, without writing history of its own", async () => {
    const { push, replace } = start("?match=all");
    act(() => selectArea(store, "guangling"));
    act(() => selectArea(store, "hanjiang"));
    push.mockClear();
    replace.mockClear();

    await act(() => traverse(() => window.history.back()));
    expect(store.getState().view).toMatchObject({ area: "guangling", match: "all" });
    await act(() => traverse(() => window.history.back()));
    expect(store.getState().view).toMatchObject({ area: null, match: "all" });
    await act(() => traverse(() => window.history.forward()));
    expect(store.getState().view.area).toBe("guangling");
    expect(push).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();

    // After Back, the next change writes from the address Back restored.
    act(() => setMatch(store, "any"));
    expect(replace).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe("?area=guangling");
  });

  it("names every bad parameter in a notice, in the reader's language, and drops it from the address", () => {
    start("?lang=en&area=atlantis&tiers=key,bogus&map=99/0/0&colour=red", "en");
    expect(store.getState().ignoredUrl.map((p) => `${p.field}=${p.value}`)).toEqual([
      "colour=red",
      "tiers=bogus",
      "area=atlantis",
      "map=99/0/0",
    ]);
    const notice = screen.getByRole("status");
    expect(notice).toHaveTextContent("These parts of the link were not understood and were ignored:");
    expect(notice).toHaveTextContent("area=atlantis — unknown area or site");
    expect(notice).toHaveTextContent("colour=red — unknown parameter");
    expect(window.location.search).toBe("?lang=en&tiers=key");
  });

  it("gives the notice in Chinese to a Chinese reader", () => {
    start("?match=most", "zh");
    expect(screen.getByRole("status")).toHaveTextContent("链接中的以下参数无效,已忽略:");
    expect(screen.getByRole("status")).toHaveTextContent("match=most — must be any or all");
  });

  it("reports bad parameters of the first address only, not those Back brings back", async () => {
    openAt("?area=atlantis");
    window.history.pushState(null, "", "/?match=all");
    start(null);
    expect(store.getState().ignoredUrl).toEqual([]);
    await act(() => traverse(() => window.history.back()));
    expect(store.getState().view).toMatchObject({ area: null, match: "any" });
    expect(store.getState().ignoredUrl).toEqual([]);
  });

  it("stops following the store and the history when stopped", async () => {
    const { push, replace } = start("");
    act(() => selectArea(store, "guangling"));
    stop!();
    stop = undefined;
    push.mockClear();
    replace.mockClear();
    act(() => selectArea(store, "hanjiang"));
    expect(push).not.toHaveBeenCalled();
    await traverse(() => window.history.back());
    expect(store.getState().view.area).toBe("hanjiang");
  });
});
