import { describe, expect, it } from "vitest";
import { placeLabels, type LabelToPlace } from "../../../src/map/placeLabels";

const label = (x: number, y: number, priority = 0, half: [number, number] = [20, 8]): LabelToPlace => ({ at: [x, y], half, priority });

describe("placeLabels", () => {
  it("centres a label that has room", () => {
    expect(placeLabels([label(100, 100)], [])).toEqual([[0, 0]]);
  });

  it("moves a label off a marker: above first", () => {
    expect(placeLabels([label(100, 100)], [{ at: [100, 100], radius: 4 }])).toEqual([[0, -14]]);
  });

  it("tries above, below, right, then left, avoiding the markers", () => {
    const at = (x: number, y: number) => ({ at: [x, y] as const, radius: 2 });
    const centre = at(100, 100);
    const above = at(100, 86);
    const below = at(100, 114);
    const right = at(128, 100);
    const left = at(72, 100);
    expect(placeLabels([label(100, 100)], [centre, above])).toEqual([[0, 14]]);
    expect(placeLabels([label(100, 100)], [centre, above, below])).toEqual([[28, 0]]);
    expect(placeLabels([label(100, 100)], [centre, above, below, right])).toEqual([[-28, 0]]);
    expect(placeLabels([label(100, 100)], [centre, above, below, right, left])).toEqual([null]);
  });

  it("shows a label that must show at its centre when every position touches a marker, and keeps others off it", () => {
    const marker = (x: number, y: number) => ({ at: [x, y] as const, radius: 2 });
    // centre, above, below, right, left: every position touches one
    const markers = [marker(100, 100), marker(100, 86), marker(100, 114), marker(128, 100), marker(72, 100)];
    const must = { ...label(100, 100, -1), always: true };
    expect(placeLabels([must], markers)).toEqual([[0, 0]]);
    expect(placeLabels([label(100, 100, 0), must], markers)).toEqual([null, [0, 0]]);
  });

  it("hides the later of two labels on the same place", () => {
    expect(placeLabels([label(100, 100, 0), label(100, 100, 1)], [])).toEqual([[0, 0], null]);
  });

  it("places by priority, answering in the order given", () => {
    // The second label comes first by priority, so it keeps the place; the first is hidden.
    expect(placeLabels([label(100, 100, 2), label(100, 100, -1)], [])).toEqual([null, [0, 0]]);
  });

  it("keeps the given order among equal priorities", () => {
    expect(placeLabels([label(0, 0, 1), label(0, 0, 1)], [])).toEqual([[0, 0], null]);
  });

  it("lets labels that do not touch sit side by side", () => {
    expect(placeLabels([label(0, 0), label(41, 0)], [])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});
