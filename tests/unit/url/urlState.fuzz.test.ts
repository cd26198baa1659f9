import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACE_KINDS, TIERS } from "../../../src/domain/dataset/schema";
import { LANGS } from "../../../src/domain/labels";
import { formatCamera, parseUrlState, serializeUrlState, type UrlState, type UrlVocabulary } from "../../../src/domain/url/urlState";
import { fuzzParameters, HOSTILE_KEYS, junkString } from "../../support/fuzz";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";

// Property tests of the URL state (docs/embedding.md, "URL parameters";
// docs/performance.md, "Bad input"): whatever the query, the parser answers, and every part of
// the query is either applied or named in the report.

const vocab = SMALL_VOCABULARY;
const runs = fuzzParameters(400);

// The contract's parameter names, written out here rather than taken from the code under test.
const PARAMS = ["lang", "industries", "match", "tiers", "kinds", "area", "industry", "view", "embed", "map"];
const LIST_PARAMS = { industries: "industries", tiers: "tiers", kinds: "kinds" } as const;

const industryIds = vocab.industries.map((i) => i.id);
const placeIds = [...vocab.areaIds, ...vocab.siteIds];
const anyToken = fc.constantFrom(...placeIds, ...industryIds, ...TIERS, ...PLACE_KINDS, ...LANGS, "any", "all", "map", "overlap", "1", "0");
const nearMiss = fc.constantFrom(" ccus", "ccus ", "CCUS", "metaverse\t", "Key", "zh-CN", "true", "atlantis");
/** A list whose items are mostly the right kind of id, with some of anything else. */
const listOf = (ids: readonly string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...ids) },
          { weight: 1, arbitrary: anyToken },
          { weight: 1, arbitrary: nearMiss },
          { weight: 1, arbitrary: junkString },
        ),
        fc.constantFrom(",", ",", ",", ", ", ",,", " , "),
      ),
      { maxLength: 6 },
    )
    .map((items) =>
      items
        .map(([t, sep]) => t + sep)
        .join("")
        .replace(/,$/, ""),
    );
const numberIn = (min: number, max: number, decimals: number) =>
  fc.integer({ min: min * 10 ** decimals, max: max * 10 ** decimals }).map((n) => String(n / 10 ** decimals));
const numberText = fc.oneof(
  fc.double().map(String),
  fc.double({ min: -200, max: 200, noNaN: true }).map(String),
  fc.constantFrom("", " ", " 9", "Infinity", "NaN", "0x10", "0b1", "1e2", "-0", "85.00001", "22.0001", "−1", "１"),
);
const cameraValue = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(numberIn(-1, 23, 3), numberIn(-90, 90, 5), numberIn(-190, 190, 5)).map((p) => p.join("/")) },
  { weight: 1, arbitrary: fc.array(numberText, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/")) },
);
const hugeValue = fc
  .tuple(fc.constantFrom("ccus,", "x,", "%E4%B8%AD", "扬", "9/32/119/"), fc.integer({ min: 1_000, max: 10_000 }))
  .map(([unit, n]) => unit.repeat(n));
const anyValue = fc.oneof(
  { weight: 8, arbitrary: anyToken },
  { weight: 4, arbitrary: listOf([...placeIds, ...industryIds, ...TIERS, ...PLACE_KINDS]) },
  { weight: 2, arbitrary: cameraValue },
  { weight: 4, arbitrary: junkString },
  { weight: 1, arbitrary: hugeValue },
);
/** Values that mostly suit the parameter, so that the parser applies as much as it rejects. */
const fitting: Record<string, fc.Arbitrary<string>> = {
  lang: fc.constantFrom(...LANGS, "fr", "EN", ""),
  industries: listOf(industryIds),
  match: fc.constantFrom("any", "all", "some", "ALL"),
  tiers: listOf(TIERS),
  kinds: listOf(PLACE_KINDS),
  area: fc.constantFrom(...placeIds, industryIds[0]!, "atlantis", ""),
  industry: fc.constantFrom(...industryIds, placeIds[0]!, "warp-drive"),
  view: fc.constantFrom("map", "overlap", "3d"),
  embed: fc.constantFrom("1", "0", "true", "yes", ""),
  map: cameraValue,
};
const otherName = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, "Lang", " lang", "lang ", "industries[]", "", "map.zoom"), junkString);
const pair = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...PARAMS)
      .chain((p) => fc.tuple(fc.constant(p), fc.oneof({ weight: 4, arbitrary: fitting[p]! }, { weight: 1, arbitrary: anyValue }))),
  },
  { weight: 1, arbitrary: fc.tuple(otherName, anyValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PARAMS), anyValue) },
);
const pairs = fc.array(pair, { maxLength: 8 });

