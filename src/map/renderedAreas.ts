import type { Map as MapLibreMap } from "maplibre-gl";

// The areas drawn in the viewport, for the map element's `data-rendered` record.
//
// MapLibre answers "what is drawn here" with queryRenderedFeatures, which over the whole
// viewport loads and tests every drawn feature's geometry: ≈ 200 ms in one task for the
// national set, at every idle (a hover's repaint included). Two things keep that off the
// frames: the answer is kept until what it depends on changes (camera, canvas size, the
// visible layers, the data), and for a large dataset the viewport is asked box by box, a
// task each when the page is idle, so frames and input come first. The union of the boxes'
// answers is the whole viewport's: each box is closed and together they cover it.

/** Boxes per side of the viewport's grid when the query is split. */
const GRID = 4;

/** A box waits at most this long for an idle moment (a long pan has none). */
const IDLE_TIMEOUT_MS = 1000;

type Box = [[number, number], [number, number]];

/**
 * Runs `task` when the page has no frame to draw nor input to answer: the boxes' queries
 * compete with a pan's frames otherwise (national set, over a pan: ≈ 300 ms of them).
 * Where there is no requestIdleCallback (Safari), in a task of its own.
 */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task);
}

/** The `side` × `side` boxes that together cover a `width` × `height` viewport (CSS px). */
export function viewportBoxes(width: number, height: number, side: number): Box[] {
  const boxes: Box[] = [];
  for (let row = 0; row < side; row++)
    for (let col = 0; col < side; col++)
      boxes.push([
        [(width * col) / side, (height * row) / side],
        [(width * (col + 1)) / side, (height * (row + 1)) / side],
      ]);
  return boxes;
}

export class RenderedAreas {
  /** What the kept answer was for, and the answer. */
  private key = "";
  private ids: readonly string[] = [];
  /** The split query under way (its key), if any; a newer one replaces it. */
  private pending: string | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /**
   * Hands `write` the ids of the areas drawn in `layers`: at once when nothing they depend on
   * changed since the last answer, or when the query is not split; otherwise after the last
   * box's task, unless the camera, size, layers or `version` (the data's) changed meanwhile.
   */
  update(layers: readonly string[], version: number, split: boolean, write: (ids: readonly string[]) => void): void {
    const key = this.keyOf(layers, version);
    if (key === this.key) return write(this.ids);
    if (key === this.pending) return;
    if (!split) {
      this.pending = null;
      return write(this.keep(key, this.query(undefined, layers)));
    }
    this.pending = key;
    const { clientWidth, clientHeight } = this.map.getContainer();
    const boxes = viewportBoxes(clientWidth, clientHeight, GRID);
    const found = new Set<string>();
    const step = (index: number) => {
      if (this.pending !== key || this.keyOf(layers, version) !== key) {
        if (this.pending === key) this.pending = null;
        return;
      }
      for (const id of this.query(boxes[index], layers)) found.add(id);
      if (index + 1 < boxes.length) whenIdle(() => step(index + 1));
      else {
        this.pending = null;
        write(this.keep(key, [...found]));
      }
    };
    whenIdle(() => step(0));
  }

  /** Drops a split query under way (the map is going away). */
  stop(): void {
    this.pending = null;
  }

  private query(box: Box | undefined, layers: readonly string[]): string[] {
    const options = { layers: [...layers] };
    const features = box ? this.map.queryRenderedFeatures(box, options) : this.map.queryRenderedFeatures(options);
    return features.map((f) => String(f.properties.id));
  }

  private keep(key: string, ids: string[]): readonly string[] {
    this.key = key;
    this.ids = [...new Set(ids)];
    return this.ids;
  }

  private keyOf(layers: readonly string[], version: number): string {
    const { lng, lat } = this.map.getCenter();
    const { clientWidth, clientHeight } = this.map.getContainer();
    return [version, this.map.getZoom(), lng, lat, this.map.getBearing(), this.map.getPitch(), clientWidth, clientHeight, ...layers].join(
      "/",
    );
  }
}
