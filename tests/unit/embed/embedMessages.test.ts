import { describe, expect, it } from "vitest";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";
import {
  applyPatch,
  isKnownMessage,
  stateMessage,
  validateSet,
  viewFieldsChanged,
  type ViewFields,
} from "../../../src/domain/embed/embedMessages";
import { DEFAULT_URL_STATE } from "../../../src/domain/url/urlState";

const vocab = SMALL_VOCABULARY;

const view: ViewFields = {
  lang: "zh",
  industries: [],
  match: "any",
  tiers: [...DEFAULT_URL_STATE.tiers],
  kinds: [...DEFAULT_URL_STATE.kinds],
  area: null,
  industry: null,
  view: "map",
};

const set = (fields: Record<string, unknown>) => ({ type: "industry-map:set", ...fields });

describe("isKnownMessage", () => {
  it("accepts only plain objects with an industry-map: type", () => {
    expect(isKnownMessage({ type: "industry-map:set" })).toBe(true);
    expect(isKnownMessage({ type: "industry-map:whatever", x: 1 })).toBe(true);
    expect(isKnownMessage(Object.assign(Object.create(null) as object, { type: "industry-map:set" }))).toBe(true);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "x"],
    ["a string that looks like a type", "industry-map:set"],
    ["an array", []],
    ["an array with a type", Object.assign([], { type: "industry-map:set" })],
    ["a numeric type", { type: 1 }],
    ["another prefix", { type: "other:set" }],
    ["no type", { industries: ["metaverse"] }],
    ["a class instance", new (class { type = "industry-map:set"; })()],
    ["a date", new Date()],
  ])("rejects %s", (_name, data) => {
    expect(isKnownMessage(data)).toBe(false);
  });

  it("never throws, even on a getter that does, or a hostile proxy", () => {
    const trap = {
      get type(): string {
        throw new Error("boom");
      },
    };
    const proxy = new Proxy({}, {
      getPrototypeOf() {
        throw new Error("boom");
      },
    });
    expect(() => isKnownMessage(trap)).not.toThrow();
    expect(isKnownMessage(trap)).toBe(false);
    expect(isKnownMessage(proxy)).toBe(false);
  });
});

