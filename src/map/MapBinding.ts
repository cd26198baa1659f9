import type { Bounds, LngLat } from "../domain/geometry/lngLat";
import bbox from "@turf/bbox";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { ContextCollection, Dataset, PlaceKind, Tier } from "../domain/dataset/schema";
import type { Camera, UrlState } from "../domain/view/viewFields";
import type { Lang } from "../domain/labels";
import type { Basemap } from "../domain/basemap";
import { effectivePalette } from "../domain/palette";
import { isLargeDataset } from "../domain/dataset/size";
import { buildMapFeatures, buildPlaceStates, seatsOf, withHover, type PlaceState } from "./mapInput";
import type { IndustryMap } from "./IndustryMap";

/** Everything the map shows, as one value: the map host derives it from the store. */
export interface MapProps {
  dataset: Dataset | null;
  context: ContextCollection | null;
  lang: Lang;
  /** The filters, selection and tiers: what decides each place's state and the fills. */
  view: Pick<UrlState, "industries" | "match" | "area" | "tiers" | "kinds">;
  /** The app's camera (the store's own slice: a pan changes it alone). */
  camera: Camera | null;
  /** The place under the pointer (an area or a site). */
  hovered: string | null;
  paletteOverrides: Readonly<Record<string, string>> | undefined;
  /** Ground to hatch (an overlap's shape), and areas to hatch whole (by id, from the areas' own features). */
  highlight: Feature<Polygon | MultiPolygon> | null;
  highlightAreas: readonly string[];
  basemap: Basemap;
  tiandituKey: string | undefined;
  /** The attribution line (HTML-escaped), shown from the first frame of a dataset. */
  attribution: string;
}

/** Where the props come from: a getter and a change signal (the store, seen through a selector). */
export interface PropsSource {
  get(): MapProps;
  subscribe(listener: () => void): () => void;
}

/**
 * Keeps the map in step with its props. A newly arrived dataset is handed over in the same
 * task, so MapLibre's worker cuts tiles while React renders the rest of the page; a large
 * one in a task of its own instead (together with the store's other followers it made one
 * frame of ≈ 800 ms at national size). Returns the unbinding.
 */
export function bindMap(map: IndustryMap, source: PropsSource): () => void {
  let current: Dataset | null = null;
  let binding: DatasetBinding | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const props = source.get();
    if (props.dataset !== current) {
      clearTimeout(timer);
      binding = null;
      const dataset = (current = props.dataset);
      if (dataset && !isLargeDataset(dataset)) binding = new DatasetBinding(map, dataset, props);
      else if (dataset) timer = setTimeout(() => (binding = new DatasetBinding(map, dataset, source.get())), 0);
      return;
    }
    binding?.setProps(props);
  };
  check();
  const unsubscribe = source.subscribe(check);
  const onResize = () => map.resize();
  window.addEventListener("resize", onResize);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener("resize", onResize);
  };
}

/**
 * One dataset on the map: frames it, then hands each change to one update per concern,
 * each comparing the new props with the last (react-map-gl's setProps / _updateX shape).
 */
class DatasetBinding {
  private props: MapProps;
  private palette: Record<string, string> = {};
  /** The place states last handed to the map, which a hover alone patches (withHover). */
  private states: Map<string, PlaceState> | null = null;
  private readonly seats: { id: string; lngLat: LngLat }[];

  constructor(
    private readonly map: IndustryMap,
    private readonly dataset: Dataset,
    props: MapProps,
  ) {
    this.props = props;
    this.seats = seatsOf(dataset);
    map.frame({
      fitBounds: extentOf(dataset),
      maxBounds: padBounds(dataset.meta.bounds, 1.5),
      camera: props.camera,
      attribution: props.attribution,
    });
    this.update(props, null);
  }

  setProps(next: MapProps): void {
    const prev = this.props;
    this.props = next;
    this.update(next, prev);
  }

  private update(next: MapProps, prev: MapProps | null): void {
    this.updateFeatures(next, prev);
    this.updateContext(next, prev);
    this.updatePlaceStates(next, prev);
    this.updateKinds(next, prev);
    this.updateCamera(next, prev);
    this.updateHighlight(next, prev);
    this.updateBasemap(next, prev);
  }

  /** Fills, patterns, labels and sites: only when language, tiers or palette change (the expensive part). */
  private updateFeatures(next: MapProps, prev: MapProps | null): void {
    // The palette depends only on the dataset and config.json's overrides.
    const paletteChanged = !prev || next.paletteOverrides !== prev.paletteOverrides;
    if (paletteChanged) this.palette = effectivePalette(this.dataset.industries, next.paletteOverrides);
    if (prev && !paletteChanged && next.lang === prev.lang && sameList(next.view.tiers, prev.view.tiers)) return;
    void this.map.setFeatures(buildMapFeatures({ dataset: this.dataset, lang: next.lang, tiers: next.view.tiers, palette: this.palette }));
  }

  private updateContext(next: MapProps, prev: MapProps | null): void {
    if (prev && next.context === prev.context && next.lang === prev.lang) return;
    void this.map.setContext(next.context as FeatureCollection | null, this.seats, next.lang);
  }

  /** Selection, hover and dimming: on every filter, selection or hover change, never on a pan. */
  private updatePlaceStates(next: MapProps, prev: MapProps | null): void {
    const a = next.view;
    const b = prev?.view;
    const sameView = b && a.area === b.area && a.match === b.match && a.industries === b.industries && a.tiers === b.tiers;
    if (sameView && next.hovered === prev!.hovered) return;
    if (sameView && this.states) {
      const { states, changed } = withHover(this.states, prev!.hovered, next.hovered);
      this.states = states;
      void this.map.setPlaceStates(states, changed);
      return;
    }
    this.states = buildPlaceStates(this.dataset, next.view, next.hovered);
    void this.map.setPlaceStates(this.states);
  }

  private updateKinds(next: MapProps, prev: MapProps | null): void {
    if (prev && next.view.kinds === prev.view.kinds) return;
    void this.map.setKinds(next.view.kinds);
  }

  /** The app's camera moves (URL, reset); the first one is the frame's. */
  private updateCamera(next: MapProps, prev: MapProps | null): void {
    if (prev && next.camera !== prev.camera) this.map.setCamera(next.camera);
  }

  private updateHighlight(next: MapProps, prev: MapProps | null): void {
    if (prev && (next.highlight !== prev.highlight || next.highlightAreas !== prev.highlightAreas))
      void this.map.setHighlight(next.highlight, next.highlightAreas);
  }

  private updateBasemap(next: MapProps, prev: MapProps | null): void {
    if (prev && next.basemap === prev.basemap && next.lang === prev.lang && next.tiandituKey === prev.tiandituKey) return;
    void this.map.setBasemap(next.basemap, next.lang, next.tiandituKey);
  }
}

function sameList(a: readonly Tier[] | readonly PlaceKind[], b: readonly Tier[] | readonly PlaceKind[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function extentOf(dataset: Dataset): Bounds {
  if (dataset.tiles) return dataset.tiles.bounds;
  if (!dataset.geometry.features.length) return dataset.meta.bounds;
  return bbox(dataset.geometry as unknown as FeatureCollection) as Bounds;
}

function padBounds([w, s, e, n]: Bounds, by: number): Bounds {
  return [w - by, s - by, e + by, n + by];
}
