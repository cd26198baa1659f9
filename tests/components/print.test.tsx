import { afterEach, describe, expect, it, vi } from "vitest";
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
    // No map in these pages: the store assumes WebGL until the map's host finds out, so say so.
    { dataset: data, view: { ...DEFAULT_VIEW, area: null, industry: null, ...view, lang }, webgl: false, ...extra },
    lang,
  );
}

/** The print view (hidden on screen, a child of <body>) once its chunk has loaded. */
async function profile(target: string): Promise<HTMLElement> {
  await vi.waitFor(() => expect(document.querySelector(`.print-profile[data-print-target="${target}"]`)).not.toBeNull(), { timeout: 5000 });
  return document.querySelector<HTMLElement>(".print-profile")!;
}

afterEach(() => vi.restoreAllMocks());

describe("the printed profile", () => {
  it("is in the page, hidden on screen, while an area's panel is open, with everything an investor carries", async () => {
    open({ area: "etdz" });
    const page = await profile("etdz");
    expect(page).not.toBeVisible();
    expect(page.parentElement).toBe(document.body);
    const view = within(page);
    // the names in both languages
    expect(view.getByRole("heading", { level: 1, hidden: true })).toHaveTextContent("扬州经济技术开发区(经开区)");
    expect(page).toHaveTextContent("Yangzhou Economic and Technological Development Zone");
    // the industries with their section and evidence, sub-directions and products
    expect(view.getByRole("heading", { level: 3, name: /元宇宙/, hidden: true })).toHaveTextContent("二(一)2");
    expect(page).toHaveTextContent("〔重点布局:扬州经开区、生态科技新城、仪征市、邗江区、广陵区〕");
    expect(page).toHaveTextContent("〔重点布局:扬州经开区〕");
    expect(page).toHaveTextContent("细分方向");
    expect(page).toHaveTextContent("Micro-LED");
    expect(page).toHaveTextContent("碳捕集");
    // the land area and the schematic note of a zone
    expect(page).toHaveTextContent("约 126 平方公里");
    expect(page).toHaveTextContent("示意范围");
    // the programmes with their lead departments, and the support measures
    expect(page).toHaveTextContent("未来产业技术策源工程");
    expect(page).toHaveTextContent(/牵头部门: ?市发改委、市科技局、市工信局.*等/);
    expect(page).toHaveTextContent("保障措施");
    expect(page).toHaveTextContent("加大政策支持");
    // the contact (none configured: said so), the sources, the data's date and the notice
    expect(page).toHaveTextContent("本站未配置联系方式");
    expect(page).toHaveTextContent("扬州市人民政府");
    expect(page).toHaveTextContent("数据截至 2026-11-28");
    expect(page).toHaveTextContent("示意图,仅供参考");
    // the live view's link and its QR code
    expect(page).toHaveTextContent(window.location.href);
    await vi.waitFor(
      () => expect(view.getByRole("img", { name: "在线视图的二维码", hidden: true }).getAttribute("src")).toMatch(/^data:image\/gif/),
      { timeout: 5000 },
    );
    // no map in this page (no WebGL here): the profile says so instead of printing a blank
    expect(page).toHaveTextContent("此设备未显示地图");
    // and no control in it
    expect(view.queryAllByRole("button", { hidden: true })).toEqual([]);
  });

  it("prints the area's contact from the data and the 审图号 where the site has them, in English", async () => {
    const withContact: Dataset = {
      ...dataset,
      contacts: { areas: [{ area: "gaoyou", name: { zh: "招商中心", en: "Investment Centre" }, phone: "+86 514 0000 0000" }] },
    };
    open({ area: "gaoyou" }, "en", { config: { reviewNumber: { zh: "苏S(2026)001号", en: "Su S(2026)001" } } }, withContact);
    const page = await profile("gaoyou");
    expect(within(page).getByRole("heading", { level: 1, hidden: true })).toHaveTextContent("Gaoyou City");
    expect(page).toHaveTextContent("高邮市");
    expect(page).toHaveTextContent("Area profile");
    expect(page).toHaveTextContent("Investment Centre");
    expect(page).toHaveTextContent("+86 514 0000 0000");
    expect(page).toHaveTextContent("Map review no. Su S(2026)001");
    expect(page).not.toHaveTextContent("Schematic map for reference only");
    // the related sites with their standing
    expect(page).toHaveTextContent("Gaoyou General Aviation Airport (Related site)");
  });

  it("prints an industry's profile: where it is laid out, with the policy's words", async () => {
    open({ industry: "metaverse" }, "en");
    const page = await profile("metaverse");
    expect(within(page).getByRole("heading", { level: 1, hidden: true })).toHaveTextContent("Metaverse");
    expect(page).toHaveTextContent("元宇宙");
    expect(page).toHaveTextContent("Industry profile");
    expect(page).toHaveTextContent(/Guangling District.*Hanjiang District.*Yizheng City/);
    expect(page).toHaveTextContent("〔重点布局:扬州经开区、生态科技新城、仪征市、邗江区、广陵区〕");
    expect(page).toHaveTextContent("Lead departments");
  });

  it("prints from the panel's button the profile of that panel, an area's or an industry's", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    open({ area: "etdz", industry: "ccus" });
    // with both open, the area's profile is the one Ctrl+P prints
    await profile("etdz");
    const industry = screen.getByRole("region", { name: /零碳负碳/ });
    await userEvent.click(within(industry).getByRole("button", { name: "打印简介" }));
    await profile("ccus");
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const area = screen.getByRole("region", { name: "扬州经济技术开发区(经开区)" });
    await userEvent.click(within(area).getByRole("button", { name: "打印简介" }));
    await profile("etdz");
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(2));
  });

  it("waits for a map still on its way (a panel opened from the address), and prints once it is there", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const { store } = open({ area: "etdz" }, "zh", { webgl: true, mapReady: false });
    const page = await profile("etdz");
    expect(page).toHaveTextContent("地图图片正在生成");
    await userEvent.click(screen.getByRole("button", { name: "打印简介" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(print).not.toHaveBeenCalled();
    expect(page).toHaveTextContent("地图图片正在生成");
    // The map arrives; with no map element in this page there is no picture to frame.
    store.setState({ mapReady: true });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(page).toHaveTextContent("此设备未显示地图");
  });

  it("is not in the page while no panel is open", async () => {
    open({});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector(".print-profile")).toBeNull();
  });
});
