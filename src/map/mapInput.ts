import type { Feature, FeatureCollection, Polygon, MultiPolygon } from "geojson";
import centroid from "@turf/centroid";
import bbox from "@turf/bbox";
import type { Dataset, Tier } from "../domain/dataset/schema";
import { containsPoint, interiorPoint } from "../domain/geometry/pointInPolygon";
import { industriesInTiers, passesIndustryFilter } from "../domain/layout";
import { datasetIndex } from "../domain/datasetIndex";
import { industryColour, NEUTRAL_FILL } from "../domain/palette";
import type { Lang } from "../domain/labels";
import type { UrlState } from "../domain/url/urlState";
import type { PlaceState } from "./placeState";
import type { OverlayLabel, OverlaySite } from "./PlaceOverlay";
import type { Bounds, LngLat } from "../domain/geometry/lngLat";

// The pure step from store state to what the map draws. Split in two so that the
// expensive part (features, patterns) is rebuilt only when data, language, tiers or
// palette change, and the cheap part (per-feature state) on every other change.

/** The map image id of the stripes of these industries (one image per combination). */
function patternId(industryIds: readonly string[]): string {
  return `stripes:${industryIds.join("+")}`;
}

interface AreaProps {
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

const labelPointCache = new WeakMap<Dataset, Map<string, LngLat>>();

type Shape = Feature<Polygon | MultiPolygon>;

/**
 * A point inside each area for its label, computed once per dataset. A county whose
 * centre falls inside a functional zone gets a point on its own ground instead, so the
 * county's name never reads as the zone's.
 */
function labelPoints(dataset: Dataset): Map<string, LngLat> {
  let points = labelPointCache.get(dataset);
  if (points) return points;
  points = new Map();
  const shapes = new Map(dataset.geometry.features.map((f) => [f.properties.id, f as unknown as Shape]));
  // Each zone with its bounding box: at national size (3,000 areas, 300 zones) testing every
  // point against every zone polygon took ≈ 0.7 s; the box test leaves one or two candidates.
  const zones = dataset.areas
    .filter((a) => a.kind === "zone" && shapes.has(a.id))
    .map((a) => ({ shape: shapes.get(a.id)!, box: bbox(shapes.get(a.id)!) as Bounds }));
  const zoneShapes = new Set(zones.map((z) => z.shape));
  const inZone = (p: LngLat) =>
    zones.some(({ shape, box: [w, s, e, n] }) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n && containsPoint(shape.geometry, p));
  for (const [id, shape] of shapes) {
    const isZone = zoneShapes.has(shape);
    const clear = (p: LngLat) => containsPoint(shape.geometry, p) && (isZone || !inZone(p));
    const c = centroid(shape).geometry.coordinates as LngLat;
    points.set(id, clear(c) ? c : (openGroundNear(shape, c, clear) ?? interiorPoint(shape.geometry) ?? c));
  }
  labelPointCache.set(dataset, points);
  return points;
}

/** The grid point nearest `target` whose neighbours are also clear: room for a label. */
function openGroundNear(shape: Shape, target: LngLat, clear: (p: LngLat) => boolean): LngLat | null {
  const [w, s, e, n] = bbox(shape) as Bounds;
  const steps = 24;
  const dx = (e - w) / steps;
  const dy = (n - s) / steps;
  let best: LngLat | null = null;
  let bestDistance = Infinity;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p: LngLat = [w + i * dx, s + j * dy];
      const d = Math.hypot(p[0] - target[0], p[1] - target[1]);
      if (d >= bestDistance || !clear(p)) continue;
      const roomy = [
        [dx, 0],
        [-dx, 0],
        [0, dy],
        [0, -dy],
      ].every(([ox, oy]) => clear([p[0] + ox!, p[1] + oy!]));
      if (roomy) {
        best = p;
        bestDistance = d;
      }
    }
  }
  return best;
}

export function buildMapFeatures({ dataset, lang, tiers, palette }: FeatureInputs): MapFeatures {
  const { industriesByArea: byArea, areaById } = datasetIndex(dataset);
  const shown = industriesInTiers(dataset, tiers);
  const tierOf = new Map(dataset.industries.map((i) => [i.id, i.tier]));
  const colour = (id: string) => industryColour(id, tierOf.get(id) ?? "key", palette);
  const patterns = new Map<string, string[]>();

  const areas: MapFeatures["areas"] = {
    type: "FeatureCollection",
    features: dataset.geometry.features.map((f) => {
      const area = areaById.get(f.properties.id)!;
      const industries = (byArea.get(area.id) ?? []).filter((i) => shown.has(i));
      let pattern: string | null = null;
      if (industries.length > 1) {
        pattern = patternId(industries);
        patterns.set(pattern, industries.map(colour));
      }
      return {
        type: "Feature",
        id: area.id,
        properties: {
          id: area.id,
          kind: area.kind,
          approximate: f.properties.approximate === true,
          name: (area.shortName ?? area.name)[lang],
          fill: industries.length === 1 ? colour(industries[0]!) : NEUTRAL_FILL,
          pattern,
          industryCount: industries.length,
        },
        geometry: f.geometry as unknown as Polygon | MultiPolygon,
      };
    }),
  };

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

  return { areas, labels, sites, patterns: [...patterns].map(([id, colours]) => ({ id, colours })) };
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
