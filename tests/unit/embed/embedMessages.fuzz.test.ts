import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { PLACE_KINDS, TIERS, type Tier } from "../../../src/domain/dataset/schema";
import {
  answerSet,
  applyPatch,
  isKnownMessage,
  MAX_ID_LENGTH,
  validateGet,
  validateSet,
  viewFieldsChanged,
  VIEW_FIELDS,
  type ViewFields,
} from "../../../src/domain/embed/embedMessages";
import { LANGS } from "../../../src/domain/labels";
import {
  fuzzParameters,
  HOSTILE_KEYS,
  junkString,
  objectFrom,
  objectPrototypeSnapshot,
  undoObjectPrototypeChanges,
  anyValue as anyValueOf,
} from "../../support/fuzz";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";

// Property tests of the host's `industry-map:set` and `get` (the embedding contract,
// docs/embedding.md): whatever a host posts, the app answers without throwing, applies only
// valid parts with known ids, names every part it ignored, and answers a set's id once.

const vocab = SMALL_VOCABULARY;
const runs = fuzzParameters(400);

const industryIds = vocab.industries.map((i) => i.id);
const placeIds = [...vocab.areaIds, ...vocab.siteIds];
const tierOf = new Map(vocab.industries.map((i) => [i.id, i.tier]));
const LIST_FIELDS = ["industries", "tiers", "kinds"];

/** Values as structured cloning delivers them, and a few it does not. */
const anyValue = anyValueOf([...VIEW_FIELDS, "type"], { withObjectString: true });
/** What an attacker hopes lands on Object.prototype. */
const payload = () => objectFrom([["polluted", "yes"]]);
/** `{"__proto__": {"polluted": "yes"}}` and kin, as JSON.parse makes them: the attack on a naive merge. */
const pollution = fc
  .constantFrom(
    () => objectFrom([["__proto__", payload()]]),
    () => objectFrom([["constructor", objectFrom([["prototype", payload()]])]]),
    () => objectFrom([["prototype", payload()]]),
  )
  .map((make) => make());
const idLike = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...industryIds, ...placeIds, ...TIERS, ...PLACE_KINDS, ...LANGS) },
  { weight: 1, arbitrary: fc.constantFrom(" ccus", "CCUS", "atlantis", "", ...HOSTILE_KEYS) },
  { weight: 1, arbitrary: junkString },
  { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 1 }), pollution) },
);
const listOf = (ids: readonly string[]) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: idLike }), { maxLength: 6 }),
    },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...ids), fc.constant(null), fc.constant(ids.join(","))) },
  );
/** Values that mostly suit the field, so that as much is applied as is rejected. */
const fitting: Record<string, fc.Arbitrary<unknown>> = {
  lang: fc.constantFrom(...LANGS, "fr", "EN", null, 1),
  industries: listOf(industryIds),
  match: fc.constantFrom("any", "all", "some", null),
  tiers: listOf(TIERS),
  kinds: listOf(PLACE_KINDS),
  area: fc.constantFrom(...placeIds, null, "atlantis", industryIds[0]!, ["etdz"], 5),
  industry: fc.constantFrom(...industryIds, null, "warp-drive", placeIds[0]!, { id: "ccus" }),
  view: fc.constantFrom("map", "overlap", "table", true),
};
const fieldEntry = fc
  .constantFrom(...VIEW_FIELDS)
  .chain((field) =>
    fc.tuple(
      fc.constant<string>(field),
      fc.oneof({ weight: 6, arbitrary: fitting[field]! }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: pollution }),
    ),
  );
/** A set's id: mostly valid, sometimes too long or not a string. */
const idValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: MAX_ID_LENGTH }) },
  { weight: 1, arbitrary: fc.string({ minLength: MAX_ID_LENGTH - 1, maxLength: MAX_ID_LENGTH + 3 }) },
  { weight: 1, arbitrary: anyValue },
);
const isValidId = (value: unknown) => typeof value === "string" && value.length <= MAX_ID_LENGTH;
const otherEntry = fc.oneof(
  fc.tuple(fc.constant("id"), idValue),
  fc.tuple(
    fc.oneof(fc.constantFrom(...HOSTILE_KEYS, "camera", "embed", "Lang", "webgl", "height"), fc.string()),
    fc.oneof(anyValue, pollution),
  ),
  fc.constantFrom<[string, unknown]>(["__proto__", payload()], ["constructor", objectFrom([["prototype", payload()]])]),
);
/** An `industry-map:set` message with any mix of fields, as the app receives it (own keys only). */
const setMessage = fc
  .uniqueArray(fc.oneof({ weight: 4, arbitrary: fieldEntry }, { weight: 1, arbitrary: otherEntry }), { selector: ([k]) => k, maxLength: 9 })
  .map((entries) => objectFrom([["type", "industry-map:set"], ...entries.filter(([k]) => k !== "type")]));