/** A query as a browser would hand it over: encoded properly, typed raw, or any string at all. */
const query = fc
  .tuple(
    fc.constantFrom("", "?", "??"),
    fc.oneof(
      { weight: 4, arbitrary: pairs.map((p) => new URLSearchParams(p).toString()) },
      { weight: 2, arbitrary: pairs.map((p) => p.map(([k, v]) => `${k}=${v}`).join("&")) },
      { weight: 1, arbitrary: pairs.map((p) => p.map(([k, v]) => (v === "" ? k : `${k}=${v}`)).join("&")) },
      { weight: 1, arbitrary: junkString },
    ),
  )
  .map(([prefix, q]) => prefix + q);

/** A bag of reports: each report accounts for one part of the query, once. */
function reportBag(ignored: readonly { field: string; value: string }[]) {
  const bag = new Map<string, number>();
  const keyOf = (field: string, v: string) => `${field}\u0000${v}`;
  for (const i of ignored) bag.set(keyOf(i.field, i.value), (bag.get(keyOf(i.field, i.value)) ?? 0) + 1);
  return {
    take(field: string, v: string): boolean {
      const n = bag.get(keyOf(field, v)) ?? 0;
      if (n === 0) return false;
      bag.set(keyOf(field, v), n - 1);
      return true;
    },
    left: () => [...bag].filter(([, n]) => n > 0).map(([k]) => k.replace("\u0000", "=")),
  };
}

function scalarApplied(param: string, v: string, state: UrlState): boolean {
  switch (param) {
    case "embed":
      // "0" says "not embedded", which is what the state then says.
      return v === "1" ? state.embed : v === "0" && !state.embed;
    case "map":
      return state.camera !== null;
    default:
      return state[param as "lang" | "match" | "area" | "industry" | "view"] === v;
  }
}

/**
 * Every parameter of the query, and every item of a list, is either applied or named in
 * the report, never both; the report names nothing the query did not hold.
 */
function unaccounted(search: string, { state, ignored }: ReturnType<typeof parseUrlState>): string[] {
  const reports = reportBag(ignored);
  const problems: string[] = [];
  const seen = new Set<string>();
  const firsts: [string, string][] = [];
  // Unknown and repeated parameters first: their reports are owed whatever else happens.
  for (const [param, v] of new URLSearchParams(search)) {
    const first = !seen.has(param);
    seen.add(param);
    if (PARAMS.includes(param) && first) firsts.push([param, v]);
    else if (!reports.take(param, v)) problems.push(`${param}=${v}: ${first ? "unknown" : "repeated"}, not reported`);
  }
  for (const [param, v] of firsts) {
    if (param in LIST_PARAMS) {
      const applied: readonly string[] = state[param as keyof typeof LIST_PARAMS];
      for (const item of v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        const isApplied = applied.includes(item);
        if (isApplied === reports.take(param, item))
          problems.push(`${param} item ${item}: ${isApplied ? "applied and reported" : "neither applied nor reported"}`);
      }
    } else {
      const isApplied = scalarApplied(param, v, state);
      if (isApplied === reports.take(param, v))
        problems.push(`${param}=${v}: ${isApplied ? "applied and reported" : "neither applied nor reported"}`);
    }
  }
  return [...problems, ...reports.left().map((r) => `reported but not in the query: ${r}`)];
}

/** What the state may hold: ids of the vocabulary, the contract's values, lists in canonical order. */
function invalidParts(state: UrlState, v: UrlVocabulary): string[] {
  const problems: string[] = [];
  const industryOrder = v.industries.map((i) => i.id);
  const tierOf = new Map(v.industries.map((i) => [i.id, i.tier]));
  const inOrder = (list: readonly string[], order: readonly string[]) =>
    list.every((x) => order.includes(x)) && list.every((x, i) => i === 0 || order.indexOf(list[i - 1]!) < order.indexOf(x));
  if (state.lang !== null && !(LANGS as readonly string[]).includes(state.lang)) problems.push(`lang ${state.lang}`);
  if (!inOrder(state.industries, industryOrder)) problems.push(`industries ${state.industries.join()}`);
  if (state.industries.some((id) => !state.tiers.includes(tierOf.get(id)!))) problems.push("an industry outside the tiers");
  if (!inOrder(state.tiers, TIERS)) problems.push(`tiers ${state.tiers.join()}`);
  if (!inOrder(state.kinds, PLACE_KINDS)) problems.push(`kinds ${state.kinds.join()}`);
  if (state.match !== "any" && state.match !== "all") problems.push(`match ${state.match}`);
  if (state.view !== "map" && state.view !== "overlap") problems.push(`view ${state.view}`);
  if (typeof state.embed !== "boolean") problems.push("embed");
  if (state.area !== null && !v.areaIds.includes(state.area) && !v.siteIds.includes(state.area)) problems.push(`area ${state.area}`);
  if (state.industry !== null && !industryOrder.includes(state.industry)) problems.push(`industry ${state.industry}`);
  const c = state.camera;
  if (c && !(c.zoom >= 0 && c.zoom <= 22 && c.lat >= -85 && c.lat <= 85 && c.lng >= -180 && c.lng <= 180))
    problems.push(`camera ${JSON.stringify(c)}`);
  return problems;
}

