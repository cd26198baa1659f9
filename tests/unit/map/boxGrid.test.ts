import { describe, expect, it } from "vitest";
import { BoxGrid, overlaps, type Box } from "../../../src/map/boxGrid";

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });

describe("BoxGrid", () => {
  it("finds nothing when empty", () => {
    expect(new BoxGrid().hits(box(0, 0, 10, 10))).toBe(false);
  });

  it("finds a box that overlaps, in the same cell or across cells", () => {
    const grid = new BoxGrid(10);
    grid.add(box(5, 5, 35, 8)); // spans four columns of one row
    expect(grid.hits(box(30, 0, 40, 6))).toBe(true);
    expect(grid.hits(box(0, 0, 6, 6))).toBe(true);
    expect(grid.hits(box(36, 0, 40, 6))).toBe(false);
  });

  it("does not count touching edges as overlap", () => {
    const grid = new BoxGrid(10);
    grid.add(box(0, 0, 10, 10));
    expect(grid.hits(box(10, 0, 20, 10))).toBe(false);
    expect(grid.hits(box(0, 10, 10, 20))).toBe(false);
    expect(grid.hits(box(9.5, 9.5, 20, 20))).toBe(true);
  });

  it("handles negative coordinates and boxes far off screen", () => {
    const grid = new BoxGrid(16);
    grid.add(box(-40, -40, -20, -30));
    grid.add(box(1e9, 1e9, 1e9 + 10, 1e9 + 10));
    expect(grid.hits(box(-25, -35, 0, 0))).toBe(true);
    expect(grid.hits(box(-19, -35, 0, 0))).toBe(false);
    expect(grid.hits(box(1e9 + 5, 1e9 + 5, 1e9 + 6, 1e9 + 6))).toBe(true);
    expect(grid.hits(box(-1e9, -1e9, -1e9 + 6, -1e9 + 6))).toBe(false);
  });

  it("finds a box much larger than a cell from inside it", () => {
    const grid = new BoxGrid(8);
    grid.add(box(0, 0, 200, 100));
    expect(grid.hits(box(90, 40, 91, 41))).toBe(true);
  });

  it("answers as a test against every box would, on random boxes", () => {
    // A small deterministic generator: the same boxes on every run.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1600 - 100;
    const grid = new BoxGrid(64);
    const all: Box[] = [];
    for (let n = 0; n < 400; n++) {
      const x = rand();
      const y = rand();
      const candidate = box(x, y, x + Math.abs(rand()) / 10 + 1, y + Math.abs(rand()) / 40 + 1);
      expect(grid.hits(candidate)).toBe(all.some((b) => overlaps(candidate, b)));
      if (n % 2 === 0) {
        grid.add(candidate);
        all.push(candidate);
      }
    }
  });
});
