// The bare MapLibre page `npm run bench` compares the app against (see scripts/bench/README.md):
// a full-window map, a style with no glyphs, the dataset's `geometry` as one GeoJSON source
// drawn by a fill and a line layer, fitted to the geometry's bounds with padding 24, and
// performance.mark("map-ready") at the first idle after the source is set. Nothing else.
import maplibregl, { type LngLatBoundsLike } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection } from "geojson";

// Start the data request before the map exists, so the baseline is as fast as a bare page can be.
// `?data=` names another file on the same schema (the bench's scale floors).
const dataPath = new URLSearchParams(location.search).get("data") ?? "../data/dataset.json";
const data = fetch(new URL(dataPath, location.href)).then(async (res) => {
  if (!res.ok) throw new Error(`${dataPath}: HTTP ${res.status}`);
  return ((await res.json()) as { geometry: FeatureCollection }).geometry;
});

const map = new maplibregl.Map({
  container: "map",
  style: { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#e4ebee" } }] },
  center: [119.4, 32.6],
  zoom: 8,
});
const loaded = new Promise<void>((resolve) => map.once("load", () => resolve()));

function boundsOf(fc: FeatureCollection): LngLatBoundsLike {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && "coordinates" in f.geometry) visit(f.geometry.coordinates);
  return [w, s, e, n];
}

void Promise.all([data, loaded]).then(([geometry]) => {
  map.addSource("areas", { type: "geojson", data: geometry });
  map.addLayer({ id: "area-fill", type: "fill", source: "areas", paint: { "fill-color": "#7fb3d5", "fill-opacity": 0.8 } });
  map.addLayer({ id: "area-line", type: "line", source: "areas", paint: { "line-color": "#34495e", "line-width": 1.2 } });
  map.fitBounds(boundsOf(geometry), { padding: 24, animate: false });
  map.once("idle", () => {
    performance.mark("map-ready");
    map.getContainer().dataset.ready = "true";
  });
});
