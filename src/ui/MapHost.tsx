import type { Lang } from "../domain/labels";
import type { LngLat } from "../domain/geometry/lngLat";
import { useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { hoverPlace, selectArea, setCamera } from "../state/actions";
import { highlightAreasOf, highlightOf, type AppState } from "../state/store";
import type { Dataset } from "../domain/dataset/schema";
import type { IndustryMap } from "../map/IndustryMap";
import { boundsCentre, geometryAttribution } from "../domain/fromDataset";
import type { MapProps } from "../map/MapBinding";
import { registerMapSnapshot } from "./mapSnapshot";

// Only this component touches src/map: it mounts the map, binds it to the store and unmounts it. MapLibre is its own chunk, requested at start-up
// in parallel with the data, and the map is created before the data arrives.
type MapModules = [typeof import("../map/IndustryMap"), typeof import("../map/MapBinding")];
const mapModules: Promise<MapModules> = Promise.all([import("../map/IndustryMap"), import("../map/MapBinding")]);
let loadedModules: MapModules | null = null;

/**
 * Resolves once the map's code is evaluated, or has failed to load (then `onFailure` is
 * called first, and the page goes on without the map). The first render does not wait for
 * it (main.tsx): the shell paints while the chunk downloads, and MapHost creates the map
 * in the same task that evaluated the chunk, before anything else is painted.
 */
export function loadMapModules(onFailure: () => void): Promise<void> {
  return mapModules.then(
    (modules) => void (loadedModules = modules),
    () => onFailure(),
  );
}

function startCentre(dataset: Dataset | null): LngLat | undefined {
  return dataset ? boundsCentre(dataset.meta.bounds) : undefined;
}

function attributionFor(dataset: Dataset, lang: Lang): string {
  // MapLibre renders attribution as HTML, so everything from data is escaped first. The
  // boundary lines come from the dataset (meta.geometry[].attribution), so another city's
  // data names its own sources.
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines = [geometryAttribution(dataset.meta, lang), `${dataset.meta.policy.issuer[lang]} ${dataset.meta.policy.date}`];
  return escape(lines.filter(Boolean).join(" · "));
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
    const start = ([{ createIndustryMap }, { bindMap }]: MapModules) => {
      if (disposed || !container.current) return;
      created = createIndustryMap({
        container: container.current,
        onSelect: (id) => selectArea(store, id),
        onHover: (id) => hoverPlace(store, id),
        onCamera: (camera) => setCamera(store, camera),
        onReady: () => store.setState({ mapReady: true }),
        center: startCentre(store.getState().dataset),
      });
      if (created) {
        const shown = created;
        registerMapSnapshot({
          take: () => shown.snapshot(),
          framed: (bounds, ratio, withPicture, signal) => shown.framed(bounds, ratio, withPicture, signal),
        });
        unfollow = bindMap(created, { get: () => mapPropsOf(store.getState()), subscribe: (fn) => store.subscribe(fn) });
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

  return (
    <div
      ref={container}
      className="map"
      role="region"
      aria-label={city ? t("mapLabel", { city }) : t("mapLabelGeneric")}
      data-testid="map"
    />
  );
}

/** What the map shows, read from the store. */
function mapPropsOf(s: AppState): MapProps {
  return {
    dataset: s.dataset,
    context: s.context,
    lang: s.view.lang,
    view: s.view,
    camera: s.camera,
    hovered: s.hoveredPlace,
    paletteOverrides: s.config.palette,
    highlight: highlightOf(s),
    highlightAreas: highlightAreasOf(s),
    basemap: s.basemap,
    tiandituKey: s.config.tiandituKey,
    attribution: s.dataset ? attributionFor(s.dataset, s.view.lang) : "",
  };
}