/** Lower-case ids as data/README.md writes them ("eco-tech-city"). */
const idArb = fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 1, maxLength: 3 }).map((p) => p.join("-"));
const randomVocabulary: fc.Arbitrary<UrlVocabulary> = fc.record({
  areaIds: fc.uniqueArray(idArb, { maxLength: 6 }),
  siteIds: fc.uniqueArray(idArb, { maxLength: 3 }),
  industries: fc
    .uniqueArray(fc.tuple(idArb, fc.constantFrom(...TIERS)), { selector: ([id]) => id, maxLength: 8 })
    .map((list) => list.map(([id, tier]) => ({ id, tier }))),
});

const optionOf = <T>(values: readonly T[]) => (values.length ? fc.option(fc.constantFrom(...values)) : fc.constant(null));

/** Any state the app can be in, lists in canonical order, camera at the link's precision. */
function validState(v: UrlVocabulary): fc.Arbitrary<UrlState> {
  return fc
    .record({
      lang: fc.constantFrom(null, ...LANGS),
      match: fc.constantFrom("any" as const, "all" as const),
      tiers: fc.subarray([...TIERS]),
      kinds: fc.subarray([...PLACE_KINDS]),
      area: optionOf([...v.areaIds, ...v.siteIds]),
      industry: optionOf(v.industries.map((i) => i.id)),
      view: fc.constantFrom("map" as const, "overlap" as const),
      embed: fc.boolean(),
      camera: fc.option(
        fc.record({
          zoom: fc.integer({ min: 0, max: 2200 }).map((n) => n / 100),
          lat: fc.integer({ min: -850_000, max: 850_000 }).map((n) => n / 10_000),
          lng: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 10_000),
        }),
      ),
    })
    .chain((s) =>
      fc.subarray(v.industries.filter((i) => s.tiers.includes(i.tier)).map((i) => i.id)).map((industries) => ({ ...s, industries })),
    );
}

/** The canonical link leaves lang=zh out (zh is the default), so it comes back as "not in the URL". */
const asLinked = (s: UrlState): UrlState => ({ ...s, lang: s.lang === "zh" ? null : s.lang });

describe("URL state, fuzzed", () => {
  it("never throws on any query", () => {
    fc.assert(
      fc.property(query, (q) => {
        parseUrlState(q, vocab);
      }),
      runs,
    );
  });

  it("applies or reports every parameter and list item, never both, and reports nothing that was not there", () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(unaccounted(q, parseUrlState(q, vocab))).toEqual([]);
      }),
      runs,
    );
  });

  it("applies only ids of the vocabulary and values of the contract", () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(invalidParts(parseUrlState(q, vocab).state, vocab)).toEqual([]);
      }),
      runs,
    );
  });

  it("reads back its own canonical link unchanged and without a report (idempotent through serialise)", () => {
    fc.assert(
      fc.property(query, (q) => {
        const link = serializeUrlState(parseUrlState(q, vocab).state, vocab);
        const again = parseUrlState(link, vocab);
        expect(again.ignored).toEqual([]);
        expect(serializeUrlState(again.state, vocab)).toBe(link);
      }),
      runs,
    );
  });

  it("round-trips every valid state of any vocabulary: serialise then parse gives the same state", () => {
    const stateAndVocabulary = fc.oneof(
      validState(vocab).map((state) => ({ state, v: vocab })),
      randomVocabulary.chain((v) => validState(v).map((state) => ({ state, v }))),
    );
    fc.assert(
      fc.property(stateAndVocabulary, ({ state, v }) => {
        const { state: back, ignored } = parseUrlState(serializeUrlState(state, v), v);
        expect(ignored).toEqual([]);
        expect(back).toEqual(asLinked(state));
      }),
      runs,
    );
  });

  it("writes the same link whatever the order of the lists (equal views give equal links)", () => {
    const shuffled = validState(vocab).chain((s) =>
      fc
        .tuple(
          fc.shuffledSubarray(s.industries, { minLength: s.industries.length }),
          fc.shuffledSubarray(s.tiers, { minLength: s.tiers.length }),
          fc.shuffledSubarray(s.kinds, { minLength: s.kinds.length }),
        )
        .map(([industries, tiers, kinds]) => ({ canonical: s, shuffled: { ...s, industries, tiers, kinds } })),
    );
    fc.assert(
      fc.property(shuffled, ({ canonical, shuffled: s }) => {
        expect(serializeUrlState(s, vocab)).toBe(serializeUrlState(canonical, vocab));
      }),
      runs,
    );
  });
});

describe("URL state: counterexamples the fuzzer found, kept as examples", () => {
  it("writes a coordinate that rounds to zero without a minus sign, so the link is a fixed point", () => {
    expect(formatCamera({ zoom: 0, lat: -0.00001, lng: -5e-324 })).toBe("0.00/0.0000/0.0000");
    const link = serializeUrlState(parseUrlState("?map=0.001/-0.00001/-0.00004", vocab).state, vocab);
    expect(link).toBe("map=0.00/0.0000/0.0000");
    expect(serializeUrlState(parseUrlState(link, vocab).state, vocab)).toBe(link);
  });
});
