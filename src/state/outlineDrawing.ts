import type { Polygon } from "geojson";
import type { WorkbenchStore } from "./workbench";

// Drawing an outline on the workbench's map, as state: the outline dialog starts it (from
// nothing, or from the area's current outline to modify), the map host runs the drawing
// tool while it is set and reports each finished or edited outline back here, and the
// dialog reads it. Nothing else draws on the map meanwhile (a click selects no record).

export interface OutlineDrawing {
  /** The outline to modify, or null to draw a new one. */
  initial: Polygon | null;
  /** The outline as drawn so far (null until one is closed). */
  geometry: Polygon | null;
}

export function startDrawing(store: WorkbenchStore, initial: Polygon | null): void {
  store.setState({ drawing: { initial, geometry: initial } });
}

export function drawn(store: WorkbenchStore, geometry: Polygon | null): void {
  const { drawing } = store.getState();
  if (drawing) store.setState({ drawing: { ...drawing, geometry } });
}

export function stopDrawing(store: WorkbenchStore): void {
  if (store.getState().drawing) store.setState({ drawing: null });
}
