import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSiteConfig, siteConfigShape } from "../../../src/domain/config/siteConfig";
import { fuzzParameters, HOSTILE_KEYS, junkString, objectFrom, objectPrototypeSnapshot, undoObjectPrototypeChanges, anyValue as anyValueOf } from "../../support/fuzz";

// Property tests of the site configuration (config.json): whatever the file holds, the
// reader answers, keeps the valid fields, and names every field it dropped.

const runs = fuzzParameters(400);

const KNOWN = Object.keys(siteConfigShape);
/** "$schema", "_comment" and the like document the file; the reader passes over them. */
const isDocumentation = (key: string) => key.startsWith("$") || key.startsWith("_");

const anyValue = anyValueOf(["zh", "en", "name", "url"]);

/** Per field, values that pass and values that nearly pass, as people write them by hand. */
const text = fc.constantFrom("扬州招商地图", "  Map  ", "", "   ", "<img src=x onerror=alert(1)>");
const localized = fc.oneof(
  text,
  fc.constantFrom({ zh: "扬州", en: "Yangzhou" }, { zh: "扬州" }, { en: "" }, { fr: "Yangzhou" }, {}, ["扬州"]),
);
const url = fc.oneof(
  fc.constantFrom("https://invest.example.org/path", "http://localhost:8080", "HTTPS://EXAMPLE.ORG", " https://a.example ", "javascript:alert(1)", "ftp://example.org", "https://", "example.org", "//example.org"),
  fc.webUrl(),
);
const fitting: Record<string, fc.Arbitrary<unknown>> = {
  title: localized,
  allowedOrigins: fc.oneof(fc.array(url, { maxLength: 4 }), url),
  tiandituKey: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9a-fA-Z]{30,34}$/), junkString),
  reviewNumber: localized,
  palette: fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom("metaverse", "ccus", ...HOSTILE_KEYS), fc.string()),
        fc.oneof(fc.stringMatching(/^#[0-9a-fA-F]{6}$/), fc.constantFrom("red", "#fff", "#GGGGGG", "")),
      ),
      { maxLength: 4 },
    )
    .map((entries) => objectFrom(entries)),
  dataUrl: text,
  contextUrl: text,
  workbench: fc.oneof(fc.boolean(), fc.constantFrom("false", 0, null)),
};
const fieldEntry = fc.constantFrom(...KNOWN).chain((key) =>
  fc.tuple(fc.constant(key), fc.oneof({ weight: 5, arbitrary: fitting[key]! }, { weight: 1, arbitrary: anyValue })),
);
const otherEntry = fc.tuple(
  fc.oneof(fc.constantFrom(...HOSTILE_KEYS, "$schema", "_comment", "$", "_", "Title", "colour", "contact"), fc.string()),
  fc.oneof(anyValue, fc.constant(objectFrom([["polluted", "yes"]]))),
);
/** A configuration as JSON.parse would hand it over: own keys only, "__proto__" included. */
const configObject = fc
  .uniqueArray(fc.oneof({ weight: 3, arbitrary: fieldEntry }, { weight: 1, arbitrary: otherEntry }), { selector: ([k]) => k, maxLength: 10 })
  .map((entries) => objectFrom(entries));

/** A problem's field is the key itself or a path below it ("palette.metaverse"). */
const names = (field: string, key: string) => field === key || field.startsWith(`${key}.`);

describe("site configuration, fuzzed", () => {
  const before = objectPrototypeSnapshot();

  it("never throws on anything, and leaves Object.prototype as it was", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, configObject, fc.json().map((j) => JSON.parse(j) as unknown)), (raw) => {
        const { config, problems } = readSiteConfig(raw);
        expect(undoObjectPrototypeChanges(before)).toEqual([]);
        expect(typeof config).toBe("object");
        for (const p of problems) expect([typeof p.field, typeof p.reason]).toEqual(["string", "string"]);
      }),
      runs,
    );
  });

  it("keeps only known fields, each one the file had, and names every other field it was given", () => {
    fc.assert(
      fc.property(configObject, (raw) => {
        const { config, problems } = readSiteConfig(raw);
        const inputKeys = Object.keys(raw);
        const kept = Object.keys(config);
        expect(kept.filter((k) => !KNOWN.includes(k) || !inputKeys.includes(k))).toEqual([]);
        // Documentation keys are passed over; every other key is kept or named, never both.
        const unaccounted = inputKeys.filter((k) => !isDocumentation(k) && kept.includes(k) === problems.some((p) => names(p.field, k)));
        expect(unaccounted).toEqual([]);
        const aboutNothing = problems.filter((p) => !inputKeys.some((k) => !isDocumentation(k) && names(p.field, k)));
        expect(aboutNothing).toEqual([]);
      }),
      runs,
    );
  });

  it("reads each field the same whatever else the file holds (a bad field never costs a good one)", () => {
    fc.assert(
      fc.property(configObject, (raw) => {
        const { config } = readSiteConfig(raw);
        for (const [key, value] of Object.entries(raw)) {
          if (isDocumentation(key)) continue;
          const alone = readSiteConfig(objectFrom([[key, value]])).config as Record<string, unknown>;
          expect((config as Record<string, unknown>)[key]).toEqual(alone[key]);
        }
      }),
      runs,
    );
  });

  it("treats anything but a plain object as no configuration, with one problem", () => {
    fc.assert(
      fc.property(
        anyValue.filter((v) => v === null || typeof v !== "object" || Array.isArray(v)),
        (raw) => {
          expect(readSiteConfig(raw)).toEqual({ config: {}, problems: [{ field: "(file)", reason: "must be a JSON object" }] });
        },
      ),
      runs,
    );
  });
});

describe("site configuration: counterexamples the fuzzer found, kept as examples", () => {
  it.each(["constructor", "valueOf", "toString", "hasOwnProperty"])("reports a %s key as unknown and keeps the valid fields", (key) => {
    const raw = JSON.parse(`{"title": "Map", "${key}": 0}`) as unknown;
    expect(readSiteConfig(raw)).toEqual({ config: { title: "Map" }, problems: [{ field: key, reason: "unknown field" }] });
  });
});
