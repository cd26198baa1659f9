import { describe, expect, it } from "vitest";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";
import { PLACE_KINDS, TIERS } from "../../../src/domain/dataset/schema";
import {
  contextOf,
  defaultUrlState,
  FIELD_RULES,
  industriesWithinTiers,
  ordered,
  PUSH_FIELDS,
  READ_ORDER,
  toggled,
  WRITE_ORDER,
  type FieldRule,
  type UrlState,
} from "../../../src/domain/view/viewFields";
import { defaultView, urlOfView, viewOfUrl } from "../../../src/domain/view/viewState";

const vocab = SMALL_VOCABULARY;
const ctx = contextOf(vocab, TIERS);

/** What a rule reports for one value, read from the URL and from an embed `set`. */
function reasons<K extends keyof UrlState>(key: K, url: string, embed: unknown = url) {
  const rule = FIELD_RULES[key] as FieldRule<K>;
  const fromUrl: string[] = [];
  const fromEmbed: string[] = [];
  rule.fromUrl(url, ctx, (_v, reason) => fromUrl.push(reason));
  rule.fromEmbed?.(embed, ctx, (_v, reason) => fromEmbed.push(reason));
  return { fromUrl, fromEmbed };
}

describe("the view table", () => {
  it("names the URL's parameters in the canonical order, and reads industries after the tiers they are checked against", () => {
    expect(WRITE_ORDER.map((k) => FIELD_RULES[k].param)).toEqual([
      "lang",
      "industries",
      "match",
      "tiers",
      "kinds",
      "area",
      "industry",
      "view",
      "embed",
      "map",
    ]);
    expect([...READ_ORDER].sort()).toEqual([...WRITE_ORDER].sort());
    expect(READ_ORDER.indexOf("industries")).toBeGreaterThan(READ_ORDER.indexOf("tiers"));
  });

  it("pushes history for the panels and the view switch only", () => {
    expect(PUSH_FIELDS).toEqual(["area", "industry", "view"]);
  });

  it("gives fresh defaults, each written as nothing", () => {
    const a = defaultUrlState();
    const b = defaultUrlState();
    expect(a).toEqual({
      lang: null,
      industries: [],
      match: "any",
      tiers: [...TIERS],
      kinds: [...PLACE_KINDS],
      area: null,
      industry: null,
      view: "map",
      embed: false,
      camera: null,
    });
    expect(a.tiers).not.toBe(b.tiers);
    for (const key of WRITE_ORDER) expect((FIELD_RULES[key] as FieldRule<typeof key>).toUrl(a[key] as never, vocab)).toBeNull();
  });

  it("has one message per rule, the same from the URL and from an embed set", () => {
    expect(reasons("lang", "fr")).toEqual({ fromUrl: ["must be zh or en"], fromEmbed: ["must be zh or en"] });
    expect(reasons("match", "some")).toEqual({ fromUrl: ["must be any or all"], fromEmbed: ["must be any or all"] });
    expect(reasons("view", "3d")).toEqual({ fromUrl: ["must be map or overlap"], fromEmbed: ["must be map or overlap"] });
    expect(reasons("tiers", "nope", ["nope"])).toEqual({ fromUrl: ["unknown tier"], fromEmbed: ["unknown tier"] });
    expect(reasons("kinds", "nope", ["nope"])).toEqual({ fromUrl: ["unknown kind of place"], fromEmbed: ["unknown kind of place"] });
    expect(reasons("industries", "warp", ["warp"])).toEqual({ fromUrl: ["unknown industry"], fromEmbed: ["unknown industry"] });
    expect(reasons("area", "atlantis")).toEqual({ fromUrl: ["unknown area or site"], fromEmbed: ["unknown area or site"] });
    expect(reasons("industry", "warp")).toEqual({ fromUrl: ["unknown industry"], fromEmbed: ["unknown industry"] });
    // The URL-only fields have no embed rule.
    expect(FIELD_RULES.embed.fromEmbed).toBeUndefined();
    expect(FIELD_RULES.camera.fromEmbed).toBeUndefined();
  });

  it("checks industries against the tiers in force, with the tier named", () => {
    const keyOnly = contextOf(vocab, ["key"]);
    const got: string[] = [];
    expect(FIELD_RULES.industries.fromUrl("hydrogen,ccus", keyOnly, (v, r) => got.push(`${String(v)}: ${r}`))).toEqual(["ccus"]);
    expect(got).toEqual(["hydrogen: its tier (extended) is not among the selected tiers"]);
  });

  it("writes lists in canonical order", () => {
    expect(FIELD_RULES.tiers.fromUrl("exploratory,key", ctx, () => {})).toEqual(["key", "exploratory"]);
    expect(FIELD_RULES.industries.toUrl(["ccus", "low-altitude-economy"], vocab)).toBe("low-altitude-economy,ccus");
  });
});

describe("the canonical order and the dropped-tier rule", () => {
  it("orders and toggles by the given order", () => {
    expect(ordered(["c", "a", "c"], ["a", "b", "c"])).toEqual(["a", "c"]);
    expect(toggled(["c"], "a", ["a", "b", "c"])).toEqual(["a", "c"]);
    expect(toggled(["a", "c"], "a", ["a", "b", "c"])).toEqual(["c"]);
  });

  it("keeps only the industries of the tiers in use", () => {
    expect(industriesWithinTiers(["metaverse", "hydrogen", "ccus"], ["key"], vocab)).toEqual(["metaverse", "ccus"]);
    expect(industriesWithinTiers(["metaverse", "hydrogen"], ["extended"], vocab)).toEqual(["hydrogen"]);
  });
});

describe("the app's view and the public form", () => {
  it("round-trips, the camera apart and the pane named view", () => {
    const url: UrlState = { ...defaultUrlState(), lang: "en", view: "overlap", area: "etdz", camera: { zoom: 9, lat: 32, lng: 119 } };
    const { view, camera } = viewOfUrl(url, "zh");
    expect(view).toEqual({ ...defaultView("en"), pane: "overlap", area: "etdz" });
    expect(camera).toEqual({ zoom: 9, lat: 32, lng: 119 });
    expect(urlOfView(view, camera)).toEqual(url);
    expect(viewOfUrl(defaultUrlState(), "en").view.lang).toBe("en");
  });
});
