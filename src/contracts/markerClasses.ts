// Class names of the HTML places pinned on the map. PlaceOverlay writes them, the
// stylesheet styles them, and the picture of the map (composeMapImage) reads them back to
// draw the same places; none of the three imports the others, so the names live here.

export const MARKER_CLASSES = {
  /** The layer holding every place element; a pan moves it as a whole. */
  layer: "place-layer",
  /**
   * A still copy of the map and its places, over the live map while that is framed for a
   * picture: a picture reads the live places, never the copy's.
   */
  cover: "place-cover",
  label: "map-label",
  seat: "map-seat",
  site: "map-site",
  /** A place of a kind the reader has switched off. */
  kindHidden: "kind-hidden",
  /** A label that did not fit beside its neighbours. */
  collided: "collided",
  selected: "selected",
  hover: "hover",
  dimmed: "dimmed",
} as const;

/** The class of a site marker's position precision, e.g. `precision-town`. */
export function precisionClass(precision: string): string {
  return `precision-${precision}`;
}
