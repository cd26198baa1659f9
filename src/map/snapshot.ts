// A picture of the map without a reference to it: the element holding the map answers a
// synchronous DOM event with a copy of its canvas. The map's drawing buffer is not kept
// between frames (see IndustryMap), so reading the canvas directly would give a blank
// picture; the map redraws and copies within the event instead. No MapLibre here, so the
// share dialog and browser tests can use it without loading the map code.

export const SNAPSHOT_EVENT = "industry-map:snapshot";

export type SnapshotRequest = CustomEvent<{ take: (picture: HTMLCanvasElement) => void }>;

/** The current picture of the map inside `el`, or null when no map answers. */
export function requestSnapshot(el: Element): HTMLCanvasElement | null {
  let picture: HTMLCanvasElement | null = null;
  el.dispatchEvent(new CustomEvent(SNAPSHOT_EVENT, { detail: { take: (p: HTMLCanvasElement) => (picture = p) } }));
  return picture;
}
