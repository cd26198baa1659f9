import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import DetailPanels from "../../src/ui/panels/DetailPanels";
import { DEFAULT_VIEW } from "../../src/domain/view/viewState";
import { renderWithStore } from "./render";
import { shippedDataset } from "../unit/data/loadShipped";
import type { AppState } from "../../src/state/store";
import type { Dataset } from "../../src/domain/dataset/schema";

const dataset = shippedDataset();

function open(
  view: { area?: string | null; industry?: string | null },
  lang: "zh" | "en" = "zh",
  extra: Partial<AppState> = {},
  data: Dataset = dataset,
) {
  return renderWithStore(
    <DetailPanels dataset={data} />,
    { dataset: data, view: { ...DEFAULT_VIEW, area: null, industry: null, ...view, lang }, ...extra },
    lang,
  );
}

describe("AreaPanel", () => {
  it("shows what the policy lays out in the ETDZ, with sections and evidence verbatim", () => {
    open({ area: "etdz" });
    const panel = screen.getByRole("region", { name: "扬州经济技术开发区(经开区)" });
    expect(within(panel).getByRole("heading", { level: 2 })).toHaveTextContent("扬州经济技术开发区(经开区)");
    expect(panel).toHaveTextContent("Yangzhou Economic and Technological Development Zone");
    expect(within(panel).getByRole("button", { name: /元宇宙/ })).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: /零碳负碳/ })).toBeInTheDocument();
    expect(panel).toHaveTextContent("二(一)2");
    expect(panel).toHaveTextContent("二(一)3");
    expect(panel).toHaveTextContent("〔重点布局:扬州经开区、生态科技新城、仪征市、邗江区、广陵区〕");
    expect(panel).toHaveTextContent("〔重点布局:扬州经开区〕");
    expect(panel).toHaveTextContent("示意范围");
    expect(panel).toHaveTextContent("约 126 平方公里");
    expect(panel).toHaveTextContent("120–133");
    expect(panel).toHaveTextContent("321071");
    // the seven programmes and the lead departments, ending with 等
    expect(panel).toHaveTextContent("未来产业技术策源工程");
    expect(panel).toHaveTextContent("未来产业生态建设工程");
    expect(panel).toHaveTextContent(/市发改委、市科技局、市工信局.*等/);
  });

  it("speaks English in lang=en, data labels included", () => {
    open({ area: "etdz" }, "en");
    const panel = screen.getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" });
    expect(within(panel).getByRole("button", { name: /Metaverse/ })).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: /Zero\/negative carbon \(CCUS\)/ })).toBeInTheDocument();
    expect(panel).toHaveTextContent("schematic extent");
    expect(panel).toHaveTextContent("扬州经济技术开发区(经开区)"); // the other language, smaller
    expect(within(panel).getByRole("button", { name: "Close" })).toBeInTheDocument();
  });

  it("opens an industry from its button and closes with the close button", async () => {
    const { store } = open({ area: "etdz" });
    const panel = screen.getByRole("region", { name: "扬州经济技术开发区(经开区)" });
    await userEvent.click(within(panel).getByRole("button", { name: /元宇宙/ }));
    expect(store.getState().view.industry).toBe("metaverse");
    // both open: the industry panel sits above the area panel
    const regions = screen.getAllByRole("region");
    expect(regions.map((r) => r.getAttribute("aria-label"))).toEqual(["元宇宙", "扬州经济技术开发区(经开区)"]);
    await userEvent.click(within(screen.getByRole("region", { name: "扬州经济技术开发区(经开区)" })).getByRole("button", { name: "关闭" }));
    expect(store.getState().view.area).toBeNull();
    expect(store.getState().view.industry).toBe("metaverse");
  });

  it("says so when no industry is assigned, naming the citywide industries as citywide", () => {
    open({ area: "jiangdu" });
    const panel = screen.getByRole("region", { name: "江都区" });
    expect(panel).toHaveTextContent("政策未在此区域布局特定的未来产业");
    expect(panel).toHaveTextContent("10 个产业由政策在全市布局");
  });

  it("lists related sites as buttons that select them", async () => {
    const { store } = open({ area: "eco-tech-city" });
    const panel = screen.getByRole("region", { name: "扬州生态科技新城" });
    await userEvent.click(within(panel).getByRole("button", { name: "扬州航空谷(华东航空谷)" }));
    expect(store.getState().view.area).toBe("aviation-valley");
    expect(screen.getByRole("region", { name: "扬州航空谷(华东航空谷)" })).toBeInTheDocument();
  });

  it("shows the area's contact from the data, exactly as given", () => {
    const withContact: Dataset = {
      ...dataset,
      contacts: {
        areas: [
          {
            area: "gaoyou",
            name: { zh: "招商中心", en: "Investment Centre" },
            phone: "+86 514 0000 0000",
            email: "invest@example.org",
            url: "https://invest.example.org/",
          },
        ],
      },
    };
    open({ area: "gaoyou" }, "en", {}, withContact);
    const panel = screen.getByRole("region", { name: "Gaoyou City" });
    expect(panel).toHaveTextContent("Investment Centre");
    expect(panel).toHaveTextContent("+86 514 0000 0000");
    expect(within(panel).getByRole("link", { name: "invest@example.org" })).toHaveAttribute("href", "mailto:invest@example.org");
    const site = within(panel).getByRole("link", { name: "https://invest.example.org/" });
    expect(site).toHaveAttribute("rel", "noopener noreferrer");
    expect(panel).not.toHaveTextContent("No contact is configured");
  });

  it("shows the city's contact, saying so, for an area without its own", () => {
    const withCity: Dataset = {
      ...dataset,
      contacts: {
        city: { name: { zh: "扬州市投资促进中心", en: "Yangzhou Investment Promotion Centre" }, phone: "+86 514 1111 1111" },
        areas: [{ area: "etdz", phone: "+86 514 2222 2222" }],
      },
    };
    open({ area: "gaoyou" }, "zh", {}, withCity);
    const panel = screen.getByRole("region", { name: "高邮市" });
    expect(panel).toHaveTextContent("扬州市投资促进中心");
    expect(panel).toHaveTextContent("全市联系方式");
    expect(within(panel).getByRole("link", { name: "+86 514 1111 1111" })).toHaveAttribute("href", "tel:+8651411111111");
    expect(panel).not.toHaveTextContent("本站未配置联系方式");
  });

  it("says plainly that no contact is configured, inventing none", () => {
    open({ area: "gaoyou" });
    const panel = screen.getByRole("region", { name: "高邮市" });
    expect(panel).toHaveTextContent("本站未配置联系方式");
    expect(within(panel).queryByRole("link")).toBeNull();
  });

  it("renders names from data as text, never as markup", () => {
    const hostile = structuredClone(dataset);
    hostile.areas.find((a) => a.id === "etdz")!.name.zh = "<img src=x onerror=alert(1)>";
    hostile.industries.find((i) => i.id === "metaverse")!.name.zh = "<img src=y onerror=alert(2)>";
    open({ area: "etdz" }, "zh", {}, hostile);
    const panel = screen.getByRole("region", { name: "<img src=x onerror=alert(1)>" });
    expect(panel).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(panel).toHaveTextContent("<img src=y onerror=alert(2)>");
    expect(panel.querySelector("img")).toBeNull();
  });

  it("toggles the area into the comparison", async () => {
    const { store } = open({ area: "etdz" });
    const toggle = screen.getByRole("button", { name: "加入对比" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(toggle);
    expect(store.getState().compare).toEqual(["etdz"]);
    expect(screen.getByRole("button", { name: "已加入对比" })).toHaveAttribute("aria-pressed", "true");
  });
});

