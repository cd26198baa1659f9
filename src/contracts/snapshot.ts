// A picture of the map for tools outside the app's imports (the browser tests read the
// map's pixels this way): the element holding the map answers a synchronous DOM event with
// a copy of its canvas. The map's drawing buffer is not kept between frames (see
// IndustryMap), so reading the canvas directly would give a blank picture; the map redraws
// and copies within the event instead. The app itself asks the map host (MapHost's
// takeMapSnapshot), not the DOM.

export const SNAPSHOT_EVENT = "industry-map:snapshot";

export type SnapshotRequest = CustomEvent<{ take: (picture: HTMLCanvasElement) => void }>;

/**
 * The message of the error a framed picture (a printed profile's map) rejects with when the
 * reader touched the map while it was being taken: the reader's camera came back at once and
 * the gesture went on; the picture is asked for again later.
 */
export const FRAMING_INTERRUPTED = "industry-map:framing-interrupted";
