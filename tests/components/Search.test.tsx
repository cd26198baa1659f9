import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Search } from "../../src/ui/Search";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

const dataset = shippedDataset();

describe("Search", () => {
  it("says in Chinese why a pinyin match matches", async () => {
    renderWithStore(<Search dataset={dataset} />, { dataset }, "zh");
    await userEvent.type(screen.getByRole("combobox", { name: "搜索区域、产业或站点" }), "DKJJ");
    const [option] = screen.getAllByRole("option");
    expect(option).toHaveTextContent("低空经济 · 产业拼音 dkjj → 低空经济");
  });

  it("says it in English too, beside the English name", async () => {
    renderWithStore(<Search dataset={dataset} />, { dataset }, "en");
    await userEvent.type(screen.getByRole("combobox", { name: "Search areas, industries or sites" }), "jkq");
    const [option] = screen.getAllByRole("option");
    expect(option).toHaveTextContent(/^ETDZ|Yangzhou Economic/);
    expect(option).toHaveTextContent("pinyin jkq → 经开区");
  });

  it("shows no reason when the name itself matches", async () => {
    renderWithStore(<Search dataset={dataset} />, { dataset }, "en");
    await userEvent.type(screen.getByRole("combobox"), "gaoyou");
    for (const option of screen.getAllByRole("option")) expect(option).not.toHaveTextContent("pinyin");
  });

  it("is focused by `/` from the page, which is typed as text in a text field", async () => {
    renderWithStore(
      <>
        <input aria-label="note" />
        <input type="checkbox" aria-label="tick" />
        <Search dataset={dataset} />
      </>,
      { dataset },
      "en",
    );
    const box = screen.getByRole("combobox");
    expect(box).toHaveAccessibleDescription(/Press \/ to jump to search/);
    await userEvent.keyboard("/");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("");

    screen.getByRole("textbox", { name: "note" }).focus();
    await userEvent.keyboard("/");
    expect(screen.getByRole("textbox", { name: "note" })).toHaveFocus();
    expect(screen.getByRole("textbox", { name: "note" })).toHaveValue("/");

    screen.getByRole("checkbox", { name: "tick" }).focus();
    await userEvent.keyboard("/");
    expect(box).toHaveFocus();
  });

  it("leaves `/` alone while a modal dialog is open", async () => {
    renderWithStore(
      <>
        <div role="dialog" aria-modal="true" aria-label="share">
          <button type="button">close</button>
        </div>
        <Search dataset={dataset} />
      </>,
      { dataset },
      "en",
    );
    screen.getByRole("button", { name: "close" }).focus();
    await userEvent.keyboard("/");
    expect(screen.getByRole("button", { name: "close" })).toHaveFocus();
  });
});
