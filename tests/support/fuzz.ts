import fc from "fast-check";

/**
 * Settings for the property tests. A fixed seed keeps CI repeatable; FUZZ_SEED and
 * FUZZ_RUNS let a person fuzz longer or elsewhere (fast-check prints the seed and the
 * path of any counterexample it finds, so a failure can be replayed).
 */
export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240601;
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : defaultRuns;
  return { seed, numRuns };
}

/**
 * Names that mean something to every plain object or to the prototype chain: a lookup
 * `table[key]` on a plain object finds them even though nobody put them there.
 */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
] as const;

/**
 * An object with exactly these own, enumerable properties, made the way JSON.parse and
 * structured cloning make them: a key "__proto__" becomes an own property, it does not
 * set the prototype.
 */
export function objectFrom(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** What Object.prototype looks like now: its own property names and what they hold. */
export function objectPrototypeSnapshot(): Map<string | symbol, unknown> {
  return new Map(Reflect.ownKeys(Object.prototype).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)?.value]));
}

/**
 * Puts Object.prototype back as the snapshot had it and names what had changed, so that
 * one polluting input fails alone rather than every input after it.
 */
export function undoObjectPrototypeChanges(before: Map<string | symbol, unknown>): string[] {
  const changed: string[] = [];
  const proto = Object.prototype as Record<string | symbol, unknown>;
  for (const key of Reflect.ownKeys(Object.prototype)) {
    if (!before.has(key)) {
      changed.push(String(key));
      delete proto[key];
    } else if (Object.getOwnPropertyDescriptor(Object.prototype, key)?.value !== before.get(key)) {
      changed.push(String(key));
      Object.defineProperty(Object.prototype, key, { value: before.get(key), writable: true, configurable: true, enumerable: false });
    }
  }
  return changed;
}

/** Strings a fuzzer rarely finds on its own: unicode, controls, percent-encoding junk, separators. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", " ", "\u0000", "\uD800", "\uFFFD", "扬州", "𝔁", "‮", "null", "undefined", "NaN", "-0", "1e400", ...HOSTILE_KEYS),
  fc
    .array(
      fc.constantFrom(
        "%",
        "%2",
        "%zz",
        "%E4%B8",
        "%E4%B8%AD",
        "%FF",
        "%00",
        "%2C",
        "%2F",
        "%26",
        "%3D",
        "+",
        "&",
        "=",
        "#",
        "?",
        ",",
        "/",
        " ",
        "a",
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join("")),
);

/**
 * Any value a JSON file or a posted message could hold, and stranger ones (Map, Set,
 * BigInt, boxed values, null-prototype objects, sparse and typed arrays), with object keys
 * drawn from `keys` and the hostile names as often as at random.
 */
export function anyValue(keys: readonly string[], options: { withObjectString?: boolean } = {}): fc.Arbitrary<unknown> {
  return fc.anything({
    key: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS, ...keys)),
    maxDepth: 3,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    ...options,
  });
}
