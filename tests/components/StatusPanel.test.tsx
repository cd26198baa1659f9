import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StatusPanel } from "../../src/ui/StatusPanel";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

afterEach(() => vi.unstubAllGlobals());

describe("StatusPanel", () => {
  it("shows progress while the data loads", () => {
    renderWithStore(<StatusPanel />, { load: { status: "loading", loaded: 40_000, total: 100_000 } }, "en");
    expect(screen.getByRole("status")).toHaveTextContent("Loading data…");
    expect(screen.getByRole("progressbar")).toHaveAttribute("value", "40000");
  });

  it("says what went wrong and retries on request, then gets out of the way", async () => {
    const dataset = structuredClone(shippedDataset());
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify(dataset), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const { store } = renderWithStore(
      <StatusPanel />,
      { load: { status: "error", message: "data/dataset.json answered 503 Service Unavailable" } },
      "zh",
    );
    expect(screen.getByRole("alert")).toHaveTextContent("数据加载失败");
    expect(screen.getByRole("alert")).toHaveTextContent("503");
    await userEvent.click(screen.getByRole("button", { name: "重试" }));
    await waitFor(() => expect(store.getState().load.status).toBe("ready"));
    // one request for the dataset, then one for the quiet map context
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/data\/dataset\.json$/),
      expect.stringMatching(/data\/context\.json$/),
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(store.getState().dataset?.areas).toHaveLength(9);
  });

  it("reports a dataset that does not match the schema instead of showing broken data", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ areas: "nope" }), { status: 200 })),
    );
    const { store } = renderWithStore(<StatusPanel />, { load: { status: "error", message: "first failure" } }, "en");
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("does not match the dataset schema"));
    expect(store.getState().dataset).toBeNull();
  });
});