describe("IndustryPanel", () => {
  it("says a citywide industry is laid out citywide, names no area, and lists its site", async () => {
    const { store } = open({ industry: "hydrogen" });
    const panel = screen.getByRole("region", { name: "氢能" });
    expect(panel).toHaveTextContent("政策在全市布局此产业,未指定任何区域");
    expect(panel).toHaveTextContent("二(二)");
    expect(panel).toHaveTextContent("延伸发展氢能、前沿生物医药、新型光伏储能、前沿新材料等重点领域");
    const areaNames = dataset.areas.map((a) => a.name.zh);
    const buttons = within(panel)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "");
    expect(buttons.filter((b) => areaNames.includes(b))).toEqual([]);
    await userEvent.click(within(panel).getByRole("button", { name: "中集绿氢零碳装备产业园" }));
    expect(store.getState().view.area).toBe("cimc-green-hydrogen-park");
  });

  it("lists exactly the five areas of the metaverse as buttons that select them", async () => {
    const { store } = open({ industry: "metaverse" }, "en");
    const panel = screen.getByRole("region", { name: "Metaverse" });
    const areaNames = new Set(dataset.areas.map((a) => a.name.en));
    const areaButtons = within(panel)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "")
      .filter((name) => areaNames.has(name));
    expect(areaButtons).toEqual([
      "Guangling District",
      "Hanjiang District",
      "Yizheng City",
      "Yangzhou Economic and Technological Development Zone",
      "Yangzhou Eco-Tech New City",
    ]);
    expect(panel).toHaveTextContent("Key future industries");
    expect(panel).toHaveTextContent("Pancake");
    await userEvent.click(within(panel).getByRole("button", { name: "Yizheng City" }));
    expect(store.getState().view.area).toBe("yizheng");
    await userEvent.click(within(screen.getByRole("region", { name: "Metaverse" })).getByRole("button", { name: "Close" }));
    expect(store.getState().view.industry).toBeNull();
  });
});

