// The bare MapLibre page on the national tiles (scripts/bench/README.md, tile figures): the
// tile folder `../national-tiles/{z}/{x}/{y}.pbf`, or with `?source=pmtiles` the archive
// `../national.pmtiles` through the pmtiles protocol, as one vector source (features addressed
// by their `id` property, promoteId) drawn by a fill and a line layer, fitted to the set's
// bounds with padding 24 (or `?view=lng,lat,zoom`), and performance.mark("map-ready") at the
// first idle after that. Both files are written by scripts/bench/national-tiles.ts.
import maplibregl, { type VectorSourceSpecification } from "maplibre-gl";
import { Protocol } from "pmtiles";
import "maplibre-gl/dist/maplibre-gl.css";

const params = new URLSearchParams(location.search);
const fromArchive = params.get("source") === "pmtiles";
const view = params.get("view")?.split(",").map(Number);
const info = fetch(new URL("../national-bounds.json", location.href)).then(async (res) => {
  if (!res.ok) throw new Error(`national-bounds.json: HTTP ${res.status}`);
  return (await res.json()) as { bounds: [number, number, number, number]; layer: string };
});

if (fromArchive) {
  const protocol = new Protocol();
  maplibregl.addProtocol("pmtiles", protocol.tile);
}

const map = new maplibregl.Map({
  container: "map",
  style: { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#e4ebee" } }] },
  center: [105, 35],
  zoom: 3,
});
const loaded = new Promise<void>((resolve) => map.once("load", () => resolve()));

void Promise.all([info, loaded]).then(([{ bounds, layer }]) => {
  const source: VectorSourceSpecification = fromArchive
    ? { type: "vector", url: `pmtiles://${new URL("../national.pmtiles", location.href).href}`, promoteId: "id" }
    : {
        type: "vector",
        tiles: [new URL("../national-tiles/", location.href).href + "{z}/{x}/{y}.pbf"],
        maxzoom: 8,
        bounds,
        promoteId: "id",
      };
  map.addSource("areas", source);
  map.addLayer({
    id: "area-fill",
    type: "fill",
    source: "areas",
    "source-layer": layer,
    paint: { "fill-color": "#7fb3d5", "fill-opacity": 0.8 },
  });
  map.addLayer({
    id: "area-line",
    type: "line",
    source: "areas",
    "source-layer": layer,
    paint: { "line-color": "#34495e", "line-width": 1.2 },
  });
  if (view && view.length === 3 && view.every(Number.isFinite)) map.jumpTo({ center: [view[0]!, view[1]!], zoom: view[2]! });
  else map.fitBounds(bounds, { padding: 24, animate: false });
  map.once("idle", () => {
    performance.mark("map-ready");
    map.getContainer().dataset.ready = "true";
  });
});
