import type { Map as MapLibreMap } from "maplibre-gl";

/**
 * MapLibre keeps an entry for every feature whose state was ever set, removed ones included
 * (as an empty object), and hands all of them to every tile that arrives later: after a
 * filter has dimmed and then un-dimmed 3,000 areas, each tile a pan brings in walks 3,000
 * empty states, per layer. Once its changes are applied (nothing pending), an empty entry
 * means the same as none, so it is dropped. This reaches into MapLibre's private
 * `tileManagers[…]._state` (maplibre-gl 5.x); when that shape is not found it does nothing,
 * and `tests/e2e/feature-state.spec.ts` notices.
 */
export function dropEmptyFeatureStates(map: MapLibreMap, source: string, sourceLayer: string | undefined): void {
  const states = stateStoreOf(map, source);
  if (!states || !isEmpty(states.stateChanges) || !isEmpty(states.deletedStates)) return;
  const layer = states.state?.[sourceLayer ?? GEOJSON_LAYER];
  for (const id in layer) if (isEmpty(layer[id])) delete layer[id];
}

/** How many features of the source hold a state entry (empty or not), as MapLibre keeps them. */
export function featureStateEntries(map: MapLibreMap, source: string, sourceLayer: string | undefined): number | null {
  const state = stateStoreOf(map, source)?.state;
  return state ? Object.keys(state[sourceLayer ?? GEOJSON_LAYER] ?? {}).length : null;
}

/** MapLibre's private feature-state store of `source`, where found. */
function stateStoreOf(map: MapLibreMap, source: string): FeatureStates | undefined {
  const style = (map as unknown as { style?: { tileManagers?: Record<string, { _state?: FeatureStates }> } }).style;
  return style?.tileManagers?.[source]?._state;
}

/** The name MapLibre files a GeoJSON source's feature states under. */
const GEOJSON_LAYER = "_geojsonTileLayer";

interface FeatureStates {
  state?: Record<string, Record<string, object>>;
  stateChanges?: object;
  deletedStates?: object;
}

function isEmpty(value: object | undefined): boolean {
  for (const _ in value ?? {}) return false;
  return true;
}
