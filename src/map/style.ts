import type { StyleSpecification, LayerSpecification, ExpressionSpecification } from "maplibre-gl";

// The base style has no remote sources, no `glyphs` and no symbol layers: labels, seats
// and sites are HTML pinned to the map (PlaceOverlay), so nothing is requested from
// another origin and no glyph range can 404.

const EMPTY = { type: "FeatureCollection" as const, features: [] };

/** True for a place the filters leave out (feature state `dimmed`). */
const dimmed: ExpressionSpecification = ["boolean", ["feature-state", "dimmed"], false];
const selected: ExpressionSpecification = ["boolean", ["feature-state", "selected"], false];
const hovered: ExpressionSpecification = ["boolean", ["feature-state", "hover"], false];

/**
 * A constant written as a feature expression. MapLibre compiles one shader program per
 * layer type *and* mix of constant / per-feature properties; under software WebGL each
 * compile costs hundreds of milliseconds at start-up. Giving every layer of a type the
 * same mix lets them share one program.
 */
function sameAs(value: string | number): ExpressionSpecification {
  return ["case", selected, value, value] as ExpressionSpecification;
}

/** Every source of the style, by name. */
export const SOURCE_IDS = {
  context: "context",
  areas: "areas",
  highlight: "highlight",
} as const;

/** Every layer of the style, by name (the basemap's raster layers are named by their sources, see tianditu.ts). */
export const LAYER_IDS = {
  background: "background",
  neighbourLine: "neighbour-line",
  countyFill: "county-fill",
  countyPattern: "county-pattern",
  countyLine: "county-line",
  cityOutline: "city-outline",
  zoneFill: "zone-fill",
  zonePattern: "zone-pattern",
  zoneLineHalo: "zone-line-halo",
  zoneLine: "zone-line",
  highlightFill: "highlight-fill",
  highlightLine: "highlight-line",
  highlightAreaFill: "highlight-area-fill",
  highlightAreaLine: "highlight-area-line",
} as const;

/** The image the highlight layer hatches its ground with. */
export const HATCH_IMAGE = "hatch";

/** Layers that answer hover and click, in order of precedence (zones over counties; sites are HTML). */
export const INTERACTIVE_LAYERS = [LAYER_IDS.zoneFill, LAYER_IDS.zonePattern, LAYER_IDS.countyFill, LAYER_IDS.countyPattern];

function areaLayers(kind: "county" | "zone"): LayerSpecification[] {
  const isZone = kind === "zone";
  const filter: ExpressionSpecification = ["==", ["get", "kind"], kind];
  // Zones sit on top of counties: nearly opaque, so their colours never blend with the
  // county's into a third colour that means nothing.
  const base = isZone ? 0.92 : 0.88;
  return [
    {
      id: isZone ? LAYER_IDS.zoneFill : LAYER_IDS.countyFill,
      type: "fill",
      source: SOURCE_IDS.areas,
      filter: ["all", filter, ["!", ["to-boolean", ["get", "pattern"]]]],
      paint: {
        // Outlines come from the line layers; skipping the fill's own outline pass saves
        // a shader program (compiling them dominates start-up under software WebGL).
        "fill-antialias": false,
        "fill-color": ["get", "fill"],
        "fill-opacity": ["case", dimmed, 0.18, hovered, Math.min(1, base + 0.1), base],
      },
    },
    {
      id: isZone ? LAYER_IDS.zonePattern : LAYER_IDS.countyPattern,
      type: "fill",
      source: SOURCE_IDS.areas,
      filter: ["all", filter, ["to-boolean", ["get", "pattern"]]],
      paint: {
        "fill-antialias": false,
        "fill-pattern": ["get", "pattern"],
        "fill-opacity": ["case", dimmed, 0.18, hovered, 1, 0.95],
      },
    },
  ];
}

/** The county fills over a 天地图 basemap: translucent, so the streets show through. */
export const BASEMAP_FILL_OPACITY: ExpressionSpecification = ["case", dimmed, 0.1, 0.45];

