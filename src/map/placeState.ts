// A place's flags on the map: feature state for areas, classes for the HTML markers. Built
// by mapInput, compared by the map class and the marker overlay.

export interface PlaceState {
  selected: boolean;
  hover: boolean;
  dimmed: boolean;
}

/** A place with no flag set: how a place with no state at all is drawn and shown. */
export const NO_PLACE_STATE: PlaceState = { selected: false, hover: false, dimmed: false };

export function samePlaceState(a: PlaceState, b: PlaceState): boolean {
  return a.selected === b.selected && a.hover === b.hover && a.dimmed === b.dimmed;
}
