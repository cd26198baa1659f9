import type { FilterSpecification, LayerSpecification, Map as MapLibreMap, VectorSourceSpecification } from "maplibre-gl";
import type { DatasetTiles } from "../domain/dataset/schema";
import type { AreaProps } from "./mapInput";
import { NEUTRAL_FILL } from "../domain/palette";
import { SOURCE_IDS } from "./style";

// A tiled dataset on the map (docs/data.md#tiled-datasets): the areas source becomes a vector
// source of the dataset's static tiles, or of its PMTiles archive, and the area layers read
// its layer. The tiles carry only `id` and `kind`; what the GeoJSON features carry besides
// (fill, pattern) depends on language, tiers and palette, so the layers read it by id from
// expressions made here. Loaded with import() by IndustryMap, only for a tiled dataset.

type TileSource = Omit<DatasetTiles, "areas">;

/** The feature properties a tiled area's layers read by id instead (AreaProps the tiles do not carry). */
const BY_ID = ["fill", "pattern"] as const satisfies readonly (keyof AreaProps)[];
const DEFAULTS: Record<(typeof BY_ID)[number], string> = { fill: NEUTRAL_FILL, pattern: "" };

/** The vector source of a tiled dataset: features addressed by their `id` property (promoteId). */
export function tileSource(tiles: TileSource): VectorSourceSpecification {
  const promoteId = { [tiles.layer]: "id" };
  if (tiles.pmtiles) return { type: "vector", url: `pmtiles://${tiles.pmtiles}`, promoteId };
  return { type: "vector", tiles: [tiles.url], minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, bounds: tiles.bounds, promoteId };
}

/** Loads what reading these tiles takes beyond MapLibre: the PMTiles reader, for an archive. */
export async function prepareTiles(tiles: TileSource): Promise<void> {
  if (tiles.pmtiles) (await import("./pmtilesProtocol")).registerPmtiles();
}

/**
 * Replaces the areas source with the tiled dataset's vector source, and its layers with the
 * same layers reading `tiles.layer` (each back in its place, with its paint as it stands).
 * Returns the layers as they were, the templates `paintByArea` fills in. After `prepareTiles`.
 */
export function useTileSource(map: MapLibreMap, tiles: TileSource): LayerSpecification[] {
  const all = map.getStyle().layers;
  const onAreas = (l: LayerSpecification) => "source" in l && l.source === SOURCE_IDS.areas;
  const areaLayers = all.filter(onAreas);
  for (const layer of areaLayers) map.removeLayer(layer.id);
  map.removeSource(SOURCE_IDS.areas);
  map.addSource(SOURCE_IDS.areas, tileSource(tiles));
  for (const layer of areaLayers) {
    const after = all.slice(all.indexOf(layer) + 1).find((l) => !onAreas(l));
    map.addLayer({ ...layer, "source-layer": tiles.layer } as LayerSpecification, after?.id);
  }
  return areaLayers;
}

/** `["get", "fill"]` and `["get", "pattern"]` in `value` (a filter or paint value), read by id from `areas` instead. */
export function byArea(value: unknown, areas: readonly AreaProps[]): unknown {
  if (!Array.isArray(value)) return value;
  const [op, name] = value as unknown[];
  if (op === "get" && value.length === 2 && (BY_ID as readonly unknown[]).includes(name)) {
    const key = name as (typeof BY_ID)[number];
    const ids = new Map<string, string[]>();
    for (const area of areas) {
      const v = area[key] ?? DEFAULTS[key];
      if (v !== DEFAULTS[key]) ids.set(v, [...(ids.get(v) ?? []), area.id]);
    }
    if (!ids.size) return DEFAULTS[key];
    return ["match", ["get", "id"], ...[...ids].flatMap(([v, group]) => [group, v]), DEFAULTS[key]];
  }
  return value.map((part) => byArea(part, areas));
}

/** Sets each area layer's filter and paint that read fill or pattern to their by-id form for `areas`. */
export function paintByArea(map: MapLibreMap, templates: readonly LayerSpecification[], areas: readonly AreaProps[]): void {
  for (const layer of templates) {
    if (!map.getLayer(layer.id)) continue;
    if ("filter" in layer && layer.filter) map.setFilter(layer.id, byArea(layer.filter, areas) as FilterSpecification);
    const paint = ("paint" in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
    for (const [property, value] of Object.entries(paint ?? {})) {
      const next = byArea(value, areas);
      if (JSON.stringify(next) !== JSON.stringify(value)) map.setPaintProperty(layer.id, property, next);
    }
  }
}
