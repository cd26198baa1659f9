import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { IDBFactory } from "fake-indexeddb";
import type { Feature, Polygon } from "geojson";
import OverlapView from "../../src/ui/overlap/OverlapView";
import { StoreContext } from "../../src/ui/StoreContext";
import { createAppStore, focusedFindingId, highlightAreasOf, highlightOf, initialState, type AppState } from "../../src/state/store";
import { createI18n } from "../../src/i18n/i18n";
import { english } from "../../src/i18n/english";
import { toggleIndustry } from "../../src/state/actions";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import type { OverlapAnalysis, OverlapInput } from "../../src/domain/overlap/types";
import { shippedDataset } from "../unit/data/loadShipped";
import { parseCsv } from "../support/parseCsv";

// The analysis is mocked: these tests are about the view, not the geometry.
const run = vi.hoisted(() => ({ fn: vi.fn<(input: OverlapInput) => Promise<OverlapAnalysis>>() }));
vi.mock("../../src/state/runOverlapAnalysis", () => ({ runOverlapAnalysis: run.fn }));
const downloads = vi.hoisted(() => ({ fn: vi.fn<(blob: Blob, name: string) => void>() }));
vi.mock("../../src/ui/share/download", () => ({ downloadBlob: downloads.fn }));

const dataset = shippedDataset();

const square = (w: number, s: number, e: number, n: number): Feature<Polygon> => ({
  type: "Feature",
  properties: {},
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});
const OVERLAP = square(119.3, 32.3, 119.4, 32.4);

const ANALYSIS: OverlapAnalysis = {
  industries: [],
  pairs: [
    {
      a: "hanjiang",
      b: "etdz",
      sharedIndustries: ["metaverse"],
      overlapKm2: 123.2,
      shareOfA: 0.184,
      shareOfB: 0.975,
      approximate: true,
      intersection: OVERLAP,
    },
  ],
  areas: [],
  containment: [],
  findings: [
    {
      id: "same-ground:metaverse:hanjiang+etdz",
      kind: "same-ground",
      weight: 123.2,
      industries: ["metaverse"],
      areas: ["hanjiang", "etdz"],
      figures: { overlapKm2: 123.2, shareOfA: 0.184, shareOfB: 0.975, sharedCount: 1 },
      approximate: true,
      geometry: OVERLAP,
    },
    {
      id: "industry-in-areas:metaverse",
      kind: "industry-in-areas",
      weight: 90,
      industries: ["metaverse"],
      areas: ["etdz", "eco-tech-city", "yizheng", "hanjiang", "guangling"],
      figures: { areaCount: 5, sumKm2: 2076.3, unionKm2: 1869, doubleCountedKm2: 207.3 },
      approximate: true,
      geometry: OVERLAP,
    },
    {
      id: "industries-in-area:hanjiang",
      kind: "industries-in-area",
      weight: 10,
      industries: ["low-altitude-economy", "metaverse"],
      areas: ["hanjiang"],
      figures: { industryCount: 2 },
      approximate: false,
      geometry: null,
    },
  ],
  tookMs: 12,
};

function open(lang: "zh" | "en" = "en", state: Partial<AppState> = {}) {
  const store = createAppStore({ ...initialState(lang), dataset, view: { ...DEFAULT_VIEW, pane: "overlap", lang }, ...state });
  // The app's i18n without the overlap strings: the view brings its own (they are not in the first view).
  const i18n = createI18n(lang, { en: english });
  render(
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <OverlapView dataset={dataset} />
      </I18nextProvider>
    </StoreContext.Provider>,
  );
  return { store };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
const textOf = async (blob: Blob) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(blob));

const table = () => screen.getByRole("table", { name: "Industry by area" });
const bodyRows = () =>
  within(table())
    .getAllByRole("row")
    .filter((r) => within(r).queryAllByRole("rowheader").length && r.closest("tbody"));
const rowNames = () => bodyRows().map((r) => within(r).getByRole("rowheader").textContent);

