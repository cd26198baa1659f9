import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { addMessages, createI18n } from "../../../src/i18n/i18n";
import * as workbenchImport from "../../../src/i18n/workbenchImportMessages";
import { siteSchema } from "../../../src/domain/dataset/schema";
import { toWgs84 } from "../../../src/domain/workbench/coordinates";
import { rowProblemText, messageText } from "../../../src/domain/workbench/messageText";
import type { Translate } from "../../../src/domain/workbench/messages";
import { SHEET_FIELDS, normaliseHeader, templateHeader, templateRows } from "../../../src/domain/workbench/sheetFields";
import {
  mappingProblems,
  normaliseDate,
  proposeMapping,
  rememberMapping,
  sheetToSites,
  type Cell,
} from "../../../src/domain/workbench/sheetImport";
import { readSheet, writeTemplate } from "../../../src/domain/workbench/xlsxFile";
import { readingOf } from "../../../src/domain/workbench/siteId";
import { pinyinPro } from "../../../src/domain/pinyinPro";
import { shippedDataset } from "../data/loadShipped";

const dataset = shippedDataset();

const HEADER = ["名称(中文)", "名称(英文)", "状态", "产业", "经度", "纬度", "位置说明(中文)", "来源标题", "来源日期", "文号"];
const ROWS: Cell[][] = [
  HEADER,
  [
    "高邮低空经济先导园",
    "Gaoyou Low-Altitude Pilot Park",
    "已认定先导园区",
    "低空经济",
    119.4589,
    32.7813,
    "高邮市区",
    "关于认定先导园区的通知",
    "2025-06-30",
    "扬府发〔2025〕12号",
  ],
  ["仪征氢能园", "", "候选", "氢能", 119.19, 32.28, "仪征经济开发区", "报道", "2025-05-01", ""],
  ["坏经度", "Bad longitude", "相关站点", "低空经济", "东经119度", 32.5, "某处", "报道", "", ""],
  ["邗江元宇宙园", "Hanjiang Metaverse Park", "related-site", "metaverse, 元宇宙", 119.36, 32.42, "邗江", "报道", "", ""],
  ["坏产业", "Bad industry", "候选", "量子", 119.4, 32.4, "某处", "报道", "", ""],
];