describe("SitePanel", () => {
  it("shows a related site's facts and sources, linking only web URLs safely", async () => {
    const { store } = open({ area: "aviation-valley-design-centre" }, "en");
    const panel = screen.getByRole("region", { name: "Aviation Valley Design and R&D Centre" });
    expect(panel).toHaveTextContent("not an assignment of the policy");
    expect(panel).toHaveTextContent("Known to its town");
    expect(panel).toHaveTextContent("三(一)");
    const links = within(panel).getAllByRole("link");
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute("href", "http://www.yxhyhmq.cn/home/news/ndetail/newsid/13435");
    expect(links[0]).toHaveAttribute("rel", "noopener noreferrer");
    expect(links[0]).toHaveAttribute("target", "_blank");
    await userEvent.click(within(panel).getByRole("button", { name: "Yangzhou Eco-Tech New City" }));
    expect(store.getState().view.area).toBe("eco-tech-city");
  });

  it("says when a site's area and position are unknown", () => {
    open({ area: "aviation-lab" });
    const panel = screen.getByRole("region", { name: "航空科技扬州实验室" });
    expect(panel).toHaveTextContent("所在区域不详");
    expect(panel).toHaveTextContent("未在地图上标注");
  });

  it("gives a size in mu with its note", () => {
    open({ area: "gaoyou-general-airport" });
    const panel = screen.getByRole("region", { name: "高邮通用机场" });
    expect(panel).toHaveTextContent("572 亩");
    expect(panel).toHaveTextContent("跑道 1000 × 30 米");
  });
});

describe("ComparePanel", () => {
  it("has one column per compared area, and remove / clear buttons", async () => {
    const { store } = open({ area: "etdz" }, "en", { compare: ["etdz", "gaoyou", "guangling"] });
    const table = screen.getByRole("table", { name: "Compare areas" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers).toHaveLength(3);
    expect(headers.map((h) => h.textContent)).toEqual([
      expect.stringContaining("Yangzhou Economic and Technological Development Zone"),
      expect.stringContaining("Gaoyou City"),
      expect.stringContaining("Guangling District"),
    ]);
    const landRow = within(table).getByRole("row", { name: /Land area/ });
    expect(landRow).toHaveTextContent("≈126 km²");
    expect(landRow).toHaveTextContent("1963 km²");
    const programmes = within(table).getByRole("row", { name: /Key programmes/ });
    expect(
      within(programmes)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["7", "7", "7"]);
    await userEvent.click(screen.getByRole("button", { name: "Remove Gaoyou City from the comparison" }));
    expect(store.getState().compare).toEqual(["etdz", "guangling"]);
    expect(within(screen.getByRole("table", { name: "Compare areas" })).getAllByRole("columnheader")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "Clear comparison" }));
    expect(store.getState().compare).toEqual([]);
  });
});

