// Placed boxes on screen, found by where they are: a uniform grid of square cells, each
// holding the boxes that reach into it. Label placement asks, for every candidate box,
// whether any placed box overlaps it; against a plain list that is every placed box each
// time (millions of tests in one pan at national size), against the grid only the few in
// the candidate's cells.

/** An axis-aligned box on screen, in CSS pixels: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Open boxes: touching edges do not overlap. */
export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

// Cells are keyed by one number: column and row, each shifted to be non-negative, side by
// side. Screen points far outside any viewport (±2^20 cells) are clamped to the last cell,
// which keeps the answers right (such a cell only holds more boxes).
const SHIFT = 2 ** 20;
const ROW = 2 ** 21;
const clampCell = (c: number) => Math.min(SHIFT - 1, Math.max(-SHIFT, c)) + SHIFT;

export class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  /** `cell`: the cells' side in CSS pixels; about the size of a typical box. */
  constructor(private readonly cell = 64) {}

  private cols(box: Box): [number, number] {
    return [clampCell(Math.floor(box.x0 / this.cell)), clampCell(Math.floor(box.x1 / this.cell))];
  }

  private rows(box: Box): [number, number] {
    return [clampCell(Math.floor(box.y0 / this.cell)), clampCell(Math.floor(box.y1 / this.cell))];
  }

  add(box: Box): void {
    const [c0, c1] = this.cols(box);
    const [r0, r1] = this.rows(box);
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const key = c * ROW + r;
        const cell = this.cells.get(key);
        if (cell) cell.push(box);
        else this.cells.set(key, [box]);
      }
    }
  }

  /** Whether any box added so far overlaps `box`. */
  hits(box: Box): boolean {
    const [c0, c1] = this.cols(box);
    const [r0, r1] = this.rows(box);
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const cell = this.cells.get(c * ROW + r);
        if (!cell) continue;
        for (const other of cell) if (overlaps(box, other)) return true;
      }
    }
    return false;
  }
}