/** A real XLSX file, made with the same library the workbench reads it with. */
function xlsxOf(rows: Cell[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Sheet1");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

function translator(lng: "zh" | "en"): Translate {
  const i18n = createI18n(lng);
  addMessages(i18n, workbenchImport);
  return (key, params) => i18n.t(`workbenchImport:${key}`, { ...params });
}

describe("a spreadsheet of sites", () => {
  it("of 5 rows with 2 bad ones gives 3 sites and the 2 bad rows by row and column, in both languages", () => {
    const rows = readSheet(xlsxOf(ROWS));
    const mapping = proposeMapping(rows[0]!);
    expect(mappingProblems(mapping)).toEqual([]);
    const result = sheetToSites({ rows, mapping, crs: "GCJ02", dataset });
    expect(result.sites.map((s) => s.id)).toEqual(["gaoyou-low-altitude-pilot-park", "site", "hanjiang-metaverse-park"]);
    expect(result.siteRows).toEqual([2, 3, 5]);
    expect(result.errors.map((e) => [e.row, e.column, e.field, e.message.key])).toEqual([
      [4, 4, "longitude", "notANumber"],
      [6, 3, "industries", "unknownIndustry"],
    ]);
    expect(result.errors.map((e) => rowProblemText(e, "zh", translator("zh")))).toEqual([
      "第 4 行 · 经度:不是数字",
      "第 6 行 · 产业:没有名为“量子”的产业",
    ]);
    expect(result.errors.map((e) => rowProblemText(e, "en", translator("en")))).toEqual([
      "row 4 · Longitude: not a number",
      "row 6 · Industries: no industry is called “量子”",
    ]);
    for (const site of result.sites) expect(siteSchema.safeParse(site).success).toBe(true);
  });

  it("makes each valid row a site as the data writes it: WGS84 position, area by point-in-polygon, industries by name", () => {
    const { sites, warnings } = sheetToSites({ rows: ROWS, mapping: proposeMapping(ROWS[0]!), crs: "GCJ02", dataset });
    const park = sites[0]!;
    expect(park).toMatchObject({
      status: "designated",
      area: "gaoyou",
      industries: ["low-altitude-economy"],
      sources: [{ title: "关于认定先导园区的通知", date: "2025-06-30", docNumber: "扬府发〔2025〕12号" }],
      confidence: "medium",
    });
    const expected = toWgs84([119.4589, 32.7813], "GCJ02");
    expect(park.position).toEqual({ precision: "exact", coordinates: [expect.closeTo(expected[0], 6), expect.closeTo(expected[1], 6)] });
    expect(sites[2]!.industries).toEqual(["metaverse"]);
    expect(sites[2]!.area).toBe("hanjiang");
    // an empty English name (or location) is a warning, and the Chinese stands in
    expect(sites[1]!.name).toEqual({ zh: "仪征氢能园", en: "仪征氢能园" });
    expect(warnings.map((w) => [w.row, w.field, w.message.key])).toEqual([
      [2, "locationEn", "englishMissing"],
      [3, "nameEn", "englishMissing"],
      [3, "locationEn", "englishMissing"],
      [5, "locationEn", "englishMissing"],
    ]);
  });

  it("uses the id made from pinyin when one is given, unique against the rows before", () => {
    const rows: Cell[][] = [HEADER, ROWS[2]!, ROWS[2]!];
    const toPinyin = (zh: string) => (zh === "仪征氢能园" ? "yí zhēng qīng néng yuán" : zh);
    const { sites } = sheetToSites({ rows, mapping: proposeMapping(HEADER), crs: "WGS84", dataset, toPinyin });
    expect(sites.map((s) => s.id)).toEqual(["yi-zheng-qing-neng-yuan", "yi-zheng-qing-neng-yuan-2"]);
  });

  it("makes the id of a row with only a Chinese name from the pinyin adapter the dialog loads", () => {
    const rows: Cell[][] = [HEADER, ROWS[2]!];
    const { sites } = sheetToSites({ rows, mapping: proposeMapping(HEADER), crs: "WGS84", dataset, toPinyin: readingOf(pinyinPro) });
    expect(sites.map((s) => s.id)).toEqual(["yi-zheng-qing-neng-yuan"]);
    expect(readingOf(null)).toBeUndefined();
  });

  it("refuses a designated park without a proving source, and positions outside the dataset", () => {
    const rows: Cell[][] = [
      HEADER,
      ["园A", "Park A", "已认定先导园区", "", 119.4, 32.4, "某处", "报道", "2025-06-30", ""],
      ["园B", "Park B", "候选", "", 121.47, 31.23, "上海", "报道", "", ""],
      ["园C", "Park C", "候选", "", 119.4, "", "某处", "报道", "2025-13-01", ""],
      // every problem of a row is listed at once, not one per attempt
      ["园D", "Park D", "候选", "量子", 121.47, 31.23, "某处", "报道", "", ""],
    ];
    const { sites, errors } = sheetToSites({ rows, mapping: proposeMapping(HEADER), crs: "WGS84", dataset });
    expect(sites).toEqual([]);
    expect(errors.map((e) => [e.row, e.field, e.message.key])).toEqual([
      [2, "sourceUrl", "designationNeedsSource"],
      [3, "longitude", "outsideBounds"],
      [3, "latitude", "outsideBounds"],
      [4, "latitude", "required"],
      [4, "sourceDate", "notADate"],
      [5, "industries", "unknownIndustry"],
      [5, "longitude", "outsideBounds"],
      [5, "latitude", "outsideBounds"],
    ]);
  });

  it("remembers a mapping by header text, and says what a mapping lacks", () => {
    const headers = ["站点名称", "Lon", "Lat", "备注"];
    expect(proposeMapping(headers)).toEqual([null, null, null, null]);
    const chosen = ["nameZh", "longitude", "latitude", null] as const;
    const remembered = rememberMapping(headers, [...chosen]);
    expect(remembered).toEqual({ 站点名称: "nameZh", lon: "longitude", lat: "latitude", 备注: null });
    // the same headers, written a little differently, in another file and order
    expect(proposeMapping(["LAT", " lon ", "站点名称"], remembered)).toEqual(["latitude", "longitude", "nameZh"]);
    expect(mappingProblems([...chosen]).map((p) => p.params?.field)).toEqual(["status", "locationZh", "sourceTitle"]);
    expect(mappingProblems(["nameZh", "nameZh"])[0]).toEqual({ key: "duplicateColumn", params: { field: "nameZh" } });
    expect(messageText({ key: "unmappedRequired", params: { field: "status" } }, "zh", translator("zh"))).toBe(
      "必填列“状态”尚未对应到表格中的列",
    );
  });

  it("has a bilingual template whose headers map to every field", () => {
    const [headers] = templateRows();
    expect(headers).toContain("名称(中文) / Name (Chinese)");
    expect(headers).toContain("文号 / Document number");
    expect(proposeMapping(headers!)).toEqual([...SHEET_FIELDS]);
    const back = readSheet(writeTemplate());
    expect(back[0]).toEqual(headers);
    expect(back.length).toBe(1);
    expect(normaliseHeader("名称(中文)")).toBe(normaliseHeader(templateHeader("nameZh").split(" / ")[0]!));
  });

  it("reads CSV as UTF-8 or as GB 18030, and dates as YYYY-MM-DD", () => {
    const csv = "名称(中文),来源日期\n高邮园,2025/6/30\n";
    expect(readSheet(new TextEncoder().encode("\ufeff" + csv))).toEqual([
      ["名称(中文)", "来源日期"],
      ["高邮园", "2025/6/30"],
    ]);
    // "高邮" in GB 18030
    expect(readSheet(new Uint8Array([0xb8, 0xdf, 0xd3, 0xca, 0x2c, 0x31]))).toEqual([["高邮", "1"]]);
    const dated = XLSX.utils.aoa_to_sheet([["来源日期"], [new Date(Date.UTC(2025, 5, 30))]], { cellDates: false });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, dated, "S");
    expect(readSheet(new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer))[1]).toEqual(["2025-06-30"]);
    expect(["2025年6月30日", "2025.6.30", "2025-02-30"].map(normaliseDate)).toEqual(["2025-06-30", "2025-06-30", null]);
  });
});
