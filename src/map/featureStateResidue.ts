import type { Map as MapLibreMap } from "maplibre-gl";

/**
 * MapLibre keeps an entry for every feature whose state was ever set, removed ones included
 * (as an empty object), and hands all of them to every tile that arrives later: after a
 * filter has dimmed and then un-dimmed 3,000 areas, each tile a pan brings in walks 3,000
 * empty states, per layer. Even one empty entry, or an empty source layer, costs: a tile
 * arriving while the store holds any key parses its whole vector tile on the main thread
 * (`Tile.setFeatureState` returns early only for a store with no keys at all). Once its
 * changes are applied (nothing pending), an empty entry means the same as none, so it is
 * dropped, and so is a source layer left with none. Returns whether the store was clean
 * (false: changes were still pending, or the shape was not found). This reaches into MapLibre's private
 * `tileManagers[…]._state` (maplibre-gl 5.x); when that shape is not found it does nothing,
 * and `tests/e2e/feature-state.spec.ts` notices.
 */
export function dropEmptyFeatureStates(map: MapLibreMap, { source, sourceLayer }: StateSource): boolean {
  const states = stateStoreOf(map, source);
  if (!states?.state || !isEmpty(states.stateChanges) || !isEmpty(states.deletedStates)) return false;
  const key = sourceLayer ?? GEOJSON_LAYER;
  const layer = states.state[key];
  for (const id in layer) if (isEmpty(layer[id])) delete layer[id];
  // MapLibre reads every source layer with a `|| {}` fallback, so a missing one is safe.
  if (layer && isEmpty(layer)) delete states.state[key];
  return true;
}

/**
 * How many features of the source hold a state entry (empty or not), as MapLibre keeps them,
 * and how many source layers the store keeps (each one, even empty, costs an arriving tile a parse).
 */
export function featureStateEntries(map: MapLibreMap, { source, sourceLayer }: StateSource): { entries: number; layers: number } | null {
  const state = stateStoreOf(map, source)?.state;
  return state ? { entries: Object.keys(state[sourceLayer ?? GEOJSON_LAYER] ?? {}).length, layers: Object.keys(state).length } : null;
}

/** A source's feature states, as MapLibre files them: a vector source's by its source layer. */
interface StateSource {
  source: string;
  sourceLayer?: string;
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
