import { parseCsv } from "../../support/parseCsv";
import { describe, expect, it } from "vitest";
import { csvCell, matchingListsCsv, matchingListsRows, toCsv, type ListFilter } from "../../../src/domain/export/csv";
import { shippedDataset } from "../data/loadShipped";
import { DEFAULT_URL_STATE } from "../../../src/domain/url/urlState";

const dataset = shippedDataset();
const ALL: ListFilter = { kinds: DEFAULT_URL_STATE.kinds, industries: [], match: "any", tiers: DEFAULT_URL_STATE.tiers };

/** A strict RFC 4180 reader, so the tests read the CSV back the way a spreadsheet would. */

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends every row with CRLF", () => {
    const csv = toCsv([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("a,b\r\nc,d\r\n");
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("quotes cells with quotes, commas and line breaks, doubling inner quotes (RFC 4180)", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell("plain")).toBe("plain");
    const rows = [
      ["x,y", 'q"q', "multi\r\nline"],
      ["", " space ", "end"],
    ];
    expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("+86 514")).toBe("'+86 514");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tTAB")).toBe("'\tTAB");
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // not at the start: left alone
    expect(csvCell("a=b-c")).toBe("a=b-c");
    expect(parseCsv(toCsv([["=1+1", "-1"]]).slice(1))).toEqual([["'=1+1", "'-1"]]);
  });

  it("keeps Chinese text intact", () => {
    const csv = toCsv([["扬州经济技术开发区", "市政府关于加快培育发展未来产业的指导意见"]]);
    expect(csv).toContain("扬州经济技术开发区,市政府关于加快培育发展未来产业的指导意见\r\n");
  });
});

describe("matchingListsCsv", () => {
  it("lists every area, then every site, without a filter, with both names, industries and sections", () => {
    const rows = parseCsv(matchingListsCsv(dataset, ALL, "zh").slice(1));
    expect(rows[0]).toEqual(["类型", "编号", "名称", "英文名称", "产业", "政策条款"]);
    const ids = rows.slice(1).map((r) => r[1]);
    expect(ids).toEqual([...dataset.areas.map((a) => a.id), ...dataset.sites.map((s) => s.id)]);
    const etdz = rows.find((r) => r[1] === "etdz")!;
    const area = dataset.areas.find((a) => a.id === "etdz")!;
    const name = (id: string) => dataset.industries.find((i) => i.id === id)!.name.zh;
    expect(etdz).toEqual(["功能区", "etdz", area.name.zh, area.name.en, `${name("metaverse")}; ${name("ccus")}`, "二(一)2; 二(一)3"]);
    expect(etdz[2]).toMatch(/^扬州经济技术开发区/);
    expect(etdz[4]!.split("; ")).toHaveLength(2);
  });

  it("follows the industry filter: industries=ccus gives only the ETDZ, and no site", () => {
    const rows = matchingListsRows(dataset, { ...ALL, industries: ["ccus"] }, "en");
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ["functional zone", "etdz", expect.stringMatching(/^Yangzhou Economic/)],
    ]);
    expect(rows[1]![3]).toMatch(/^扬州经济技术开发区/);
  });

  it("follows kinds, match=all and tiers as the lists on the page do", () => {
    const countiesOnly = matchingListsRows(dataset, { ...ALL, kinds: ["county"] }, "en").slice(1);
    expect(countiesOnly).toHaveLength(dataset.areas.filter((a) => a.kind === "county").length);
    const both = matchingListsRows(dataset, { ...ALL, industries: ["low-altitude-economy", "metaverse"], match: "all" }, "en");
    expect(both.slice(1).map((r) => r[1])).toEqual(
      dataset.areas.filter((a) => a.id === "hanjiang" || a.id === "eco-tech-city").map((a) => a.id),
    );
    // without the key tier, key industries are neither named nor cited
    const noKey = matchingListsRows(dataset, { ...ALL, tiers: ["extended", "exploratory"] }, "en");
    const etdz = noKey.find((r) => r[1] === "etdz")!;
    expect(etdz[4]).toBe("");
    expect(etdz[5]).toBe("");
  });

  it("guards a hostile name in the export", () => {
    const hostile = structuredClone(dataset);
    hostile.areas[0]!.name.zh = '=HYPERLINK("x")';
    const rows = parseCsv(matchingListsCsv(hostile, ALL, "zh").slice(1));
    expect(rows[1]![2]).toBe('\'=HYPERLINK("x")');
  });
});
