import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LIST_PAGE, PlaceLists } from "../../src/ui/PlaceLists";
import { syntheticDataset } from "../../support/synthetic/dataset";
import { initialState } from "../../src/state/store";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

const dataset = shippedDataset();

describe("PlaceLists", () => {
  it("lists every area, its name first, with its industries, and sites in a list of their own", () => {
    renderWithStore(<PlaceLists dataset={dataset} />, { dataset }, "en");
    const areas = within(screen.getByRole("list", { name: "Matching areas" })).getAllByRole("listitem");
    expect(areas).toHaveLength(9);
    expect(areas[0]).toHaveTextContent(/^Guangling District/);
    expect(areas[6]).toHaveTextContent("Metaverse");
    expect(areas[6]).toHaveTextContent("Zero/negative carbon (CCUS)");
    const sites = within(screen.getByRole("list", { name: "Matching sites" })).getAllByRole("listitem");
    expect(sites.map((s) => s.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/^Yangzhou Aviation Valley/)]));
  });

  it("selects an area by keyboard and marks it current; choosing it again clears the selection", async () => {
    const { store } = renderWithStore(<PlaceLists dataset={dataset} />, { dataset }, "zh");
    const list = screen.getByRole("list", { name: "匹配区域" });
    const gaoyou = within(list).getByRole("button", { name: /^高邮市/ });
    gaoyou.focus();
    await userEvent.keyboard("{Enter}");
    expect(store.getState().view.area).toBe("gaoyou");
    expect(gaoyou).toHaveAttribute("aria-current", "true");
    await userEvent.keyboard("{Enter}");
    expect(store.getState().view.area).toBeNull();
  });

  it("renders names from data as text, never as markup", () => {
    const hostile = structuredClone(dataset);
    hostile.areas[0]!.name.zh = "<img src=x onerror=alert(1)>";
    renderWithStore(<PlaceLists dataset={hostile} />, { dataset: hostile }, "zh");
    const first = within(screen.getByRole("list", { name: "匹配区域" })).getAllByRole("listitem")[0]!;
    expect(first).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(first.querySelector("img")).toBeNull();
  });
});

describe("PlaceLists at national size", () => {
  const big = syntheticDataset(dataset, { areas: 400, sites: 250 });

  it("shows a long list a page at a time, says how many match, and shows more on request", async () => {
    renderWithStore(<PlaceLists dataset={big} />, { dataset: big }, "en");
    // Counted through the DOM: role queries over hundreds of items are too slow in jsdom.
    const rows = (name: string) => screen.getByRole("list", { name }).querySelectorAll(":scope > li").length;
    expect(rows("Matching areas")).toBe(LIST_PAGE);
    expect(rows("Matching sites")).toBe(LIST_PAGE);
    const more = screen.getByText(`Show ${LIST_PAGE} more (${LIST_PAGE} of 400 shown)`);
    expect(more.tagName).toBe("BUTTON");
    await userEvent.click(more);
    expect(rows("Matching areas")).toBe(2 * LIST_PAGE);
    expect(screen.getByText(`Show ${LIST_PAGE} more (${2 * LIST_PAGE} of 400 shown)`)).toBeInTheDocument();
  });

  it("keeps the place selected on the map among the rows, marked current, even beyond the first page", () => {
    const far = big.areas[big.areas.length - 1]!;
    renderWithStore(<PlaceLists dataset={big} />, { dataset: big, view: { ...initialState("en").view, area: far.id } }, "en");
    const current = screen.getByRole("list", { name: "Matching areas" }).querySelector('[aria-current="true"]');
    expect(current).toHaveTextContent(new RegExp(`^${far.name.en}`));
  });
});
