import { describe, expect, it } from "vitest";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { smallLayout } from "./smallLayout";
import { splitGround } from "../../../src/domain/overlap/publishedGround";
import { readPublishedFigures, readPublishedGround } from "../../../src/domain/overlap/publishedSchema";

const { figures, ground } = splitGround(analyseOverlaps(smallLayout));
const known = { areas: new Set(["c1", "z1", "c2"]), industries: new Set(["x", "y"]) };
/** The figures as the published file holds them: JSON, read back. */
const published = () => JSON.parse(JSON.stringify(figures)) as Record<string, unknown[]> & typeof figures;

describe("reading a published analysis", () => {
  it("takes the figures and the shapes the build writes", () => {
    const read = readPublishedFigures(published(), known);
    expect(read).toEqual({ ok: true, value: published() });
    expect(readPublishedGround(JSON.parse(JSON.stringify(ground)))).toEqual({ ok: true, value: ground });
  });

  it("refuses damaged figures, naming where (a truncated list, a text where a number goes, a shape left in)", () => {
    const noFindings = published() as Record<string, unknown>;
    delete noFindings.findings;
    expect(readPublishedFigures(noFindings, known)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^findings: /)] });

    const textKm2 = published();
    (textKm2.pairs[0] as unknown as Record<string, unknown>).overlapKm2 = "12";
    expect(readPublishedFigures(textKm2, known)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^pairs\.0\.overlapKm2: /)] });

    const numberId = published();
    (numberId.industries[0]!.areas as unknown[])[0] = 7;
    expect(readPublishedFigures(numberId, known)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^industries\.0\.areas: /)],
    });

    const withShape = published();
    const finding = withShape.findings.find((f) => f.kind === "same-ground")!;
    (finding as unknown as Record<string, unknown>).geometry = ground[`${finding.areas[0]}+${finding.areas[1]}`];
    expect(readPublishedFigures(withShape, known)).toMatchObject({ ok: false });

    expect(readPublishedFigures("<html>Not found</html>", known)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^\(root\): /)],
    });
  });

  it("refuses another dataset's figures: every area and industry named must be the dataset's", () => {
    const read = readPublishedFigures(published(), { areas: new Set(["c1", "c2"]), industries: known.industries });
    expect(read).toEqual({ ok: false, problems: [expect.stringContaining("area z1")] });
    const noY = readPublishedFigures(published(), { areas: known.areas, industries: new Set(["x"]) });
    expect(noY).toEqual({ ok: false, problems: [expect.stringContaining("industry y")] });
  });

  it("refuses shapes that are not polygon features", () => {
    const key = Object.keys(ground)[0]!;
    expect(readPublishedGround({ [key]: { type: "Feature", geometry: { type: "LineString", coordinates: [] } } })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining(`${key}.geometry.type`)],
    });
    expect(readPublishedGround([1, 2])).toMatchObject({ ok: false });
  });
});