beforeEach(() => {
  // The view keeps its draft in IndexedDB: each test starts with an empty one, as a new visitor.
  globalThis.indexedDB = new IDBFactory();
  run.fn.mockReset().mockResolvedValue(ANALYSIS);
  downloads.fn.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe("the overlap view", () => {
  it("shows a table named 'Industry by area': one row per area, one column per industry", async () => {
    open("en");
    expect(screen.getByRole("heading", { name: "Planner view: overlapping assignments" })).toBeInTheDocument();
    expect(table().querySelector("caption")).toHaveTextContent(/^Industry by area$/);
    expect(rowNames()).toHaveLength(9);
    expect(rowNames()[0]).toBe("Guangling District");
    expect(rowNames()).toContain("ETDZ");
    const headers = within(table())
      .getAllByRole("columnheader")
      .map((h) => h.textContent ?? "");
    expect(headers).toHaveLength(dataset.industries.length + 2); // the area column and the totals column
    for (const industry of dataset.industries) expect(headers.some((h) => h.includes(industry.name.en))).toBe(true);
    // cells are toggles, pressed where the policy assigns
    expect(screen.getByRole("button", { name: "Metaverse in Hanjiang District" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Metaverse in Baoying County" })).toHaveAttribute("aria-pressed", "false");
    // totals: 5 areas carry the metaverse; Hanjiang carries 2 industries
    const hanjiang = bodyRows().find((r) => r.textContent?.startsWith("Hanjiang District"))!;
    expect(hanjiang.lastElementChild).toHaveTextContent("2");
    await screen.findByText(/Analysis took/);
  });

  it("names the table 产业与区域 in Chinese", async () => {
    open("zh");
    expect(screen.getByRole("table", { name: "产业与区域" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "规划视图:布局重叠" })).toBeInTheDocument();
    await screen.findByRole("list", { name: "发现" });
  });

  it("sorts by a column: rows reorder and the heading carries aria-sort", async () => {
    const user = userEvent.setup();
    open("en");
    const metaverseHead = () =>
      within(table())
        .getAllByRole("columnheader")
        .find((h) => h.textContent?.includes("Metaverse"))!;
    expect(metaverseHead()).not.toHaveAttribute("aria-sort");
    await user.click(within(metaverseHead()).getByRole("button"));
    expect(metaverseHead()).toHaveAttribute("aria-sort", "descending");
    const metaverseAreas = ["Guangling District", "Hanjiang District", "Yizheng City", "ETDZ", "Eco-Tech New City"];
    expect(rowNames().slice(0, 5)).toEqual(metaverseAreas);
    // again: the other way round
    await user.click(within(metaverseHead()).getByRole("button"));
    expect(metaverseHead()).toHaveAttribute("aria-sort", "ascending");
    expect(rowNames().slice(4)).toEqual(metaverseAreas);
    // by name
    await user.click(screen.getByRole("button", { name: /^Area/ }));
    expect(metaverseHead()).not.toHaveAttribute("aria-sort");
    expect(within(table()).getAllByRole("columnheader")[0]).toHaveAttribute("aria-sort", "ascending");
    expect(rowNames()).toEqual([...rowNames()].sort((a, b) => a!.localeCompare(b!, "en")));
    // by number of industries: the three areas carrying two come first
    await user.click(screen.getByRole("button", { name: /^Industries/ }));
    expect(rowNames().slice(0, 3)).toEqual(["Hanjiang District", "ETDZ", "Eco-Tech New City"]);
  });

  it("toggling a cell starts a draft with a banner, re-runs the analysis, and Reset clears it", async () => {
    const user = userEvent.setup();
    const { store } = open("en");
    await screen.findByText(/Analysis took/);
    expect(run.fn).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Draft active — not the published layout")).toBeNull();

    const cell = screen.getByRole("button", { name: "Metaverse in Jiangdu District" });
    await user.click(cell);
    expect(cell).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("Draft active — not the published layout")).toBeInTheDocument();
    expect(screen.getByText(/1 added, 0 removed/)).toBeInTheDocument();
    const draft = store.getState().draft!;
    expect(draft).toHaveLength(dataset.assignments.length + 1);
    expect(draft.at(-1)).toEqual({ industry: "metaverse", area: "jiangdu", section: "draft", evidence: "planner draft" });
    await waitFor(() => expect(run.fn).toHaveBeenCalledTimes(2));
    expect(run.fn.mock.calls[1]![0].assignments).toContainEqual({ industry: "metaverse", area: "jiangdu" });
    // the published data is untouched
    expect(dataset.assignments.some((a) => a.area === "jiangdu" && a.industry === "metaverse")).toBe(false);

    // removing a published assignment and adding it back keeps its section and evidence
    await user.click(screen.getByRole("button", { name: "Metaverse in Hanjiang District" }));
    expect(screen.getByText(/1 added, 1 removed/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Metaverse in Hanjiang District" }));
    expect(store.getState().draft!.find((a) => a.area === "hanjiang" && a.industry === "metaverse")?.section).toBe("二(一)2");

    // the draft downloads as a reviewable data file
    await user.click(screen.getByRole("button", { name: "Download draft" }));
    const [blob, name] = downloads.fn.mock.calls[0]!;
    expect(name).toBe("assignments.draft.json");
    const doc = JSON.parse(await textOf(blob)) as { assignments: unknown[]; citywide: unknown[]; changes: unknown[] };
    expect(doc.citywide).toEqual(dataset.citywide);
    expect(doc.changes).toEqual([{ change: "added", industry: "metaverse", area: "jiangdu" }]);

    await user.click(screen.getByRole("button", { name: "Reset" }));
    expect(store.getState().draft).toBeNull();
    expect(screen.queryByText("Draft active — not the published layout")).toBeNull();
    expect(cell).toHaveAttribute("aria-pressed", "false");
  });

  it("runs the analysis once per draft, never per filter click, showing progress meanwhile", async () => {
    let finish: (a: OverlapAnalysis) => void = () => {};
    run.fn.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    const { store } = open("en");
    expect(screen.getByRole("status")).toHaveTextContent("Analysing…");
    await act(async () => finish(ANALYSIS));
    expect(screen.getByRole("status")).toHaveTextContent("Analysis took 12 ms");
    act(() => toggleIndustry(store, "metaverse"));
    act(() => toggleIndustry(store, "ccus"));
    expect(run.fn).toHaveBeenCalledTimes(1);
  });

  it("writes each finding as a sentence; a click focuses it and sets the map's highlight", async () => {
    const user = userEvent.setup();
    const { store } = open("en");
    const list = await screen.findByRole("list", { name: "Findings" });
    const items = within(list).getAllByRole("button");
    expect(items.map((b) => b.textContent)).toEqual([
      "Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ overlap by ≈123 km² (98 % of ETDZ, 18 % of Hanjiang District)",
      "Metaverse is given to 5 areas: ≈2,076 km² summed, ≈1,869 km² as ground (≈207 km² counted twice)",
      "Hanjiang District carries 2 industries: Low-altitude economy, Metaverse",
    ]);
    expect(screen.getByText(/schematic shapes/)).toBeInTheDocument();

    await user.click(items[0]!);
    expect(focusedFindingId(store.getState())).toBe("same-ground:metaverse:hanjiang+etdz");
    expect(highlightOf(store.getState())).toBe(OVERLAP);
    expect(items[0]).toHaveAttribute("aria-pressed", "true");
    expect(items[0]).toHaveAttribute("aria-current", "true");
    expect(items[1]).toHaveAttribute("aria-pressed", "false");
    // a second click lets go
    await user.click(items[0]!);
    expect(focusedFindingId(store.getState())).toBeNull();
    expect(highlightOf(store.getState())).toBeNull();
    // back to the map clears the focus and switches the view
    // a finding about one area as a whole: the map hatches that area's own feature
    await user.click(items[2]!);
    expect(highlightOf(store.getState())).toBeNull();
    expect(highlightAreasOf(store.getState())).toEqual(["hanjiang"]);
    await user.click(screen.getByRole("button", { name: /Back to the map/ }));
    expect(store.getState().view.pane).toBe("map");
    expect(highlightOf(store.getState())).toBeNull();
    expect(highlightAreasOf(store.getState())).toEqual([]);
  });

  it("exports the matrix and findings as CSV with a BOM, and the overlaps as GeoJSON", async () => {
    const user = userEvent.setup();
    open("en");
    await screen.findByText(/Analysis took/);
    await user.click(screen.getByRole("button", { name: "CSV: matrix" }));
    await user.click(screen.getByRole("button", { name: "CSV: findings" }));
    await user.click(screen.getByRole("button", { name: "GeoJSON: overlaps" }));
    const [[matrix, matrixName], [findings, findingsName], [geojson, geojsonName]] = downloads.fn.mock.calls as unknown as [
      [Blob, string],
      [Blob, string],
      [Blob, string],
    ];
    expect([matrixName, findingsName, geojsonName]).toEqual(["industry-by-area.csv", "overlap-findings.csv", "overlaps.geojson"]);
    expect([...(await bytesOf(matrix!)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...(await bytesOf(findings!)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const matrixLines = (await textOf(matrix!)).slice(1).split("\r\n");
    expect(matrixLines[0]!.startsWith("Area,id,Low-altitude economy,Metaverse,")).toBe(true);
    expect(matrixLines).toHaveLength(1 + 9 + 1 + 1); // header, areas, totals, final CRLF
    expect(matrixLines.find((l) => l.startsWith("Hanjiang District,hanjiang,1,1,0"))).toBeDefined();
    const [header, first, ...rest] = parseCsv((await textOf(findings!)).slice(1));
    expect(header!.slice(0, 8)).toEqual(["rank", "kind", "finding", "industries", "areas", "overlapKm2", "shareOfA", "shareOfB"]);
    expect(first!.slice(0, 8)).toEqual([
      "1",
      "same industry on the same ground",
      "Metaverse is laid out twice on the same ground: Hanjiang District and ETDZ overlap by ≈123 km² (98 % of ETDZ, 18 % of Hanjiang District)",
      "Metaverse",
      "Hanjiang District; ETDZ",
      "123.20",
      "0.184",
      "0.975",
    ]);
    expect(first!.at(-1)).toBe("yes");
    expect(rest).toHaveLength(2);
    const fc = JSON.parse(await textOf(geojson!)) as { type: string; features: { properties: Record<string, unknown> }[] };
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features[0]!.properties).toEqual({
      a: "hanjiang",
      b: "etdz",
      industries: ["metaverse"],
      overlapKm2: 123.2,
      shareOfA: 0.184,
      shareOfB: 0.975,
      approximate: true,
    });
  });

  it("says once per zone which counties it lies in, largest share first, slivers left out", async () => {
    const row = (zone: string, county: string, shareOfZone: number, km2: number) => ({
      zone,
      county,
      shareOfZone,
      km2,
      approximate: true as const,
    });
    // interleaved, as nothing promises the rows come grouped
    const containment = [
      row("etdz", "yizheng", 0.41, 55.1),
      row("eco-tech-city", "guangling", 1, 68.2),
      row("etdz", "guangling", 0.0001, 0.01),
      row("etdz", "hanjiang", 0.59, 79.3),
    ];
    run.fn.mockResolvedValue({ ...ANALYSIS, containment });
    open("en");
    const section = await screen.findByRole("region", { name: "Which counties the functional zones lie in" });
    expect(
      within(section)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "ETDZ: 59.0 % in Hanjiang District (≈79.3 km²), 41.0 % in Yizheng City (≈55.1 km²)",
      "Eco-Tech New City: 100.0 % in Guangling District (≈68.2 km²)",
    ]);
  });

  it("shows the targets honestly: 0 of ≥3 and ≥5 pilot parks, products and scenarios not recorded", async () => {
    open("en");
    const parks = screen.getAllByText(/^0 of ≥/).map((e) => e.textContent);
    expect(parks).toEqual(["0 of ≥3", "0 of ≥5"]);
    expect(screen.getByText("The data holds no designated pilot park yet.")).toBeInTheDocument();
    expect(screen.getAllByText("not recorded in the data")).toHaveLength(2);
    await screen.findByText(/Analysis took/);
  });
});
