import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  datasetSearchKeys,
  keysOfText,
  placeKeyGroups,
  searchSources,
  syllablesOf,
  withSearchKeys,
  type PinyinOf,
} from "../../../src/domain/searchKeys";
import { pinyinOverridesSchema } from "../../../src/domain/dataset/schema";
import { pinyinPro } from "../../../scripts/data/pinyin";
import { DATA_DIR, shippedDataset } from "../data/loadShipped";

const overrides = pinyinOverridesSchema.parse(JSON.parse(readFileSync(join(DATA_DIR, "pinyin-overrides.json"), "utf8")));

describe("search keys of a text", () => {
  it("are its full pinyin without tones or spaces and its initials", () => {
    expect(keysOfText("高邮市", pinyinPro)).toEqual(["gaoyoushi", "gys"]);
    expect(keysOfText("低空经济", pinyinPro)).toEqual(["dikongjingji", "dkjj"]);
    expect(keysOfText("经开区", pinyinPro)).toEqual(["jingkaiqu", "jkq"]);
  });

  it("drop punctuation and spaces", () => {
    expect(keysOfText("蜀冈-瘦西湖", pinyinPro)).toEqual(["shugangshouxihu", "sgsxh"]);
    expect(keysOfText("零碳负碳(碳捕集利用及封存)", pinyinPro)[1]).toBe("ltfttbjlyjfc");
    expect(keysOfText("扬州 · 高邮", pinyinPro)).toEqual(["yangzhougaoyou", "yzgy"]);
    expect(keysOfText("——", pinyinPro)).toEqual([]);
  });

  it("write ü as v and as u", () => {
    expect(keysOfText("绿氢", pinyinPro)).toEqual(["lvqing", "luqing", "lq"]);
    // whatever spelling the injected library uses: tone marks, ü, u:
    const marked: PinyinOf = (text) => [...text].map((c) => ({ 女: "nǚ", 绿: "lü", 律: "lu:", 师: "shī" })[c] ?? c);
    expect(keysOfText("女律师", marked)).toEqual(["nvlvshi", "nulushi", "nls"]);
    expect(keysOfText("绿", marked)).toEqual(["lv", "lu", "l"]);
  });

  it("keep digits and Latin words whole", () => {
    expect(keysOfText("合成县12", pinyinPro)).toEqual(["hechengxian12", "hcx12"]);
    expect(keysOfText("5G产业园", pinyinPro)).toEqual(["5gchanyeyuan", "5gcyy"]);
  });

  it("use only the injected reading (no library of its own)", () => {
    const fake: PinyinOf = (text) => [...text].map(() => "ba");
    expect(keysOfText("高邮市", fake)).toEqual(["bababa", "bbb"]);
    expect(syllablesOf("高邮", fake)).toEqual(["ba", "ba"]);
  });
});

describe("pinyin overrides (data/pinyin-overrides.json)", () => {
  it("give the local readings where the library's are wrong", () => {
    // the library alone reads 都 dōu and 圩 xū here
    expect(keysOfText("江都区", pinyinPro)[0]).toBe("jiangdouqu");
    expect(keysOfText("黄圩", pinyinPro)[0]).toBe("huangxu");
    expect(keysOfText("江都", pinyinPro, overrides)).toEqual(["jiangdu", "jd"]);
    expect(keysOfText("江都区", pinyinPro, overrides)).toEqual(["jiangduqu", "jdq"]);
    expect(keysOfText("黄圩", pinyinPro, overrides)).toEqual(["huangwei", "hw"]);
    expect(keysOfText("黄圩镇", pinyinPro, overrides)).toEqual(["huangweizhen", "hwz"]);
  });

  it("apply the longest text first and leave the rest to the library", () => {
    const table = { 都: "dou", 江都: "jiang du" };
    expect(syllablesOf("江都首都", pinyinPro, table)).toEqual(["jiang", "du", "shou", "dou"]);
  });

  it("may spell ü as ü or v", () => {
    expect(keysOfText("绿杨", pinyinPro, { 绿: "lü" })).toEqual(["lvyang", "luyang", "ly"]);
  });
});

describe("a place's key groups", () => {
  const etdz = { name: { zh: "扬州经济技术开发区(经开区)" }, shortName: { zh: "经开区" }, aliases: ["扬州经开区"] };

  it("follow its texts: name, short name, aliases, and the parts of a bracketed name", () => {
    expect(searchSources(etdz)).toEqual(["扬州经济技术开发区(经开区)", "扬州经济技术开发区", "经开区", "扬州经开区"]);
    const groups = placeKeyGroups(etdz, pinyinPro);
    expect(groups).toHaveLength(4);
    expect(groups[2]).toBe("jingkaiqu jkq");
    expect(groups[3]).toBe("yangzhoujingkaiqu yzjkq");
  });

  it("leave out keys another group already starts with", () => {
    const lake = { name: { zh: "蜀冈-瘦西湖风景名胜区" }, shortName: { zh: "蜀冈-瘦西湖" } };
    expect(placeKeyGroups(lake, pinyinPro)).toEqual(["shugangshouxihufengjingmingshengqu sgsxhfjmsq", ""]);
    expect(placeKeyGroups(etdz, pinyinPro)[1]).toBe("");
  });
});

describe("a dataset's search keys", () => {
  const dataset = shippedDataset();

  it("cover every area, industry and site, as the build ships them", () => {
    const keys = datasetSearchKeys(dataset, pinyinPro, overrides);
    expect(Object.keys(keys.area)).toEqual(dataset.areas.map((a) => a.id));
    expect(Object.keys(keys.industry)).toEqual(dataset.industries.map((i) => i.id));
    expect(Object.keys(keys.site)).toEqual(dataset.sites.map((s) => s.id));
    expect(keys.area.jiangdu).toEqual(["jiangduqu jdq"]);
    expect(keys.area.gaoyou).toEqual(["gaoyoushi gys"]);
    expect(keys.industry["low-altitude-economy"]).toEqual(["dikongjingji dkjj"]);
    expect(dataset.searchKeys).toEqual(keys);
  });

  it("are (re)computed in one call that keeps everything else", () => {
    const fake: PinyinOf = (text) => [...text].map(() => "a");
    const next = withSearchKeys(dataset, fake);
    expect(next.searchKeys?.area.gaoyou).toEqual(["aaa"]);
    expect(next.areas).toBe(dataset.areas);
  });

  it("are built without pinyin-pro in the browser: the key module imports no pinyin library", () => {
    const source = readFileSync(resolve(import.meta.dirname, "../../../src/domain/searchKeys.ts"), "utf8");
    expect(source).not.toMatch(/from\s+["']pinyin/);
  });
});
