import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provenance } from "../../src/ui/Footer";
import { Legend } from "../../src/ui/Legend";
import { FilterPanel } from "../../src/ui/FilterPanel";
import { HoverCard } from "../../src/ui/HoverCard";
import { Search } from "../../src/ui/Search";
import DetailPanels from "../../src/ui/panels/DetailPanels";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";
import { hostileDataset } from "../support/hostileDataset";

// The browser test (tests/e2e/hostile-text.spec.ts) covers the whole page; these pin each
// component that shows data, including text that goes through i18next's interpolation.
const dataset = hostileDataset(shippedDataset());
const area = (id: string) => dataset.areas.find((a) => a.id === id)!;
const industry = (id: string) => dataset.industries.find((i) => i.id === id)!;

/** No element the payloads would create exists, and nothing ran. */
function expectInert(): void {
  expect(document.body.querySelectorAll("img, svg, [onerror], [onload]")).toHaveLength(0);
  expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe("names from data are text, never markup", () => {
  it("in the provenance line, through i18next interpolation (not escaped twice, not parsed)", () => {
    renderWithStore(<Provenance dataset={dataset} />, { dataset }, "zh");
    const line = document.querySelector(".provenance")!;
    expect(line).toHaveTextContent(dataset.meta.policy.title.zh, { normalizeWhitespace: false });
    expect(line).toHaveTextContent(dataset.meta.policy.issuer.zh, { normalizeWhitespace: false });
    expect(line.textContent).not.toContain("&lt;");
    expectInert();
  });

  it("in the legend and the filter, whose entries are named exactly by the industry", () => {
    renderWithStore(
      <>
        <Legend dataset={dataset} compact={false} />
        <FilterPanel dataset={dataset} open />
      </>,
      { dataset },
      "en",
    );
    expect(screen.getByRole("button", { name: industry("metaverse").name.en })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: industry("ccus").name.en })).toBeInTheDocument();
    expect(screen.getAllByText(dataset.tiers[0]!.name.en, { exact: true }).length).toBeGreaterThan(0);
    expectInert();
  });

  it("in the hover card and the search results", async () => {
    renderWithStore(
      <>
        <HoverCard dataset={dataset} />
        <Search dataset={dataset} />
      </>,
      { dataset, hoveredPlace: "etdz" },
      "en",
    );
    expect(screen.getByTestId("hover-card")).toHaveTextContent(area("etdz").name.en, { normalizeWhitespace: false });
    await userEvent.type(screen.getByRole("combobox"), "gaoyou");
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(expect.arrayContaining([expect.stringContaining(area("gaoyou").name.en)]));
    expectInert();
  });

  it("in an area's panel", () => {
    renderWithStore(
      <DetailPanels dataset={dataset} />,
      { dataset, view: { ...DEFAULT_VIEW, area: "etdz", industry: null, lang: "en" } },
      "en",
    );
    const panel = screen.getByRole("region", { name: area("etdz").name.en });
    expect(panel).toHaveTextContent(industry("ccus").name.en, { normalizeWhitespace: false });
    expect(panel).toHaveTextContent(dataset.departments[0]!.name.en, { normalizeWhitespace: false });
    expectInert();
  });

  it("in an industry's panel", () => {
    renderWithStore(
      <DetailPanels dataset={dataset} />,
      { dataset, view: { ...DEFAULT_VIEW, area: null, industry: "metaverse", lang: "en" } },
      "en",
    );
    const panel = screen.getByRole("region", { name: industry("metaverse").name.en });
    expect(panel).toHaveTextContent(industry("metaverse").description.en, { normalizeWhitespace: false });
    expect(panel).toHaveTextContent(area("guangling").name.en, { normalizeWhitespace: false });
    expectInert();
  });
});
