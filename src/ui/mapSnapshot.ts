// The picture of the map, routed through the map host: MapHost registers the shown map's
// snapshot here, and the share dialog and the printed profile ask for it, so no UI code but
// MapHost imports src/map. A module of its own (not MapHost) so that asking pulls in no map code.

import type { Bounds } from "../domain/geometry/lngLat";

/** Runs `withPicture` with a picture of `bounds` at `pixelRatio`, the map framed on them meanwhile (IndustryMap.framed). */
export type FramedSnapshot = <R>(
  bounds: Bounds,
  pixelRatio: number,
  withPicture: (picture: HTMLCanvasElement) => R,
  signal?: AbortSignal,
) => Promise<R>;

let take: (() => HTMLCanvasElement) | null = null;
let framed: FramedSnapshot | null = null;

/** Called by MapHost when a map is shown (its snapshots) or removed (null). */
export function registerMapSnapshot(fns: { take: () => HTMLCanvasElement; framed: FramedSnapshot } | null): void {
  take = fns?.take ?? null;
  framed = fns?.framed ?? null;
}

/** A copy of the map's current picture, or null when no map is shown. */
export function takeMapSnapshot(): HTMLCanvasElement | null {
  return take ? take() : null;
}

/** `withPicture` run on a picture of the map framed on `bounds`; null when no map is shown. */
export function takeFramedMapSnapshot<R>(
  bounds: Bounds,
  pixelRatio: number,
  withPicture: (picture: HTMLCanvasElement) => R,
  signal?: AbortSignal,
): Promise<R> | null {
  return framed ? framed(bounds, pixelRatio, withPicture, signal) : null;
}
