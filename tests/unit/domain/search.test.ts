import { describe, expect, it } from "vitest";
import { searchPlaces } from "../../../src/domain/search";
import { shippedDataset } from "../data/loadShipped";

const dataset = shippedDataset();

describe("search", () => {
  it("finds areas, industries and sites in both languages, prefix matches first", () => {
    expect(searchPlaces(dataset, "gaoyou").map((h) => h.id)).toEqual(["gaoyou", "gaoyou-general-airport"]);
    expect(searchPlaces(dataset, "元宇")[0]).toMatchObject({ type: "industry", id: "metaverse" });
    expect(searchPlaces(dataset, "经开区")[0]).toMatchObject({ type: "area", id: "etdz" });
    expect(searchPlaces(dataset, "  ")).toEqual([]);
    expect(searchPlaces(dataset, "atlantis")).toEqual([]);
  });
});

describe("search by pinyin (the keys the build ships)", () => {
  it("finds places by initials and full pinyin, and says by which text", () => {
    expect(searchPlaces(dataset, "dkjj")).toEqual([
      { type: "industry", id: "low-altitude-economy", name: dataset.industries[0]!.name, via: "低空经济" },
    ]);
    expect(searchPlaces(dataset, "jkq")[0]).toMatchObject({ type: "area", id: "etdz", via: "经开区" });
    expect(searchPlaces(dataset, "yzjkq")[0]).toMatchObject({ type: "area", id: "etdz", via: "扬州经开区" });
    expect(searchPlaces(dataset, "yyz")[0]).toMatchObject({ type: "industry", id: "metaverse", via: "元宇宙" });
    expect(searchPlaces(dataset, "GYS")[0]).toMatchObject({ type: "area", id: "gaoyou", via: "高邮市" });
    expect(searchPlaces(dataset, "jiangdu").map((h) => h.id)).toEqual(["jiangdu"]);
    expect(searchPlaces(dataset, "sgsxh")[0]).toMatchObject({ id: "shugang-slender-west-lake", via: "蜀冈-瘦西湖风景名胜区" });
  });

  it("accepts ü as v and as u", () => {
    expect(searchPlaces(dataset, "zhongjilvqing")[0]).toMatchObject({ id: "cimc-green-hydrogen-park", via: "中集绿氢零碳装备产业园" });
    expect(searchPlaces(dataset, "zhongjiluqing")[0]).toMatchObject({ id: "cimc-green-hydrogen-park" });
  });

  it("gives no reason when a name shows the query itself", () => {
    // "Gaoyou City" starts with it; 高邮市's pinyin does too, but the name says enough
    expect(searchPlaces(dataset, "gaoyou").every((h) => h.via === undefined)).toBe(true);
    expect(searchPlaces(dataset, "经开")[0]).not.toHaveProperty("via");
  });

  it("keeps prefix matches first, in data order: a pinyin prefix is a prefix", () => {
    // yangzhou…: prefix of the zones' and sites' pinyin, contained nowhere earlier
    const hits = searchPlaces(dataset, "yangzhou");
    const starting = hits.filter((h) => h.name.en.startsWith("Yangzhou") || h.via?.startsWith("扬州"));
    expect(hits.slice(0, starting.length)).toEqual(starting);
    // xihu is inside 蜀冈-瘦西湖's pinyin, not at its start: found, after any prefix match
    expect(searchPlaces(dataset, "xihu")).toEqual([
      expect.objectContaining({ id: "shugang-slender-west-lake", via: "蜀冈-瘦西湖风景名胜区" }),
    ]);
  });

  it("matches names only when the dataset has no keys, or keys that do not fit its places", () => {
    const { searchKeys, ...bare } = dataset;
    expect(searchPlaces(bare, "dkjj")).toEqual([]);
    expect(searchPlaces(bare, "gaoyou").map((h) => h.id)).toEqual(["gaoyou", "gaoyou-general-airport"]);
    const stale = { ...dataset, searchKeys: { ...searchKeys!, area: { ...searchKeys!.area, etdz: ["jingkaiqu jkq"] } } };
    expect(searchPlaces(stale, "jkq")).toEqual([]);
  });

  it("does not look for a query with spaces or punctuation in the keys", () => {
    expect(searchPlaces(dataset, "dk jj")).toEqual([]);
    expect(searchPlaces(dataset, "dk-jj")).toEqual([]);
  });
});
