import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { IDBFactory } from "fake-indexeddb";
import OverlapView from "../../src/ui/overlap/OverlapView";
import { StoreContext } from "../../src/ui/StoreContext";
import { createAppStore, focusedFindingId, initialState, type AppState } from "../../src/state/store";
import { createI18n } from "../../src/i18n/i18n";
import { english } from "../../src/i18n/english";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import type { Dataset } from "../../src/domain/dataset/schema";
import type { Finding, OverlapAnalysis, OverlapInput } from "../../src/domain/overlap/types";
import { PAGE_SIZE } from "../../src/ui/overlap/paging";
import { syntheticDataset } from "../../support/synthetic/dataset";
import { shippedDataset } from "../unit/data/loadShipped";
import { parseCsv } from "../support/parseCsv";

// The planner view at national size: the matrix and the findings a page at a time. The
// analysis is mocked (the view's rendering is under test, not the geometry).
const run = vi.hoisted(() => ({ fn: vi.fn<(input: OverlapInput) => Promise<OverlapAnalysis>>() }));
vi.mock("../../src/state/runOverlapAnalysis", () => ({ runOverlapAnalysis: run.fn }));
const downloads = vi.hoisted(() => ({ fn: vi.fn<(blob: Blob, name: string) => void>() }));
vi.mock("../../src/ui/share/download", () => ({ downloadBlob: downloads.fn }));

const yangzhou = shippedDataset();
const AREAS = 3000;
const big = syntheticDataset(yangzhou, { areas: AREAS, sites: 10 });

/** One "N industries in one area" finding per area carrying two or more, ranked as they come. */
function findingsOf(dataset: Dataset): Finding[] {
  const carried = new Map<string, string[]>();
  for (const a of dataset.assignments) carried.set(a.area, [...(carried.get(a.area) ?? []), a.industry]);
  return [...carried]
    .filter(([, industries]) => industries.length > 1)
    .map(([area, industries], n) => ({
      id: `industries-in-area:${area}`,
      kind: "industries-in-area",
      weight: -n,
      industries,
      areas: [area],
      figures: { industryCount: industries.length },
      approximate: false,
      geometry: null,
    }));
}
const FINDINGS = findingsOf(big);
/** Each zone wholly in its county. */
const containmentOf = (dataset: Dataset) =>
  dataset.areas
    .filter((a) => a.kind === "zone")
    .map((a) => ({ zone: a.id, county: a.containedIn![0]!, km2: 10, shareOfZone: 1, approximate: true as const }));
const ZONES = containmentOf(big);
const analysisOf = (findings: Finding[], containment = ZONES): OverlapAnalysis => ({
  industries: [],
  pairs: [],
  areas: [],
  containment,
  findings,
  tookMs: 5,
});

function open(dataset: Dataset, state: Partial<AppState> = {}) {
  const store = createAppStore({ ...initialState("en"), dataset, view: { ...DEFAULT_VIEW, pane: "overlap", lang: "en" }, ...state });
  render(
    <StoreContext.Provider value={store}>
      <I18nextProvider i18n={createI18n("en", { en: english })}>
        <OverlapView dataset={dataset} />
      </I18nextProvider>
    </StoreContext.Provider>,
  );
  return { store };
}

// Counted through the DOM: role queries over thousands of elements are too slow in jsdom.
const table = () => screen.getByRole("table", { name: "Industry by area" });
const rowNames = () => [...table().querySelectorAll("tbody > tr > th")].map((th) => th.textContent);
const findingItems = () => [...screen.getByRole("list", { name: "Findings" }).querySelectorAll<HTMLElement>(":scope > li")];
const bigNames = big.areas.map((a) => a.name.en);
const number = (n: number) => n.toLocaleString("en");