/** Things that carry a `type` yet are not plain objects: a host's structured clone never makes them. */
const notPlainWithType = fc
  .tuple(
    fc.constantFrom<(type: string) => object>(
      (type) => Object.assign([], { type }),
      (type) => Object.assign(new Map(), { type }),
      (type) => Object.assign(new Date(0), { type }),
      (type) => Object.assign(Object.create({}) as object, { type }),
      (type) => Object.create({ type }) as object,
      (type) =>
        new (class Message {
          type = type;
        })(),
    ),
    fc.constantFrom("industry-map:set", "industry-map:state", "other:set"),
  )
  .map(([make, type]) => make(type));
/** The tiers in force when the message arrives, or none given. */
const currentTiers = fc.option(fc.subarray([...TIERS]), { nil: undefined });

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Every field of the message, and every item of a list, is either in the patch or named
 * in the report (once), never both; the report names only fields the message had.
 */
function unaccounted(message: Record<string, unknown>, check: ReturnType<typeof validateSet>): string[] {
  const { patch, ignored } = check;
  const problems: string[] = [];
  if (check.id !== undefined && !(hasOwn(message, "id") && message.id === check.id))
    problems.push(`answers id ${check.id}, which the message did not hold`);
  const reportsOf = (field: string) => ignored.filter((i) => i.field === field);
  const keys = Object.keys(message);
  for (const key of keys) {
    if (key === "type") continue;
    const value = message[key];
    const reports = reportsOf(key);
    if (key === "id") {
      const taken = check.id === value && isValidId(value);
      if (reports.length !== (taken ? 0 : 1) || hasOwn(patch, key)) problems.push(`id: taken ${taken}, ${reports.length} reports`);
      continue;
    }
    if (!(VIEW_FIELDS as readonly string[]).includes(key)) {
      if (reports.length !== 1 || hasOwn(patch, key)) problems.push(`unknown field ${key}: ${reports.length} reports`);
      continue;
    }
    const applied = (patch as Record<string, unknown>)[key];
    if (LIST_FIELDS.includes(key)) {
      if (!Array.isArray(value)) {
        if (reports.length !== 1 || hasOwn(patch, key))
          problems.push(`${key} (not a list): ${reports.length} reports, applied: ${hasOwn(patch, key)}`);
        continue;
      }
      if (!Array.isArray(applied)) {
        problems.push(`${key}: a list, yet not in the patch`);
        continue;
      }
      // Array.from visits holes as undefined, as iteration does.
      const items: unknown[] = Array.from(value);
      const bad = items.filter((item) => !(typeof item === "string" && applied.includes(item)));
      if (reports.length !== bad.length) problems.push(`${key}: ${bad.length} bad items, ${reports.length} reports`);
      const named = reports.map((r) => r.value);
      for (const item of bad) {
        if (typeof item === "string" && !named.includes(item)) problems.push(`${key}: item ${item} not named`);
      }
      if (applied.some((id) => !items.includes(id))) problems.push(`${key}: applied an id the message did not hold`);
    } else {
      const isApplied = hasOwn(patch, key) && applied === value;
      if (hasOwn(patch, key) && applied !== value) problems.push(`${key}: applied a value the message did not hold`);
      if (reports.length !== (isApplied ? 0 : 1)) problems.push(`${key}: applied ${isApplied}, ${reports.length} reports`);
    }
  }
  for (const r of ignored)
    if (!keys.includes(r.field) || r.field === "type") problems.push(`reported ${r.field}, which the message did not hold`);
  for (const k of Object.keys(patch)) if (!keys.includes(k)) problems.push(`patched ${k}, which the message did not hold`);
  return problems;
}

