// Label placement without the map or the page: screen points and sizes in, offsets out.
// PlaceOverlay projects the places and measures the labels, then applies the answer.
import { BoxGrid } from "./boxGrid";

/** A point on screen, in CSS pixels. */
type ScreenPoint = readonly [x: number, y: number];
/** A label's offset from its anchor point, in CSS pixels. */
export type LabelOffset = [dx: number, dy: number];
/** Half a label's width and height, in CSS pixels. */
export type HalfSize = readonly [w: number, h: number];

export interface LabelToPlace {
  at: ScreenPoint;
  /** Half the label's width and height (with its margin). */
  half: HalfSize;
  /** Lower goes first. */
  priority: number;
  /** Shown wherever it is (the selected place's): at its centre, over markers, when nowhere is free. */
  always?: boolean;
}

/** A marker (seat or site) that labels must not cover: a square of `radius` around `at`. */
export interface Obstacle {
  at: ScreenPoint;
  radius: number;
}

/**
 * Places labels by priority: each takes the first of centre / above / below / right / left
 * that overlaps neither a label placed before it nor a marker; a label that must show and
 * finds no such place takes its centre. Returns, in the order given, each label's offset, or
 * null for a label hidden until there is room.
 */
export function placeLabels(labels: readonly LabelToPlace[], obstacles: readonly Obstacle[]): (LabelOffset | null)[] {
  const placed = new BoxGrid();
  for (const {
    at: [x, y],
    radius: r,
  } of obstacles)
    placed.add({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
  const result: (LabelOffset | null)[] = labels.map(() => null);
  // A stable sort: labels of equal priority keep the order they were given in.
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.priority - labels[b]!.priority);
  for (const i of order) {
    const {
      at: [x, y],
      half: [w, h],
    } = labels[i]!;
    const offsets: LabelOffset[] = [
      [0, 0],
      [0, -(h + 6)],
      [0, h + 6],
      [w + 8, 0],
      [-(w + 8), 0],
    ];
    const boxAt = ([dx, dy]: LabelOffset) => ({ x0: x + dx - w, y0: y + dy - h, x1: x + dx + w, y1: y + dy + h });
    const fit = offsets.find((offset) => !placed.hits(boxAt(offset))) ?? (labels[i]!.always ? offsets[0] : undefined);
    if (fit) {
      placed.add(boxAt(fit));
      result[i] = fit;
    }
  }
  return result;
}
