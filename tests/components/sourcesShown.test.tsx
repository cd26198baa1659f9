import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import DetailPanels from "../../src/ui/panels/DetailPanels";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";

// The panels show where each figure comes from, and say so when its publisher's own text
// was not read (issue 14): in both languages, with no internal document named.

const dataset = shippedDataset();

function open(area: string, lang: "zh" | "en") {
  return renderWithStore(<DetailPanels dataset={dataset} />, { dataset, view: { ...DEFAULT_VIEW, area, industry: null, lang } }, lang);
}

describe("land-area sources in the area panel", () => {
  it("names the publisher, marks the figure unverified and lists the copies read (中文)", () => {
    open("yizheng", "zh");
    const panel = screen.getByRole("region", { name: "仪征市" });
    expect(panel).toHaveTextContent("来源:仪征市人民政府公布的市情资料(年份未载明) · 未见发布者原文,未核实");
    expect(panel).toHaveTextContent(
      "仅见转载:guangdonglong.com · 仪征(857 km²,其中长江水域 21 km²) http://www.guangdonglong.com/c/02141E5U12023.html",
    );
    expect(panel).toHaveTextContent("全市面积6591 平方公里来源:扬州市人民政府《扬州概况》(年份未载明) · 未见发布者原文,未核实");
    expect(panel).toHaveTextContent("6 个县级区划的数字合计约 6603 平方公里,不等于全市数字。");
    expect(panel.textContent).not.toMatch(/DATA\.md|设计说明/);
  });

  it("does the same in English", () => {
    open("etdz", "en");
    const panel = screen.getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" });
    expect(panel).toHaveTextContent(
      "Source: Yangzhou ETDZ, as its Baidu Baike entry reports (year not stated) · the publisher's own text was not seen: unverified",
    );
    expect(panel).toHaveTextContent("Seen only in secondary copies: ");
    expect(panel).not.toHaveTextContent("City land area"); // the city's figure goes with the counties
    expect(panel.textContent).not.toMatch(/DATA\.md|project brief/);
  });
});

describe("site sources in the site panel", () => {
  it("marks a source that was not read as unverified, and only that one", () => {
    open("aviation-valley", "en");
    const items = within(screen.getByRole("region", { name: "Yangzhou Aviation Valley" }))
      .getAllByRole("listitem")
      .filter((li) => li.closest(".sources"));
    expect(items).toHaveLength(2);
    expect(items[0]).not.toHaveTextContent("unverified");
    expect(items[1]).toHaveTextContent("(2021-06-11) · unverified");
  });

  it("says 未核实 in Chinese", () => {
    open("aviation-valley", "zh");
    const panel = screen.getByRole("region", { name: "扬州航空谷(华东航空谷)" });
    expect(panel).toHaveTextContent("(2021-06-11) · 未核实");
    expect(panel).toHaveTextContent("2021-06-11 · 奠基");
  });
});

describe("a designated pilot park's designation in the site panel", () => {
  const park = {
    ...dataset.sites[0]!,
    id: "new-pilot-park",
    status: "designated" as const,
    name: { zh: "高邮低空经济先导园", en: "Gaoyou Low-Altitude Pilot Park" },
    sources: [{ title: "关于认定未来产业先导园区的通知", date: "2026-03-30", docNumber: "扬府发〔2026〕12号" }],
  };
  const openPark = (lang: "zh" | "en", site = park) => {
    const data = { ...dataset, sites: [...dataset.sites, site] };
    return renderWithStore(
      <DetailPanels dataset={data} />,
      { dataset: data, view: { ...DEFAULT_VIEW, area: site.id, industry: null, lang } },
      lang,
    );
  };

  it("shows the designation date, from its source, and the document number (中文)", () => {
    openPark("zh");
    const panel = screen.getByRole("region", { name: "高邮低空经济先导园" });
    expect(panel).toHaveTextContent("认定日期2026-03-30扬府发〔2026〕12号");
    expect(within(panel).getByRole("list")).toHaveTextContent("关于认定未来产业先导园区的通知 (2026-03-30) · 文号:扬府发〔2026〕12号");
  });

  it("shows a designation date set apart from its source's, in English", () => {
    openPark("en", { ...park, designationDate: "2026-04-01" });
    const panel = screen.getByRole("region", { name: "Gaoyou Low-Altitude Pilot Park" });
    expect(panel).toHaveTextContent("Designation date2026-04-01");
    expect(panel).toHaveTextContent("document no. 扬府发〔2026〕12号");
  });
});
