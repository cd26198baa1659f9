import { describe, expect, it } from "vitest";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";
import { parseUrlState, serializeUrlState, DEFAULT_URL_STATE } from "../../../src/domain/url/urlState";

const vocab = SMALL_VOCABULARY;

describe("URL state", () => {
  it("reads every parameter of the contract", () => {
    const { state, ignored } = parseUrlState(
      "?lang=en&industries=ccus,metaverse&match=all&tiers=key,extended&kinds=county,zone&area=etdz&industry=ccus&view=overlap&embed=1&map=9.5/32.4/119.45",
      vocab,
    );
    expect(ignored).toEqual([]);
    expect(state).toEqual({
      lang: "en",
      industries: ["metaverse", "ccus"],
      match: "all",
      tiers: ["key", "extended"],
      kinds: ["county", "zone"],
      area: "etdz",
      industry: "ccus",
      view: "overlap",
      embed: true,
      camera: { zoom: 9.5, lat: 32.4, lng: 119.45 },
    });
  });

  it("writes the canonical form: table order, defaults omitted, lists in data order, commas and slashes unescaped", () => {
    const { state } = parseUrlState("?map=9.5/32.4/119.45&area=etdz&industries=ccus,low-altitude-economy&lang=zh&match=any", vocab);
    expect(serializeUrlState(state, vocab)).toBe("industries=low-altitude-economy,ccus&area=etdz&map=9.50/32.4000/119.4500");
    expect(serializeUrlState({ ...DEFAULT_URL_STATE }, vocab)).toBe("");
  });

  it("round-trips: equal views give equal links", () => {
    const query =
      "lang=en&industries=metaverse&match=all&tiers=key&kinds=zone,site&area=aviation-valley&view=overlap&embed=1&map=10.00/32.3000/119.5000";
    const { state } = parseUrlState(`?${query}`, vocab);
    expect(serializeUrlState(state, vocab)).toBe(query);
  });

  it("ignores and reports unknown parameters and invalid values, keeping the rest", () => {
    const { state, ignored } = parseUrlState(
      "?foo=1&lang=fr&industries=metaverse,warp-drive&area=atlantis&map=99/1/2&match=some&view=3d",
      vocab,
    );
    expect(state.industries).toEqual(["metaverse"]);
    expect(state.lang).toBeNull();
    expect(state.area).toBeNull();
    expect(state.camera).toBeNull();
    expect(ignored.map((i) => `${i.field}=${i.value}`)).toEqual([
      "foo=1",
      "lang=fr",
      "match=some",
      "industries=warp-drive",
      "area=atlantis",
      "view=3d",
      "map=99/1/2",
    ]);
  });

  it("ignores industries outside the selected tiers and says why", () => {
    const { state, ignored } = parseUrlState("?tiers=key&industries=hydrogen,ccus", vocab);
    expect(state.industries).toEqual(["ccus"]);
    expect(ignored).toEqual([{ field: "industries", value: "hydrogen", reason: "its tier (extended) is not among the selected tiers" }]);
  });

  it("treats an empty industries list as no filter", () => {
    expect(parseUrlState("?industries=", vocab).state.industries).toEqual([]);
  });
});