/** The patch holds only the contract's fields, known ids, canonical lists, industries of the tiers in use. */
function invalidParts(patch: Partial<ViewFields>, tiersInUse: readonly Tier[]): string[] {
  const problems: string[] = [];
  const inOrder = (list: readonly string[], order: readonly string[]) =>
    list.every((x) => order.includes(x)) && list.every((x, i) => i === 0 || order.indexOf(list[i - 1]!) < order.indexOf(x));
  for (const k of Object.keys(patch)) if (!(VIEW_FIELDS as readonly string[]).includes(k)) problems.push(`field ${k}`);
  if ("lang" in patch && !(LANGS as readonly string[]).includes(patch.lang!)) problems.push(`lang ${String(patch.lang)}`);
  if ("match" in patch && patch.match !== "any" && patch.match !== "all") problems.push(`match ${String(patch.match)}`);
  if ("view" in patch && patch.view !== "map" && patch.view !== "overlap") problems.push(`view ${String(patch.view)}`);
  if (patch.tiers && !inOrder(patch.tiers, TIERS)) problems.push(`tiers ${String(patch.tiers)}`);
  if (patch.kinds && !inOrder(patch.kinds, PLACE_KINDS)) problems.push(`kinds ${String(patch.kinds)}`);
  if (patch.industries && !inOrder(patch.industries, industryIds)) problems.push(`industries ${String(patch.industries)}`);
  if (patch.industries?.some((id) => !tiersInUse.includes(tierOf.get(id)!))) problems.push("an industry outside the tiers in use");
  if ("area" in patch && patch.area !== null && !placeIds.includes(patch.area!)) problems.push(`area ${String(patch.area)}`);
  if ("industry" in patch && patch.industry !== null && !industryIds.includes(patch.industry!))
    problems.push(`industry ${String(patch.industry)}`);
  return problems;
}

const validView: fc.Arbitrary<ViewFields> = fc
  .record({
    lang: fc.constantFrom(...LANGS),
    match: fc.constantFrom("any" as const, "all" as const),
    tiers: fc.subarray([...TIERS]),
    kinds: fc.subarray([...PLACE_KINDS]),
    area: fc.option(fc.constantFrom(...placeIds)),
    industry: fc.option(fc.constantFrom(...industryIds)),
    view: fc.constantFrom("map" as const, "overlap" as const),
  })
  .chain((v) => fc.subarray(industryIds.filter((id) => v.tiers.includes(tierOf.get(id)!))).map((industries) => ({ ...v, industries })));

