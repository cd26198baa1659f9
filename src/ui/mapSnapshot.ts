// The picture of the map, routed through the map host: MapHost registers the shown map's
// snapshot here, and the share dialog asks for it, so no UI code but MapHost imports src/map.
// A module of its own (not MapHost) so that asking pulls in no map code.

let take: (() => HTMLCanvasElement) | null = null;

/** Called by MapHost when a map is shown (a function) or removed (null). */
export function registerMapSnapshot(fn: (() => HTMLCanvasElement) | null): void {
  take = fn;
}

/** A copy of the map's current picture, or null when no map is shown. */
export function takeMapSnapshot(): HTMLCanvasElement | null {
  return take ? take() : null;
}
