import { describe, expect, it } from "vitest";
import { assembleDataDir, readDataTree } from "../../../scripts/data/readDataDir";
import {
  REASON_KEYS,
  messageOfReason,
  reasonMessage,
  reasonText,
  type ReasonKey,
  type ReasonMessage,
} from "../../../src/domain/dataset/reasonMessages";
import { checkDraft } from "../../../src/domain/draft/problems";
import { polygonProblems, positionsOutside } from "../../../src/domain/geometry/polygonProblems";
import { addMessages, createI18n } from "../../../src/i18n/i18n";
import * as reasons from "../../../src/i18n/reasonMessages";
import { applyFixture, fixtureNames } from "../data/badDataFixture";
import { DATA_DIR } from "../data/loadShipped";

// Every reason a check gives has a Chinese wording: each bad-data fixture's reasons (every
// class `npm run validate` reports), the workbench's own warnings and the polygon rules the
// outline dialog shows. A new check whose reason no pattern reads fails here, so it cannot
// ship untranslated. The English template must rebuild the reason exactly: then the pattern
// kept every id, number and quoted value for the Chinese.

function translator(lng: "zh" | "en") {
  const i18n = createI18n(lng);
  addMessages(i18n, reasons);
  return (key: ReasonKey, params: Readonly<Record<string, string | number>>) => i18n.t(`reasons:${key}`, params);
}
const zh = translator("zh");
const en = translator("en");
const HAN = /\p{Script=Han}/u;
/** Parameters that name a place in a polygon or a nested reason: these must be read too, not passed through in English. */
const MUST_NEST = ["problem", "place", "other"];

function expectWorded(reason: string): void {
  const message = reasonMessage(reason);
  expect(message, `no Chinese wording for: ${reason}`).not.toBeNull();
  const walk = (m: ReasonMessage) => {
    for (const name of MUST_NEST) if (name in m.params) expect(typeof m.params[name], `${reason}: ${name}`).toBe("object");
    for (const value of Object.values(m.params)) if (typeof value === "object") walk(value);
  };
  walk(message!);
  expect(messageOfReason(message!, en)).toBe(reason);
  const chinese = messageOfReason(message!, zh);
  expect(chinese).toMatch(HAN);
  expect(reasonText(reason, zh)).toBe(chinese);
}

const fixtureReasons = fixtureNames().flatMap((name) =>
  assembleDataDir(applyFixture(name)).issues.map((issue) => [name, issue.reason] as const),
);

describe("the checks' reasons in Chinese", () => {
  it("covers the fixtures", () => {
    expect(fixtureReasons.length).toBeGreaterThan(fixtureNames().length);
  });

  it.each(fixtureReasons)("%s: %s", (_name, reason) => expectWorded(reason));

  it("words the workbench's own warning", () => {
    const texts = readDataTree(DATA_DIR);
    const asOf = (JSON.parse(texts["meta.json"]!) as { asOf: string }).asOf;
    const warnings = checkDraft(texts, asOf, true).problems.filter((p) => p.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expectWorded(warning.reason);
  });

  it("words the polygon rules the outline dialog shows", () => {
    const square = [
      [119.4, 32.3],
      [119.5, 32.3],
      [119.5, 32.4],
      [119.4, 32.4],
      [119.4, 32.3],
    ];
    const problems = [
      ...polygonProblems(null),
      ...polygonProblems({ type: "MultiPolygon", coordinates: 3 }),
      ...polygonProblems({ type: "Point", coordinates: [119.4, 32.3] }),
      ...polygonProblems({ type: "MultiPolygon", coordinates: [[], [square, "x"]] }),
      ...polygonProblems({ type: "MultiPolygon", coordinates: [[square.slice(0, 4)], [[...square.slice(0, 4), [119.4, 32.31]]]] }),
      ...positionsOutside({ type: "MultiPolygon", coordinates: [[square]] }, [118.6, 32.35, 120.2, 33.5]),
    ];
    expect(problems.length).toBeGreaterThanOrEqual(7);
    for (const problem of problems) expectWorded(problem);
  });

  it("gives every key a Chinese wording that is not the English one", () => {
    for (const key of REASON_KEYS) {
      expect(reasons.zh[key], key).toMatch(HAN);
      expect(reasons.zh[key], key).not.toBe(reasons.en[key]);
    }
  });

  it("shows a reason no pattern knows as the check wrote it", () => {
    expect(reasonMessage("a brand-new check")).toBeNull();
    expect(reasonText("a brand-new check", zh)).toBe("a brand-new check");
  });
});