/** Margin around each GeoJSON tile, in pixels of a 512 px tile (see baseStyle). */
const TILE_BUFFER = 16;

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    // No paint transitions: under software WebGL every transition frame is a full, slow
    // repaint, and a filter click should land at once.
    transition: { duration: 0, delay: 0 },
    // Tiles cut with a 16 px margin instead of MapLibre's 128 (a quarter tile a side, so
    // each tile drew 2.25× its own area in fills that the stencil then discarded). The map
    // has no GL labels, and 16 px still covers the widest line (5 px) and its joins. Under
    // software WebGL, repainting the national set with one fill and one line layer took a
    // median 149 → 96 ms a frame (bench/bare.ts, same camera); the app's frames while
    // dragging it, with its stripes and dashes, ≈ 8 % less; MapLibre's worker holds 18 → 12 MB.
    sources: {
      [SOURCE_IDS.context]: { type: "geojson", data: EMPTY, buffer: TILE_BUFFER },
      [SOURCE_IDS.areas]: { type: "geojson", data: EMPTY, promoteId: "id", buffer: TILE_BUFFER },
      [SOURCE_IDS.highlight]: { type: "geojson", data: EMPTY, buffer: TILE_BUFFER },
    },
    layers: [
      // Land-coloured background: the neighbours need no fill of their own (one less
      // full-screen pass under software WebGL), only their borders.
      { id: LAYER_IDS.background, type: "background", paint: { "background-color": "#f4f2ec" } },
      {
        id: LAYER_IDS.neighbourLine,
        type: "line",
        source: SOURCE_IDS.context,
        filter: ["==", ["get", "role"], "neighbour"],
        paint: { "line-color": sameAs("#c4beb2"), "line-width": sameAs(0.8), "line-opacity": sameAs(1) },
      },
      ...areaLayers("county"),
      {
        id: LAYER_IDS.countyLine,
        type: "line",
        source: SOURCE_IDS.areas,
        filter: ["==", ["get", "kind"], "county"],
        paint: {
          "line-color": ["case", selected, "#1d1d1b", hovered, "#3c3c3a", "#ffffff"],
          "line-width": ["case", selected, 3.2, hovered, 2.4, 1.3],
          "line-opacity": sameAs(1),
        },
      },
      {
        id: LAYER_IDS.cityOutline,
        type: "line",
        source: SOURCE_IDS.context,
        filter: ["==", ["get", "role"], "city-outline"],
        paint: { "line-color": sameAs("#4a4a48"), "line-width": sameAs(1.8), "line-opacity": sameAs(1) },
      },
      ...areaLayers("zone"),
      {
        id: LAYER_IDS.zoneLineHalo,
        type: "line",
        source: SOURCE_IDS.areas,
        filter: ["==", ["get", "kind"], "zone"],
        paint: { "line-color": sameAs("#ffffff"), "line-width": ["case", selected, 5, 3.2], "line-opacity": sameAs(0.85) },
      },
      {
        // Schematic extents: dashed, so nobody mistakes them for surveyed boundaries.
        id: LAYER_IDS.zoneLine,
        type: "line",
        source: SOURCE_IDS.areas,
        filter: ["==", ["get", "kind"], "zone"],
        paint: {
          "line-color": ["case", selected, "#1d1d1b", "#2f2f2d"],
          "line-width": ["case", selected, 2.6, hovered, 2.2, 1.5],
          "line-dasharray": [2.5, 1.5],
        },
      },
      // The overlap finding in focus: its ground hatched, with a strong outline.
      ...hatched(LAYER_IDS.highlightFill, LAYER_IDS.highlightLine, { source: SOURCE_IDS.highlight }),
    ],
  };
}

function hatched(
  fill: string,
  line: string,
  on: { source: string; "source-layer"?: string; filter?: ExpressionSpecification },
): LayerSpecification[] {
  return [
    { id: fill, type: "fill", ...on, paint: { "fill-antialias": false, "fill-pattern": HATCH_IMAGE } },
    { id: line, type: "line", ...on, paint: { "line-color": sameAs("#b0003a"), "line-width": sameAs(2.6), "line-opacity": sameAs(1) } },
  ];
}

/**
 * A finding about whole areas, hatched from the areas' own features (GeoJSON or tiles), so the
 * analysis need not carry their outlines. Added when first needed, under the overlap's layers.
 */
export function wholeAreaHighlight(ids: readonly string[], sourceLayer: string | undefined): LayerSpecification[] {
  const on = { source: SOURCE_IDS.areas, filter: wholeAreaFilter(ids), ...(sourceLayer ? { "source-layer": sourceLayer } : {}) };
  return hatched(LAYER_IDS.highlightAreaFill, LAYER_IDS.highlightAreaLine, on);
}

export function wholeAreaFilter(ids: readonly string[]): ExpressionSpecification {
  return ["in", ["get", "id"], ["literal", [...ids]]];
}
