import type { FeatureCollection, Polygon, MultiPolygon } from "geojson";
import type { Dataset, DatasetTiles, Tier } from "../domain/dataset/schema";
import { labelPoints } from "../domain/geometry/labelPoints";
import { industriesInTiers, passesIndustryFilter } from "../domain/layout";
import { datasetIndex } from "../domain/datasetIndex";
import { industryColour, NEUTRAL_FILL } from "../domain/palette";
import type { Lang } from "../domain/labels";
import type { UrlState } from "../domain/url/urlState";
import type { PlaceState } from "./placeState";
import type { OverlayLabel, OverlaySite } from "./PlaceOverlay";
import type { LngLat } from "../domain/geometry/lngLat";

// The pure step from store state to what the map draws. Split in two so that the
// expensive part (features, patterns) is rebuilt only when data, language, tiers or
// palette change, and the cheap part (per-feature state) on every other change.

/** The map image id of the stripes of these industries (one image per combination). */
function patternId(industryIds: readonly string[]): string {
  return `stripes:${industryIds.join("+")}`;
}

export interface AreaProps {
  id: string;
  kind: "county" | "zone";
  approximate: boolean;
  name: string;
  /** Solid fill colour (no industry, or exactly one). */
  fill: string;
  /** Pattern image id when the area carries two or more industries. */
  pattern: string | null;
  industryCount: number;
}

/** What the map draws: the areas source as MapLibre takes it, and the overlay's places as it takes them. */
export interface MapFeatures {
  areas: FeatureCollection<Polygon | MultiPolygon, AreaProps>;
  /** A tiled dataset's source (its polygons are not in `areas`) with each area's drawing properties; null for GeoJSON. */
  tiles: (Omit<DatasetTiles, "areas"> & { areas: AreaProps[] }) | null;
  labels: OverlayLabel[];
  sites: OverlaySite[];
  patterns: { id: string; colours: string[] }[];
}

export interface FeatureInputs {
  dataset: Dataset;
  lang: Lang;
  tiers: readonly Tier[];
  palette: Readonly<Record<string, string>>;
}

export function buildMapFeatures({ dataset, lang, tiers, palette }: FeatureInputs): MapFeatures {
  const { industriesByArea: byArea, areaById } = datasetIndex(dataset);
  const shown = industriesInTiers(dataset, tiers);
  const tierOf = new Map(dataset.industries.map((i) => [i.id, i.tier]));
  const colour = (id: string) => industryColour(id, tierOf.get(id) ?? "key", palette);
  const patterns = new Map<string, string[]>();

  const propsOf = (id: string, approximate: boolean): AreaProps => {
    const area = areaById.get(id)!;
    const industries = (byArea.get(area.id) ?? []).filter((i) => shown.has(i));
    let pattern: string | null = null;
    if (industries.length > 1) {
      pattern = patternId(industries);
      patterns.set(pattern, industries.map(colour));
    }
    return {
      id: area.id,
      kind: area.kind,
      approximate,
      name: (area.shortName ?? area.name)[lang],
      fill: industries.length === 1 ? colour(industries[0]!) : NEUTRAL_FILL,
      pattern,
      industryCount: industries.length,
    };
  };
  const areas: MapFeatures["areas"] = {
    type: "FeatureCollection",
    features: dataset.geometry.features.map((f) => ({
      type: "Feature",
      id: f.properties.id,
      properties: propsOf(f.properties.id, f.properties.approximate === true),
      geometry: f.geometry as unknown as Polygon | MultiPolygon,
    })),
  };
  // A tiled dataset's polygons are in its tiles: the map paints them by id from these.
  const tiles = dataset.tiles
    ? { ...dataset.tiles, areas: Object.entries(dataset.tiles.areas).map(([id, a]) => propsOf(id, a.approximate === true)) }
    : null;

  const points = labelPoints(dataset);
  const labels: OverlayLabel[] = dataset.areas
    .filter((a) => points.has(a.id))
    .map((a) => ({ id: a.id, kind: a.kind, name: (a.shortName ?? a.name)[lang], lngLat: points.get(a.id)! }));

  const sites: OverlaySite[] = dataset.sites.flatMap((s) =>
    s.position.precision === "none"
      ? []
      : [
          {
            id: s.id,
            name: s.name[lang],
            status: s.status,
            precision: s.position.precision,
            colour: s.industries[0] ? colour(s.industries[0]) : NEUTRAL_FILL,
            lngLat: [s.position.coordinates[0], s.position.coordinates[1]] as LngLat,
          },
        ],
  );

  return { areas, tiles, labels, sites, patterns: [...patterns].map(([id, colours]) => ({ id, colours })) };
}

export type { PlaceState } from "./placeState";

/** The county seats (the dots beside the county names). */
export function seatsOf(dataset: Dataset): { id: string; lngLat: LngLat }[] {
  return dataset.areas.flatMap((a) => (a.seat ? [{ id: a.id, lngLat: [a.seat[0], a.seat[1]] as LngLat }] : []));
}

/** Per-feature state for highlight, selection and the industry filter's dimming. */
export function buildPlaceStates(
  dataset: Dataset,
  view: Pick<UrlState, "industries" | "match" | "area" | "tiers">,
  hovered: string | null,
): Map<string, PlaceState> {
  const byArea = datasetIndex(dataset).industriesByArea;
  const states = new Map<string, PlaceState>();
  for (const area of dataset.areas) {
    states.set(area.id, {
      selected: view.area === area.id,
      hover: hovered === area.id,
      dimmed: !passesIndustryFilter(byArea.get(area.id) ?? [], view.industries, view.match),
    });
  }
  for (const site of dataset.sites) {
    states.set(site.id, {
      selected: view.area === site.id,
      hover: hovered === site.id,
      dimmed: !passesIndustryFilter(site.industries, view.industries, view.match),
    });
  }
  return states;
}

/**
 * The same states with the pointer moved from one place to another: the two places
 * change, every other state is kept as it is (a hover at national size was a rebuild and a
 * comparison of 13,000 states on every move of the pointer). Returns the new map and the
 * ids whose state changed.
 */
export function withHover(
  states: ReadonlyMap<string, PlaceState>,
  from: string | null,
  to: string | null,
): { states: Map<string, PlaceState>; changed: string[] } {
  const next = new Map(states);
  const changed: string[] = [];
  for (const [id, hover] of [
    [from, false],
    [to, true],
  ] as const) {
    const state = id === null ? undefined : next.get(id);
    if (!state || state.hover === hover) continue;
    next.set(id!, { ...state, hover });
    changed.push(id!);
  }
  return { states: next, changed };
}