describe("validateSet", () => {
  it("takes every valid field", () => {
    const { patch, ignored } = validateSet(
      set({
        lang: "en",
        industries: ["ccus", "metaverse"],
        match: "all",
        tiers: ["extended", "key"],
        kinds: ["zone", "county"],
        area: "etdz",
        industry: "ccus",
        view: "overlap",
      }),
      vocab,
    );
    expect(ignored).toEqual([]);
    expect(patch).toEqual({
      lang: "en",
      industries: ["metaverse", "ccus"], // data order, as in the URL
      match: "all",
      tiers: ["key", "extended"],
      kinds: ["county", "zone"],
      area: "etdz",
      industry: "ccus",
      view: "overlap",
    });
  });

  it("accepts a site as the area, and null to close panels", () => {
    expect(validateSet(set({ area: "aviation-valley" }), vocab).patch).toEqual({ area: "aviation-valley" });
    expect(validateSet(set({ area: null, industry: null }), vocab)).toEqual({ patch: { area: null, industry: null }, ignored: [] });
  });

  it("clears the filter with an empty list", () => {
    expect(validateSet(set({ industries: [] }), vocab)).toEqual({ patch: { industries: [] }, ignored: [] });
  });

  it("applies the valid ids and reports the unknown ones", () => {
    const { patch, ignored } = validateSet(set({ industries: ["metaverse", "no-such-thing"], area: "atlantis" }), vocab);
    expect(patch).toEqual({ industries: ["metaverse"] });
    expect(ignored).toEqual([
      { field: "industries", value: "no-such-thing", reason: "unknown industry" },
      { field: "area", value: "atlantis", reason: "unknown area or site" },
    ]);
  });

  it("says a value of the wrong type is of the wrong type, not an unknown id", () => {
    const { patch, ignored } = validateSet(set({ industries: ["metaverse", 42], area: 7, industry: false }), vocab);
    expect(patch).toEqual({ industries: ["metaverse"] });
    expect(ignored.map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: "industries", reason: "must be an id (a string)" },
      { field: "area", reason: "must be an area or site id, or null" },
      { field: "industry", reason: "must be an industry id, or null" },
    ]);
  });

  it("reports industries outside the tiers in use (the message's, else the current ones)", () => {
    const own = validateSet(set({ tiers: ["key"], industries: ["hydrogen", "ccus"] }), vocab);
    expect(own.patch).toEqual({ tiers: ["key"], industries: ["ccus"] });
    expect(own.ignored).toEqual([{ field: "industries", value: "hydrogen", reason: "its tier (extended) is not among the selected tiers" }]);
    const current = validateSet(set({ industries: ["humanoid-robots"] }), vocab, { tiers: ["key", "extended"] });
    expect(current.patch).toEqual({ industries: [] });
    expect(current.ignored).toHaveLength(1);
  });

  it("reports a list that is not an array, and does not touch the field", () => {
    const { patch, ignored } = validateSet(set({ industries: "metaverse" }), vocab);
    expect(patch).toEqual({});
    expect(ignored).toEqual([{ field: "industries", value: "metaverse", reason: "must be an array of ids" }]);
  });

  it.each([
    ["lang", "fr"],
    ["lang", null],
    ["match", "some"],
    ["view", "table"],
    ["area", 5],
    ["area", ["etdz"]],
    ["industry", { id: "ccus" }],
    ["tiers", "key"],
    ["kinds", null],
  ])("ignores and reports %s = %j", (field, value) => {
    const { patch, ignored } = validateSet(set({ [field]: value }), vocab);
    expect(patch).toEqual({});
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.field).toBe(field);
    expect(typeof ignored[0]!.value).toBe("string");
  });

  it("reports non-string items and unknown fields, keeping the rest", () => {
    const { patch, ignored } = validateSet(set({ tiers: ["key", 3, "nope"], camera: { zoom: 3 }, embed: true }), vocab);
    expect(patch).toEqual({ tiers: ["key"] });
    expect(ignored.map((i) => `${i.field}=${i.value}`)).toEqual(["camera={\"zoom\":3}", "embed=true", "tiers=3", "tiers=nope"]);
  });

  it.each([null, 42, "x", [], { type: 1 }, { type: "industry-map:state" }])("treats %j as no set at all", (message) => {
    const { patch, ignored } = validateSet(message, vocab);
    expect(patch).toEqual({});
    expect(ignored).toHaveLength(1);
  });

  it("never throws on values JSON cannot show", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => validateSet(set({ area: cyclic, industry: 10n }), vocab)).not.toThrow();
  });
});

describe("applyPatch", () => {
  it("drops industries whose tier leaves with a tiers-only patch", () => {
    const next = applyPatch({ ...view, industries: ["metaverse", "hydrogen"] }, { tiers: ["extended"] }, vocab);
    expect(next.industries).toEqual(["hydrogen"]);
    expect(next.tiers).toEqual(["extended"]);
  });

  it("keeps the fields the patch does not name", () => {
    const next = applyPatch({ ...view, area: "etdz", lang: "en" }, { industries: ["ccus"] }, vocab);
    expect(next).toEqual({ ...view, area: "etdz", lang: "en", industries: ["ccus"] });
  });
});

describe("stateMessage", () => {
  it("carries exactly the contract's fields, unset selections null", () => {
    const withCamera = { ...view, embed: true, camera: { zoom: 9, lat: 32, lng: 119 }, area: undefined as unknown as null };
    expect(stateMessage(withCamera)).toEqual({
      type: "industry-map:state",
      lang: "zh",
      industries: [],
      match: "any",
      tiers: ["key", "extended", "exploratory"],
      kinds: ["county", "zone", "site"],
      area: null,
      industry: null,
      view: "map",
    });
    expect(() => structuredClone(stateMessage(view))).not.toThrow();
  });

  it("changes only with the state fields, not with the camera", () => {
    const a = { ...view, camera: { zoom: 9, lat: 32, lng: 119 } };
    const b = { ...a, camera: { zoom: 10, lat: 32, lng: 119 } };
    expect(viewFieldsChanged(a, b)).toBe(false);
    expect(viewFieldsChanged(a, { ...a, industries: ["ccus"] })).toBe(true);
    expect(viewFieldsChanged(a, { ...a, tiers: [...a.tiers] })).toBe(false);
    expect(viewFieldsChanged(a, { ...a, area: "etdz" })).toBe(true);
  });
});