describe("embed messages, fuzzed", () => {
  const before = objectPrototypeSnapshot();
  afterAll(() => {
    // Nothing a host sent reached the prototype every object shares.
    expect(objectPrototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("isKnownMessage never throws, and accepts only plain objects with an industry-map: type", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, setMessage, notPlainWithType), (data) => {
        const known = isKnownMessage(data);
        const plain = typeof data === "object" && data !== null && [Object.prototype, null].includes(Object.getPrototypeOf(data));
        const type = plain ? (data as { type?: unknown }).type : undefined;
        expect(known).toBe(plain && !Array.isArray(data) && typeof type === "string" && type.startsWith("industry-map:"));
      }),
      runs,
    );
  });

  it("validateSet never throws on anything, and answers with a patch of contract fields and a report of strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          setMessage,
          anyValue.map((v) =>
            objectFrom([
              ["type", "industry-map:set"],
              ["industries", v],
            ]),
          ),
        ),
        currentTiers,
        (message, tiers) => {
          const { patch, ignored } = validateSet(message, vocab, tiers && { tiers });
          for (const k of Object.keys(patch)) expect(VIEW_FIELDS).toContain(k);
          for (const i of ignored) expect([typeof i.field, typeof i.value, typeof i.reason]).toEqual(["string", "string", "string"]);
          if (!isKnownMessage(message) || message.type !== "industry-map:set") {
            expect(patch).toEqual({});
            expect(ignored).toHaveLength(1);
          }
        },
      ),
      runs,
    );
  });

  it("applies or reports every field and list item of a set, never both, and reports nothing the message did not hold", () => {
    fc.assert(
      fc.property(setMessage, currentTiers, (message, tiers) => {
        expect(unaccounted(message, validateSet(message, vocab, tiers && { tiers }))).toEqual([]);
      }),
      runs,
    );
  });

  it("patches only known ids and the contract's values, industries within the tiers in use", () => {
    fc.assert(
      fc.property(setMessage, currentTiers, (message, tiers) => {
        const { patch } = validateSet(message, vocab, tiers && { tiers });
        expect(invalidParts(patch, patch.tiers ?? tiers ?? TIERS)).toEqual([]);
      }),
      runs,
    );
  });

  it("leaves Object.prototype as it was, whatever __proto__, constructor or prototype keys a message carries", () => {
    fc.assert(
      fc.property(setMessage, currentTiers, (message, tiers) => {
        validateSet(message, vocab, tiers && { tiers });
        expect(undoObjectPrototypeChanges(before)).toEqual([]);
      }),
      runs,
    );
  });

  it("leaves the message as it was", () => {
    fc.assert(
      fc.property(setMessage, (message) => {
        const copy = structuredClone(message);
        validateSet(message, vocab);
        expect(message).toEqual(copy);
      }),
      runs,
    );
  });

  it("accepts a valid set from the vocabulary exactly, lists in canonical order, with no report", () => {
    const validSet = fc
      .record(
        {
          lang: fc.constantFrom(...LANGS),
          match: fc.constantFrom("any", "all"),
          tiers: fc.shuffledSubarray([...TIERS]),
          kinds: fc.shuffledSubarray([...PLACE_KINDS]),
          area: fc.option(fc.constantFrom(...placeIds)),
          industry: fc.option(fc.constantFrom(...industryIds)),
          view: fc.constantFrom("map", "overlap"),
          withIndustries: fc.boolean(),
        },
        { requiredKeys: ["withIndustries"] },
      )
      .chain(({ withIndustries, ...fields }) =>
        currentTiers.chain((current) => {
          const tiers: readonly string[] = fields.tiers ?? current ?? TIERS;
          const allowed = industryIds.filter((id) => tiers.includes(tierOf.get(id)!));
          const industries = withIndustries ? fc.shuffledSubarray(allowed).map((list) => ({ industries: list })) : fc.constant({});
          return industries.map((extra) => ({ fields: { ...fields, ...extra } as Record<string, unknown>, current }));
        }),
      );
    const canonical = (fields: Record<string, unknown>) => {
      const out = { ...fields };
      const order = { tiers: TIERS, kinds: PLACE_KINDS, industries: industryIds } as Record<string, readonly string[]>;
      for (const k of LIST_FIELDS) if (Array.isArray(out[k])) out[k] = order[k]!.filter((x) => (out[k] as string[]).includes(x));
      return out;
    };
    fc.assert(
      fc.property(validSet, ({ fields, current }) => {
        const result = validateSet({ type: "industry-map:set", ...fields }, vocab, current && { tiers: current as Tier[] });
        expect(result).toEqual({ patch: canonical(fields), ignored: [] });
      }),
      runs,
    );
  });

  it("answers a set with an id exactly once, error first; without an id, a state only on a change", () => {
    fc.assert(
      fc.property(validView, setMessage, (view, message) => {
        const check = validateSet(message, vocab, view);
        const next = applyPatch(view, check.patch, vocab);
        const answers = answerSet(check, view, next);
        const errors = answers.filter((a) => a.type === "industry-map:error");
        const states = answers.filter((a) => a.type === "industry-map:state");
        expect(errors).toHaveLength(check.ignored.length > 0 ? 1 : 0);
        expect(answers.length).toBe(errors.length + states.length);
        if (errors.length > 0) expect(answers[0]!.type).toBe("industry-map:error");
        if (check.id !== undefined) {
          expect(states).toHaveLength(1);
          expect(answers.at(-1)).toMatchObject({ type: "industry-map:state", replyTo: check.id });
          for (const e of errors) expect(e).toMatchObject({ replyTo: check.id });
        } else {
          expect(states).toHaveLength(viewFieldsChanged(view, next) ? 1 : 0);
          for (const a of answers) expect("replyTo" in a).toBe(false);
        }
        expect(() => structuredClone(answers)).not.toThrow();
      }),
      runs,
    );
  });

  it("validateGet never throws, and echoes an id only when it is a valid one", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          idValue.map((id) =>
            objectFrom([
              ["type", "industry-map:get"],
              ["id", id],
            ]),
          ),
        ),
        (message) => {
          const { id, ignored } = validateGet(message);
          const wanted = isKnownMessage(message) && message.type === "industry-map:get" && hasOwn(message, "id") ? message.id : undefined;
          if (id !== undefined) expect([id, ignored]).toEqual([wanted, []]);
          if (isValidId(wanted)) expect(id).toBe(wanted);
          else expect(id).toBeUndefined();
        },
      ),
      runs,
    );
  });

  it("keeps any valid view valid when a validated set is applied", () => {
    fc.assert(
      fc.property(validView, setMessage, (view, message) => {
        const next = applyPatch(view, validateSet(message, vocab, view).patch, vocab);
        expect(invalidParts(next, next.tiers)).toEqual([]);
        expect(Object.keys(next).sort()).toEqual([...VIEW_FIELDS].sort());
      }),
      runs,
    );
  });
});
