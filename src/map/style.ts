import type { StyleSpecification, LayerSpecification, ExpressionSpecification } from "maplibre-gl";

// The base style has no `glyphs` and no remote sources: MapLibre then draws every label
// with the browser's own fonts (TinySDF), so nothing is requested from another origin
// and no glyph range can 404.

export const LABEL_FONT = ["Noto Sans CJK SC Bold", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];
export const LABEL_FONT_REGULAR = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];
export const IDEOGRAPH_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const EMPTY = { type: "FeatureCollection" as const, features: [] };

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

export const LAYER_IDS = {
  countyFill: "county-fill",
  countyPattern: "county-pattern",
  zoneFill: "zone-fill",
  zonePattern: "zone-pattern",
  countyLine: "county-line",
  zoneLine: "zone-line",
  sitesHalo: "site-halo",
  sites: "site-point",
} as const;

/** Layers that answer hover and click, in order of precedence (sites over zones over counties). */
export const INTERACTIVE_LAYERS = [LAYER_IDS.sites, LAYER_IDS.zoneFill, LAYER_IDS.zonePattern, LAYER_IDS.countyFill, LAYER_IDS.countyPattern];

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
      source: "areas",
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
      source: "areas",
      filter: ["all", filter, ["to-boolean", ["get", "pattern"]]],
      paint: {
        "fill-antialias": false,
        "fill-pattern": ["get", "pattern"],
        "fill-opacity": ["case", dimmed, 0.18, hovered, 1, 0.95],
      },
    },
  ];
}

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    // No paint transitions: under software WebGL every transition frame is a full, slow
    // repaint, and a filter click should land at once.
    transition: { duration: 0, delay: 0 },
    sources: {
      context: { type: "geojson", data: EMPTY },
      areas: { type: "geojson", data: EMPTY, promoteId: "id" },
      labels: { type: "geojson", data: EMPTY, promoteId: "id" },
      sites: { type: "geojson", data: EMPTY, promoteId: "id" },
      seats: { type: "geojson", data: EMPTY },
    },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#e4ebee" } },
      {
        id: "neighbour-fill",
        type: "fill",
        source: "context",
        filter: ["==", ["get", "role"], "neighbour"],
        paint: { "fill-antialias": false, "fill-color": sameAs("#f4f2ec"), "fill-opacity": sameAs(1) },
      },
      {
        id: "neighbour-line",
        type: "line",
        source: "context",
        filter: ["==", ["get", "role"], "neighbour"],
        paint: { "line-color": sameAs("#c4beb2"), "line-width": sameAs(0.8), "line-opacity": sameAs(1) },
      },
      ...areaLayers("county"),
      {
        id: LAYER_IDS.countyLine,
        type: "line",
        source: "areas",
        filter: ["==", ["get", "kind"], "county"],
        paint: {
          "line-color": ["case", selected, "#1d1d1b", hovered, "#3c3c3a", "#ffffff"],
          "line-width": ["case", selected, 3.2, hovered, 2.4, 1.3],
          "line-opacity": sameAs(1),
        },
      },
      {
        id: "city-outline",
        type: "line",
        source: "context",
        filter: ["==", ["get", "role"], "city-outline"],
        paint: { "line-color": sameAs("#4a4a48"), "line-width": sameAs(1.8), "line-opacity": sameAs(1) },
      },
      ...areaLayers("zone"),
      {
        id: "zone-line-halo",
        type: "line",
        source: "areas",
        filter: ["==", ["get", "kind"], "zone"],
        paint: { "line-color": sameAs("#ffffff"), "line-width": ["case", selected, 5, 3.2], "line-opacity": sameAs(0.85) },
      },
      {
        // Schematic extents: dashed, so nobody mistakes them for surveyed boundaries.
        id: LAYER_IDS.zoneLine,
        type: "line",
        source: "areas",
        filter: ["==", ["get", "kind"], "zone"],
        paint: {
          "line-color": ["case", selected, "#1d1d1b", "#2f2f2d"],
          "line-width": ["case", selected, 2.6, hovered, 2.2, 1.5],
          "line-dasharray": [2.5, 1.5],
        },
      },
      {
        id: "seat-point",
        type: "circle",
        source: "seats",
        paint: {
          "circle-radius": sameAs(2.6),
          "circle-color": sameAs("#2b2b29"),
          "circle-stroke-color": sameAs("#ffffff"),
          "circle-stroke-width": sameAs(1.2),
          "circle-opacity": sameAs(1),
          "circle-stroke-opacity": sameAs(1),
        },
      },
      {
        // A site known only to its town: a wide soft ring says "somewhere around here".
        id: LAYER_IDS.sitesHalo,
        type: "circle",
        source: "sites",
        filter: ["==", ["get", "precision"], "town"],
        paint: {
          "circle-radius": sameAs(13),
          "circle-color": ["get", "colour"],
          "circle-opacity": ["case", dimmed, 0.05, 0.16],
          "circle-stroke-color": ["get", "colour"],
          "circle-stroke-width": sameAs(1),
          "circle-stroke-opacity": ["case", dimmed, 0.15, 0.6],
        },
      },
      {
        id: LAYER_IDS.sites,
        type: "circle",
        source: "sites",
        paint: {
          "circle-radius": ["case", selected, 7, hovered, 6.5, 5],
          // designated: filled; candidate: half-tone; related site: white centre, coloured ring
          "circle-color": [
            "match",
            ["get", "status"],
            "designated",
            ["get", "colour"],
            "candidate",
            "#d9d4c7",
            "#ffffff",
          ],
          "circle-stroke-color": ["case", selected, "#1d1d1b", ["get", "colour"]],
          "circle-stroke-width": ["case", selected, 3, 2.4],
          "circle-opacity": ["case", dimmed, 0.3, 1],
          "circle-stroke-opacity": ["case", dimmed, 0.3, 1],
        },
      },
      {
        id: "neighbour-label",
        type: "symbol",
        source: "context",
        filter: ["==", ["get", "role"], "neighbour-label"],
        layout: {
          "text-field": ["get", "name_zh"],
          "text-font": LABEL_FONT_REGULAR,
          "text-size": 12,
          "text-letter-spacing": 0.08,
        },
        paint: {
          "text-color": sameAs("#8b857a"),
          "text-halo-color": sameAs("#f4f2ec"),
          "text-halo-width": sameAs(1.4),
          "text-halo-blur": sameAs(0),
        },
      },
      {
        id: "area-label",
        type: "symbol",
        source: "labels",
        layout: {
          "text-field": ["get", "name"],
          "text-font": LABEL_FONT,
          "text-size": ["case", ["==", ["get", "kind"], "zone"], 12, 14],
          "symbol-sort-key": ["get", "rank"],
          "text-max-width": 8,
          "text-padding": 2,
          // Zones lie inside counties: let labels step aside rather than hide each other.
          "text-variable-anchor": ["center", "top", "bottom", "left", "right"],
          "text-radial-offset": 0.6,
        },
        paint: {
          "text-color": ["case", ["==", ["get", "kind"], "zone"], "#2a2a28", "#111110"],
          "text-halo-color": sameAs("rgba(255,255,255,0.92)"),
          "text-halo-width": sameAs(2),
          "text-halo-blur": sameAs(0.3),
        },
      },
    ],
  };
}
