import { describe, expect, it } from "vitest";
import { analyseOverlaps } from "../../../src/domain/overlap/analyseOverlaps";
import { smallLayout } from "./smallLayout";
import { joinGround, splitGround } from "../../../src/domain/overlap/publishedGround";

const analysis = analyseOverlaps(smallLayout);

describe("a published analysis: figures and shapes apart", () => {
  it("splits every shape out of the figures, and joins them back to the same analysis", () => {
    const { figures, ground } = splitGround(analysis);
    expect(figures.pairs.every((p) => p.intersection === null)).toBe(true);
    expect(figures.findings.every((f) => f.geometry === null)).toBe(true);
    expect(JSON.stringify(figures)).not.toContain("coordinates");
    // every figure is kept
    expect(figures.findings.map((f) => [f.id, f.weight, f.figures])).toEqual(analysis.findings.map((f) => [f.id, f.weight, f.figures]));
    expect(JSON.parse(JSON.stringify(joinGround(figures, ground)))).toEqual(JSON.parse(JSON.stringify(analysis)));
  });

  it("files a same-ground finding's shape once, under its pair", () => {
    const { ground } = splitGround(analysis);
    const sameGround = analysis.findings.filter((f) => f.kind === "same-ground");
    expect(sameGround.length).toBeGreaterThan(0);
    for (const f of sameGround) expect(Object.keys(ground)).not.toContain(f.id);
    const overlapping = analysis.pairs.filter((p) => p.intersection).map((p) => `${p.a}+${p.b}`);
    const others = analysis.findings.filter((f) => f.geometry && f.kind !== "same-ground").map((f) => f.id);
    expect(Object.keys(ground).sort()).toEqual([...overlapping, ...others].sort());
  });

  it("leaves a shape the ground lacks null, and reads no inherited key", () => {
    const { figures } = splitGround(analysis);
    const joined = joinGround(figures, JSON.parse('{"__proto__": {"type": "Feature"}}'));
    expect(joined.pairs.every((p) => p.intersection === null)).toBe(true);
    expect(joined.findings.every((f) => f.geometry === null)).toBe(true);
  });
});