describe("the panels keep the policy's structure (issue 14)", () => {
  const programmeItem = (panel: HTMLElement, name: string) => within(panel).getByText(name).closest("li")!;

  it("shows 三(一)'s 等 closing the three bureaus, the counties and zones apart, in Chinese", () => {
    open({ area: "gaoyou" });
    const item = programmeItem(screen.getByRole("region", { name: "高邮市" }), "未来产业技术策源工程");
    const lines = [...item.querySelectorAll("p")].map((p) => p.textContent);
    expect(lines).toEqual(["牵头部门: 市发改委、市科技局、市工信局等", "同为责任单位: 各县(市、区)人民政府、功能区管委会"]);
  });

  it("shows the same structure in English", () => {
    open({ area: "gaoyou" }, "en");
    const item = programmeItem(screen.getByRole("region", { name: "Gaoyou City" }), "Future-industry technology source programme");
    const lines = [...item.querySelectorAll("p")].map((p) => p.textContent);
    expect(lines).toEqual([
      "Lead departments: Municipal Development and Reform Commission; Municipal Science and Technology Bureau; Municipal Bureau of Industry and Information Technology; etc.",
      "Also responsible: The people's governments of every county, county-level city and district; The management committees of the functional zones",
    ]);
  });

  it("lists a programme's funding channels (三(五))", () => {
    open({ area: "gaoyou" });
    const item = programmeItem(screen.getByRole("region", { name: "高邮市" }), "未来产业要素支撑工程");
    expect(within(item).getByRole("heading", { name: "资金与金融支持" })).toBeInTheDocument();
    expect(
      within(item)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toContain("鼓励战略性新兴产业基金依法合规投资未来产业");
  });

  it("cites an extended field's two sentences, each with its own section", () => {
    open({ industry: "hydrogen" });
    const note = screen.getByRole("region", { name: "氢能" }).querySelector(".citywide")!;
    const pairs = [...note.querySelectorAll(".evidence")].map((e) => [e.textContent, e.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ["原文依据: 氢能、前沿生物医药、新型光伏储能和前沿新材料等领域", "政策条款 二(二)"],
      ["原文依据: 延伸发展氢能、前沿生物医药、新型光伏储能、前沿新材料等重点领域", "政策条款 二"],
    ]);
  });

  it("shows what an industry's paragraph stresses, in Chinese", () => {
    open({ industry: "low-altitude-economy" });
    const panel = screen.getByRole("region", { name: "低空经济" });
    const list = within(panel).getByRole("heading", { name: "政策要点" }).nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["以整机集成项目为核心", "夯实“材料链”和“配套链”", "以低空科创制造为核心、以低空检验测试为特色的产业体系"]);
  });

  it("shows the aims in English under an English heading", () => {
    open({ industry: "pv-storage" }, "en");
    const panel = screen.getByRole("region", { name: "New photovoltaics and energy storage" });
    const list = within(panel).getByRole("heading", { name: "What the policy stresses" }).nextElementSibling as HTMLElement;
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Raise battery energy density and safety"]);
  });
});

describe("the area panel's why-here line (issue 17 §5)", () => {
  it("says, per industry, which section lays it out here, alongside which areas, and the sites here carrying it, in Chinese", () => {
    open({ area: "eco-tech-city" });
    const panel = screen.getByRole("region", { name: /生态科技新城/ });
    const lines = [...panel.querySelectorAll(".why-here")].map((p) => p.textContent);
    expect(lines).toContain(
      "为何在此 依据 二(一)1,与邗江区、高邮市一同重点布局;区内相关站点:扬州航空谷(华东航空谷)、扬州航空谷设计研发中心。",
    );
    expect(lines.length).toBe(panel.querySelectorAll(".industry-button").length);
  });

  it("says when the policy lays an industry out in this area alone, in English, with no site it does not hold", () => {
    open({ area: "etdz" }, "en");
    const panel = screen.getByRole("region", { name: "Yangzhou Economic and Technological Development Zone" });
    const lines = [...panel.querySelectorAll(".why-here")].map((p) => p.textContent);
    expect(lines).toContain("Why here Laid out by section 二(一)3 here alone in the city.");
    expect(lines.join(" ")).not.toMatch(/related sites here/);
  });
});
