import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FilterPanel } from "../../src/ui/FilterPanel";
import { Legend } from "../../src/ui/Legend";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

const dataset = shippedDataset();

describe("FilterPanel", () => {
  it("names each industry checkbox exactly by the industry, with the count as its description", () => {
    renderWithStore(<FilterPanel dataset={dataset} open />, { dataset }, "en");
    const metaverse = screen.getByRole("checkbox", { name: "Metaverse" });
    expect(metaverse).toHaveAccessibleDescription("5 areas");
    expect(screen.getByRole("checkbox", { name: "Hydrogen energy" })).toHaveAccessibleDescription("citywide");
    expect(screen.getAllByRole("checkbox", { name: /./ }).filter((c) => c.getAttribute("aria-describedby"))).toHaveLength(13);
  });

  it("toggles the industry filter, any/all, tiers and kinds in the store", async () => {
    const { store } = renderWithStore(<FilterPanel dataset={dataset} open />, { dataset }, "zh");
    await userEvent.click(screen.getByRole("checkbox", { name: "零碳负碳(碳捕集利用及封存)" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "元宇宙" }));
    expect(store.getState().view.industries).toEqual(["metaverse", "ccus"]);
    await userEvent.click(screen.getByRole("radio", { name: "全部产业" }));
    expect(store.getState().view.match).toBe("all");
    await userEvent.click(screen.getByRole("checkbox", { name: "站点" }));
    expect(store.getState().view.kinds).toEqual(["county", "zone"]);
  });

  it("drops industries of a tier that is switched off, and hides that tier's checkboxes", async () => {
    const { store } = renderWithStore(<FilterPanel dataset={dataset} open />, { dataset }, "en");
    await userEvent.click(screen.getByRole("checkbox", { name: "Hydrogen energy" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Extended fields of the “613” system" }));
    expect(store.getState().view.tiers).toEqual(["key", "exploratory"]);
    expect(store.getState().view.industries).toEqual([]);
    expect(screen.queryByRole("checkbox", { name: "Hydrogen energy" })).toBeNull();
  });

  it("shares one filter with the legend's toggle buttons", async () => {
    const { store } = renderWithStore(
      <>
        <Legend dataset={dataset} compact={false} />
        <FilterPanel dataset={dataset} open />
      </>,
      { dataset },
      "en",
    );
    const legendEntry = screen.getByRole("button", { name: "Low-altitude economy" });
    expect(legendEntry).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(legendEntry);
    expect(store.getState().view.industries).toEqual(["low-altitude-economy"]);
    expect(screen.getByRole("checkbox", { name: "Low-altitude economy" })).toBeChecked();
    expect(legendEntry).toHaveAttribute("aria-pressed", "true");
  });
});
