import { describe, expect, it } from "vitest";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";
import {
  answerSet,
  applyPatch,
  CONTRACT_VERSION,
  isKnownMessage,
  MAX_ID_LENGTH,
  stateMessage,
  validateGet,
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
    [
      "a class instance",
      new (class {
        type = "industry-map:set";
      })(),
    ],
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
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("boom");
        },
      },
    );
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
    expect(own.ignored).toEqual([
      { field: "industries", value: "hydrogen", reason: "its tier (extended) is not among the selected tiers" },
    ]);
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
    expect(ignored.map((i) => `${i.field}=${i.value}`)).toEqual(['camera={"zoom":3}', "embed=true", "tiers=3", "tiers=nope"]);
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

describe("the contract's version", () => {
  it("is 1", () => {
    expect(CONTRACT_VERSION).toBe(1);
  });
});

describe("a set's id", () => {
  it("is taken when a string of at most 64 characters, and is not part of the patch", () => {
    expect(validateSet(set({ id: "a-1", area: "etdz" }), vocab)).toEqual({ patch: { area: "etdz" }, ignored: [], id: "a-1" });
    expect(validateSet(set({ id: "x".repeat(MAX_ID_LENGTH) }), vocab).id).toBe("x".repeat(64));
    expect(validateSet(set({ id: "" }), vocab)).toEqual({ patch: {}, ignored: [], id: "" });
  });

  it("is left out when the set has none", () => {
    expect(Object.keys(validateSet(set({ area: "etdz" }), vocab))).toEqual(["patch", "ignored"]);
  });

  it.each([
    ["too long", "x".repeat(65), "x".repeat(65)],
    ["a number", 7, "7"],
    ["null", null, "null"],
    ["an object", { id: "a" }, '{"id":"a"}'],
  ])("is reported when %s, and the rest still applies", (_name, id, shown) => {
    const check = validateSet(set({ id, area: "etdz" }), vocab);
    expect(check).toEqual({
      patch: { area: "etdz" },
      ignored: [{ field: "id", value: shown, reason: "must be a string of at most 64 characters" }],
    });
    expect("id" in check).toBe(false);
  });
});

describe("validateGet", () => {
  it("takes the id to echo, or none", () => {
    expect(validateGet({ type: "industry-map:get", id: "q1" })).toEqual({ id: "q1", ignored: [] });
    expect(validateGet({ type: "industry-map:get" })).toEqual({ ignored: [] });
  });

  it("reports an id that is not one, and lets other fields be", () => {
    expect(validateGet({ type: "industry-map:get", id: 3, area: "etdz" })).toEqual({
      ignored: [{ field: "id", value: "3", reason: "must be a string of at most 64 characters" }],
    });
    expect(validateGet({ type: "industry-map:get", id: "y".repeat(65) }).id).toBeUndefined();
  });

  it.each([null, 42, { type: "industry-map:set" }, []])("treats %j as no get at all", (message) => {
    expect(validateGet(message)).toEqual({ ignored: [{ field: "type", value: "", reason: "not an industry-map:get message" }] });
  });

  it("never throws, even on a getter that does", () => {
    const trap = {
      type: "industry-map:get",
      get id(): string {
        throw new Error("boom");
      },
    };
    expect(() => validateGet(trap)).not.toThrow();
  });
});

describe("answerSet", () => {
  const changed: ViewFields = { ...view, area: "etdz" };
  const bad = [{ field: "industries", value: "x", reason: "unknown industry" }];

  it("without an id: one state after a change, none when nothing changed (as before ids existed)", () => {
    expect(answerSet({ patch: { area: "etdz" }, ignored: [] }, view, changed)).toEqual([stateMessage(changed)]);
    expect(answerSet({ patch: { area: null }, ignored: [] }, view, view)).toEqual([]);
  });

  it("without an id: the error, then the state, with no replyTo", () => {
    expect(answerSet({ patch: { area: "etdz" }, ignored: bad }, view, changed)).toEqual([
      { type: "industry-map:error", ignored: bad },
      stateMessage(changed),
    ]);
    expect(answerSet({ patch: {}, ignored: bad }, view, view)).toEqual([{ type: "industry-map:error", ignored: bad }]);
  });

  it("with an id: always one state replying to it, the current one if nothing changed", () => {
    expect(answerSet({ patch: { area: "etdz" }, ignored: [], id: "s1" }, view, changed)).toEqual([
      { ...stateMessage(changed), replyTo: "s1" },
    ]);
    expect(answerSet({ patch: {}, ignored: [], id: "s2" }, view, view)).toEqual([{ ...stateMessage(view), replyTo: "s2" }]);
  });

  it("with an id: first one error replying to it, naming what was ignored and which fields took effect", () => {
    expect(answerSet({ patch: { area: "etdz", lang: "zh" }, ignored: bad, id: "s3" }, view, changed)).toEqual([
      { type: "industry-map:error", ignored: bad, replyTo: "s3", applied: ["lang", "area"] },
      { ...stateMessage(changed), replyTo: "s3" },
    ]);
    expect(answerSet({ patch: {}, ignored: bad, id: "s4" }, view, view)).toEqual([
      { type: "industry-map:error", ignored: bad, replyTo: "s4", applied: [] },
      { ...stateMessage(view), replyTo: "s4" },
    ]);
  });

  it("with an empty id: still answers it (an empty string is an id)", () => {
    expect(answerSet({ patch: {}, ignored: [], id: "" }, view, view)).toEqual([{ ...stateMessage(view), replyTo: "" }]);
  });
});

describe("stateMessage with replyTo", () => {
  it("carries the id it answers, and nothing else more", () => {
    expect(stateMessage(view, "q")).toEqual({ ...stateMessage(view), replyTo: "q" });
    expect("replyTo" in stateMessage(view)).toBe(false);
  });
});