/** A paging bar's count, under the matrix ("… areas") or the findings ("… findings"). */
function countOf(what: "areas" | "findings" | "zones"): HTMLElement {
  const counts = [...document.querySelectorAll<HTMLElement>(".overlap-paging-count")].filter((c) => c.textContent?.endsWith(` ${what}`));
  expect(counts).toHaveLength(1);
  return counts[0]!;
}
const bar = (what: "areas" | "findings" | "zones") => countOf(what).parentElement!;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  run.fn.mockReset().mockResolvedValue(analysisOf(FINDINGS));
  downloads.fn.mockReset();
});
afterEach(() => vi.restoreAllMocks());

// jsdom takes seconds over a few thousand elements.
describe("the planner view at national size", { timeout: 120_000 }, () => {
  it("has a big enough set to page", () => {
    expect(big.areas.length).toBe(AREAS);
    expect(FINDINGS.length).toBeGreaterThan(2 * PAGE_SIZE.findings);
  });

  it("renders the first page of the matrix and of the findings, and says how many there are", async () => {
    open(big);
    expect(rowNames()).toEqual(bigNames.slice(0, PAGE_SIZE.rows));
    expect(countOf("areas")).toHaveTextContent(`Showing ${PAGE_SIZE.rows} of 3,000 areas`);
    await screen.findByText(/Analysis took/);
    expect(findingItems()).toHaveLength(PAGE_SIZE.findings);
    expect(findingItems().map((li) => li.getAttribute("data-finding"))).toEqual(FINDINGS.slice(0, PAGE_SIZE.findings).map((f) => f.id));
    expect(countOf("findings")).toHaveTextContent(`Showing ${PAGE_SIZE.findings} of ${number(FINDINGS.length)} findings`);
    // the totals row still counts every area
    const metaverse = big.industries.findIndex((i) => i.id === "metaverse");
    const total = big.assignments.filter((a) => a.industry === "metaverse").length;
    expect(table().querySelectorAll("tfoot td")[metaverse]).toHaveTextContent(String(total));
  });

  it("shows a page more, then all, on request, and moves focus to the first new row", async () => {
    const user = userEvent.setup();
    // One tier's three columns: 3,000 rows of thirteen toggles take jsdom a minute.
    open(big, { view: { ...DEFAULT_VIEW, pane: "overlap", lang: "en", tiers: ["key"] } });
    // the view settled (the analysis shown), so no later render races the focus move
    await screen.findByText(/Analysis took/);
    // the totals count the key tier's industries only, over every area
    const key = new Set(big.industries.filter((i) => i.tier === "key").map((i) => i.id));
    const keyed = big.assignments.filter((a) => key.has(a.industry));
    expect([...table().querySelectorAll("tfoot td.overlap-total")].map((td) => Number(td.textContent))).toEqual(
      big.industries.filter((i) => key.has(i.id)).map((i) => keyed.filter((a) => a.industry === i.id).length),
    );
    expect([...table().querySelectorAll("tbody > tr > td:last-child")].map((td) => Number(td.textContent))).toEqual(
      big.areas.slice(0, PAGE_SIZE.rows).map((area) => keyed.filter((a) => a.area === area.id).length),
    );
    await user.click(within(bar("areas")).getByRole("button", { name: `Show ${PAGE_SIZE.rows} more` }));
    expect(rowNames()).toEqual(bigNames.slice(0, 2 * PAGE_SIZE.rows));
    expect(countOf("areas")).toHaveTextContent(`Showing ${2 * PAGE_SIZE.rows} of 3,000 areas`);
    expect(document.activeElement?.closest("tr")?.querySelector("th")).toHaveTextContent(bigNames[PAGE_SIZE.rows]!);

    await user.click(within(bar("areas")).getByRole("button", { name: "Show all (3,000)" }));
    expect(rowNames()).toEqual(bigNames);
    expect(countOf("areas")).toHaveTextContent("Showing 3,000 of 3,000 areas");
    expect(within(bar("areas")).queryAllByRole("button")).toEqual([]);
    expect(document.activeElement?.closest("tr")?.querySelector("th")).toHaveTextContent(bigNames[2 * PAGE_SIZE.rows]!);
  });

  it("shows more findings, and all of them", async () => {
    const user = userEvent.setup();
    open(big);
    await screen.findByText(/Analysis took/);
    await user.click(within(bar("findings")).getByRole("button", { name: `Show ${PAGE_SIZE.findings} more` }));
    expect(findingItems()).toHaveLength(2 * PAGE_SIZE.findings);
    expect(document.activeElement).toBe(findingItems()[PAGE_SIZE.findings]!.querySelector("button"));
    await user.click(within(bar("findings")).getByRole("button", { name: `Show all (${number(FINDINGS.length)})` }));
    expect(findingItems().map((li) => li.getAttribute("data-finding"))).toEqual(FINDINGS.map((f) => f.id));
  });

  it("sorts over every area, not just the page shown", async () => {
    const user = userEvent.setup();
    open(big);
    const byName = [...bigNames].sort((a, b) => a.localeCompare(b, "en"));
    // by name, then the other way round: the last name of the set comes first
    await user.click(screen.getByRole("button", { name: /^Area/ }));
    expect(rowNames()).toEqual(byName.slice(0, PAGE_SIZE.rows));
    await user.click(screen.getByRole("button", { name: /^Area/ }));
    expect(rowNames()).toEqual(byName.reverse().slice(0, PAGE_SIZE.rows));
    expect(bigNames.indexOf(rowNames()[0]!)).toBeGreaterThanOrEqual(PAGE_SIZE.rows);
    // by number of industries: the first row carries the most of any area
    await user.click(screen.getByRole("button", { name: /^Industries/ }));
    const counts = new Map<string, number>();
    for (const a of big.assignments) counts.set(a.area, (counts.get(a.area) ?? 0) + 1);
    const most = Math.max(...counts.values());
    const firstRow = table().querySelector("tbody > tr")!;
    expect(firstRow.lastElementChild).toHaveTextContent(String(most));
    // the next page continues the same order
    await user.click(within(bar("areas")).getByRole("button", { name: `Show ${PAGE_SIZE.rows} more` }));
    const shownCounts = [...table().querySelectorAll("tbody > tr > td:last-child")].map((td) => Number(td.textContent));
    expect(shownCounts).toHaveLength(2 * PAGE_SIZE.rows);
    expect(shownCounts).toEqual([...shownCounts].sort((a, b) => b - a));
  });

  it("lists the zones' counties a page at a time", async () => {
    const user = userEvent.setup();
    open(big);
    const section = await screen.findByRole("region", { name: "Which counties the functional zones lie in" });
    const items = () => [...section.querySelectorAll("ul > li")];
    expect(ZONES.length).toBeGreaterThan(PAGE_SIZE.zones);
    expect(items()).toHaveLength(PAGE_SIZE.zones);
    const name = (id: string) => big.areas.find((a) => a.id === id)!.name.en;
    expect(items()[0]).toHaveTextContent(`${name(ZONES[0]!.zone)}: 100.0 % in ${name(ZONES[0]!.county)}`);
    expect(countOf("zones")).toHaveTextContent(`Showing ${PAGE_SIZE.zones} of ${number(ZONES.length)} zones`);
    await user.click(
      within(bar("zones")).getByRole("button", { name: `Show ${Math.min(PAGE_SIZE.zones, ZONES.length - PAGE_SIZE.zones)} more` }),
    );
    expect(items()).toHaveLength(Math.min(2 * PAGE_SIZE.zones, ZONES.length));
    expect(document.activeElement).toBe(items()[PAGE_SIZE.zones]);
  });

  it("still exports every area and every finding", async () => {
    const user = userEvent.setup();
    open(big);
    await screen.findByText(/Analysis took/);
    await user.click(screen.getByRole("button", { name: "CSV: matrix" }));
    await user.click(screen.getByRole("button", { name: "CSV: findings" }));
    const [[matrix], [findings]] = downloads.fn.mock.calls as unknown as [[Blob], [Blob]];
    // jsdom's Blob has no text(); FileReader reads it.
    const text = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(blob);
      });
    expect(parseCsv((await text(matrix!)).replace(/^\uFEFF/, ""))).toHaveLength(1 + AREAS + 1);
    expect(parseCsv((await text(findings!)).replace(/^\uFEFF/, ""))).toHaveLength(1 + FINDINGS.length);
  });

  it("shows the finding in focus when it ranks beyond the page, with its rank", async () => {
    const far = 1234;
    const { store } = open(big, { focusedFinding: FINDINGS[far]! });
    await screen.findByText(/Analysis took/);
    const items = findingItems();
    expect(items).toHaveLength(PAGE_SIZE.findings + 1);
    const last = items.at(-1)!;
    expect(last).toHaveAttribute("data-finding", FINDINGS[far]!.id);
    expect(last).toHaveAttribute("value", String(far + 1));
    expect(within(last).getByRole("button")).toHaveAttribute("aria-pressed", "true");
    expect(focusedFindingId(store.getState())).toBe(FINDINGS[far]!.id);
    // once the page reaches it, it is shown in its place, once
    await userEvent.click(within(bar("findings")).getByRole("button", { name: `Show all (${number(FINDINGS.length)})` }));
    const ids = findingItems().map((li) => li.getAttribute("data-finding"));
    expect(ids.filter((id) => id === FINDINGS[far]!.id)).toHaveLength(1);
    expect(ids.indexOf(FINDINGS[far]!.id)).toBe(far);
    expect(findingItems()[far]).not.toHaveAttribute("value");
  });

  it("finds an area by its Chinese or English name, and pages the matches", async () => {
    const user = userEvent.setup();
    open(big);
    const search = screen.getByRole("searchbox", { name: "Find an area" });
    // English, in any case
    await user.type(search, "COUNTY 1");
    const matching = bigNames.filter((n) => n.includes("County 1"));
    expect(matching.length).toBeGreaterThan(PAGE_SIZE.rows);
    expect(rowNames()).toEqual(matching.slice(0, PAGE_SIZE.rows));
    expect(screen.getByText(`${matching.length} of 3,000 areas match`)).toBeInTheDocument();
    expect(countOf("areas")).toHaveTextContent(`Showing ${PAGE_SIZE.rows} of ${matching.length} areas`);
    // Chinese: one area, so no paging
    const one = big.areas[2345]!;
    await user.clear(search);
    await user.click(search);
    await user.paste(one.name.zh);
    expect(rowNames()).toEqual([one.name.en]);
    expect(screen.getByText("1 of 3,000 areas match")).toBeInTheDocument();
    expect([...document.querySelectorAll(".overlap-paging-count")].map((c) => c.textContent)).not.toContainEqual(
      expect.stringMatching(/areas$/),
    );
    await user.type(search, "x");
    expect(rowNames()).toEqual([]);
    expect(screen.getByText(`No area's name holds “${one.name.zh}x”.`)).toBeInTheDocument();
  });
});

describe("the planner view on a small set", () => {
  it("shows every area and finding, with no paging and no area filter", async () => {
    const findings = findingsOf(yangzhou);
    run.fn.mockResolvedValue(analysisOf(findings, containmentOf(yangzhou)));
    open(yangzhou);
    await screen.findByText(/Analysis took/);
    expect(rowNames()).toHaveLength(yangzhou.areas.length);
    expect(findingItems()).toHaveLength(findings.length);
    expect(screen.queryByText(/^Showing/)).toBeNull();
    expect(screen.queryByRole("button", { name: /^Show / })).toBeNull();
    expect(screen.queryByRole("searchbox")).toBeNull();
    expect(findingItems().some((li) => li.hasAttribute("value"))).toBe(false);
  });
});
