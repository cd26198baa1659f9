import type { Lang } from "../domain/labels";
import type { Bounds, LngLat } from "../domain/geometry/lngLat";
import maplibregl, { type Map as MapLibreMap, type MapGeoJSONFeature, type GeoJSONSource, type LayerSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection } from "geojson";
import type { PlaceKind } from "../domain/dataset/schema";
import type { Camera } from "../domain/url/urlState";
import {
  BASEMAP_FILL_OPACITY,
  baseStyle,
  HATCH_IMAGE,
  INTERACTIVE_LAYERS,
  LAYER_IDS,
  SOURCE_IDS,
  wholeAreaFilter,
  wholeAreaHighlight,
} from "./style";
import { MARKER_CLASSES } from "../contracts/markerClasses";
import { PlaceOverlay, type OverlayLabel } from "./PlaceOverlay";
import type { MapFeatures } from "./mapInput";
import { NO_PLACE_STATE, samePlaceState, type PlaceState } from "./placeState";
import { hatchPattern, stripePattern } from "../draw/patterns";
import { tiandituSources, type Basemap } from "./tianditu";
import { FRAMING_INTERRUPTED, SNAPSHOT_EVENT, type SnapshotRequest } from "../contracts/snapshot";
import { PERF_MARKS } from "../contracts/marks";
import type { Polygon } from "geojson";
import type { OutlineDrawController } from "./OutlineDrawController";
import type { PositionEditor } from "./PositionEditor";
import { dropEmptyFeatureStates, featureStateEntries } from "./featureStateResidue";
import { RenderedAreas } from "./renderedAreas";
import { isLargePlaceCount } from "../domain/dataset/size";

export interface IndustryMapOptions {
  container: HTMLElement;
  onSelect: (id: string | null) => void;
  onHover: (id: string | null) => void;
  /** Called after a camera move the user made (never for moves the app asked for). */
  onCamera: (camera: Camera) => void;
  /** Called once, at the first complete picture of the dataset (when `map-ready` is marked). */
  onReady?: () => void;
  /** Where the camera starts before `frame`: the dataset's centre when it is already known. */
  center?: LngLat;
}

// Room at the bottom for the notice line and at the right for the zoom buttons.
const FIT_PADDING = { top: 24, bottom: 64, left: 24, right: 56 };
// Below this zoom (the whole city on screen) the site markers sit on the small functional
// zones; the container's `sites-far` class lets the phone's stylesheet pass taps through them
// to the zone (the zone's panel lists its sites).
const FAR_ZOOM = 9;
// How far (px) from a tap a functional zone still counts as tapped: a fingertip is wider than
// a zone drawn at the city's zoom; counties are large enough without it.
const ZONE_SLOP = 6;

// A printed profile's picture: even room on every side (no notice or buttons to clear),
// a share of the map's size so the place keeps some of its surroundings.
const PRINT_PADDING_SHARE = 0.1;
// Longest wait for a framed picture to settle (tiles cut, labels placed): a hidden page
// renders no frames, and a picture of whatever is drawn beats none.
const SETTLE_LIMIT_MS = 5000;

const KIND_LAYERS: Record<Exclude<PlaceKind, "site">, string[]> = {
  county: [LAYER_IDS.countyFill, LAYER_IDS.countyPattern, LAYER_IDS.countyLine],
  zone: [LAYER_IDS.zoneFill, LAYER_IDS.zonePattern, LAYER_IDS.zoneLine, LAYER_IDS.zoneLineHalo],
};

/**
 * The one object that owns the MapLibre map. The app talks to it through narrow calls
 * (features, per-feature state, visible kinds, camera) and it reports user actions back
 * through callbacks; it never reads the store itself.
 */
export class IndustryMap {
  // The map and what it is told by.
  private readonly map: MapLibreMap;
  private readonly options: IndustryMapOptions;
  private readonly overlay: PlaceOverlay;

  // Readiness: the style, the first complete picture, and the marks the page reads.
  /** Resolves once the style is in place, so sources, images and feature state can be set. */
  private readonly loaded: Promise<void>;
  /** Resolves at the first complete picture of the dataset (map-ready). */
  private readonly firstPicture: Promise<void>;
  private pictured = () => {};
  private readyMarked = false;
  private updatePending = false;

  // What is drawn: the features, their images and per-place state.
  private features: MapFeatures | null = null;
  /** Counts the feature sets handed over (what the `data-rendered` record was drawn from). */
  private featuresVersion = 0;
  /** A large dataset's record is asked for box by box (renderedAreas.ts). */
  private largeFeatures = false;
  private readonly renderedAreas: RenderedAreas;
  /** Ids of the current sites (HTML markers, not features of the areas source). */
  private siteIds = new Set<string>();
  private states = new Map<string, PlaceState>();
  private patternIds = new Set<string>();
  private hovered: string | null = null;
  /** A feature state was removed and its empty entry is still to be dropped (dropEmptyFeatureStates). */
  private statesRemoved = false;
  /** The areas hatched whole (a focused finding about areas as a whole). */
  private highlightAreas: readonly string[] = [];
  /** A tiled dataset's source on the map (null while the areas are GeoJSON), and its code (loaded on first need). */
  private tiled: { key: string; layer: string; templates: LayerSpecification[] } | null = null;
  private tiledCode: Promise<typeof import("./tiledAreas")> | null = null;

  // The quiet context and the county seats.
  private context: FeatureCollection | null = null;
  private seats: { id: string; lngLat: LngLat }[] | null = null;

  // The camera's home, and the basemap with the fill opacities it replaced.
  private cityBounds: Bounds | null = null;
  private basemapKey = "none";
  private readonly styleOpacity = new Map<string, unknown>();
  /** The framed pictures asked for, one after another (framed()). */
  private framing: Promise<unknown> = Promise.resolve();
  /** While a framed picture is taken, the camera is not the reader's: idle reports nothing. */
  private framingNow = false;

  // The workbench's site position, while a site form is open (it takes the map's clicks).
  private positionEditor: PositionEditor | null = null;
  private positionEditorCode: Promise<typeof import("./PositionEditor")> | null = null;
  constructor(options: IndustryMapOptions) {
    this.options = options;
    // Created before the data arrives (style, worker and WebGL context start in parallel
    // with the download); `frame` places the camera once the dataset is known.
    this.map = new maplibregl.Map({
      container: options.container,
      style: baseStyle(),
      // A regional start (not the whole world at zoom 0) so no world-scale tiles are cut
      // before `frame` places the camera. The centre comes from the dataset (no city is
      // written here); before the data arrives nothing is drawn, so any point will do.
      center: options.center ?? [0, 0],
      zoom: 7.5,
      renderWorldCopies: false,
      minZoom: 5,
      maxZoom: 14,
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: false,
      // No preserveDrawingBuffer: keeping every frame costs the compositor a copy per
      // frame (slower start-up and panning under software WebGL). Pictures of the map are
      // taken on request instead (snapshot()).
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    this.map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-right");
    // The style, not the map's "load": "load" waits for a first frame, which on a busy page
    // (React laying out the panels) comes late; handing the data over at style load lets
    // MapLibre's worker cut tiles meanwhile (time to map-ready 1.41 → 1.25 × the bare page).
    this.loaded = new Promise((resolve) => this.map.once("style.load", () => resolve()));
    this.firstPicture = new Promise((resolve) => (this.pictured = resolve));
    this.renderedAreas = new RenderedAreas(this.map);
    this.overlay = new PlaceOverlay(
      this.map,
      (id) => !this.positionEditor && options.onSelect(id),
      (id) => this.setHover(id),
    );
    this.map.on("idle", () => this.onIdle());
    const markFar = () => options.container.classList.toggle("sites-far", this.map.getZoom() < FAR_ZOOM);
    markFar();
    this.map.on("zoom", markFar);
    options.container.addEventListener(SNAPSHOT_EVENT, (e) => (e as SnapshotRequest).detail.take(this.snapshot()));
    // Not while a button is held (a drag, which takes the hover away): the place under the
    // pointer is looked up in every tile drawn there, on every move, and the drag's frames
    // have no time for it.
    this.map.on("mousemove", (e) => {
      if (!e.originalEvent.buttons) this.setHover(this.placeAt(e.point));
    });
    this.map.on("mouseout", () => this.setHover(null));
    // A gesture (drag, wheel, keys) takes the hover away: the area under a still pointer is no
    // longer the one highlighted, and with no state left at all the tiles the gesture brings
    // in skip MapLibre's feature-state pass, a parse of each tile on the main thread.
    this.map.on("movestart", (e) => e.originalEvent && this.setHover(null));
    // A removed state is dropped as soon as MapLibre has applied the removal (the frame after),
    // not at idle: a gesture's tiles arrive before the map is idle again.
    this.map.on("render", () => {
      if (this.statesRemoved && dropEmptyFeatureStates(this.map, this.areaSource())) this.statesRemoved = false;
    });
    this.map.on("click", (e) => {
      if (this.positionEditor) this.positionEditor.click([e.lngLat.lng, e.lngLat.lat]);
      else options.onSelect(this.placeAt(e.point));
    });
    this.map.on("moveend", (e) => {
      // Only user gestures carry an originalEvent; app-driven moves must not echo back.
      if (!("originalEvent" in e) || !e.originalEvent) return;
      const c = this.map.getCenter();
      options.onCamera({ zoom: this.map.getZoom(), lat: c.lat, lng: c.lng });
    });
  }

  private placeAt(point: maplibregl.PointLike): string | null {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, "visibility") !== "none");
    const hits: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(point, { layers });
    const zones: string[] = layers.filter((id) => id === LAYER_IDS.zoneFill || id === LAYER_IDS.zonePattern);
    if (zones.length && !hits.some((f) => zones.includes(f.layer.id))) {
      const { x, y } = maplibregl.Point.convert(point);
      const near = this.map.queryRenderedFeatures(
        [
          [x - ZONE_SLOP, y - ZONE_SLOP],
          [x + ZONE_SLOP, y + ZONE_SLOP],
        ],
        { layers: zones },
      );
      if (near[0]) return String(near[0].properties.id);
    }
    for (const layer of INTERACTIVE_LAYERS) {
      const hit = hits.find((f) => f.layer.id === layer);
      if (hit) return String(hit.properties.id);
    }
    return null;
  }

  private setHover(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.map.getCanvas().style.cursor = id ? "pointer" : "";
    this.options.onHover(id);
  }

  private onIdle(): void {
    if (!this.features) return;
    const record = this.map.getContainer().dataset;
    if (!this.readyMarked) {
      this.readyMarked = true;
      this.pictured();
      performance.mark(PERF_MARKS.mapReady);
      record.ready = "true";
      this.options.onReady?.();
    }
    if (this.framingNow) return;
    if (this.updatePending) {
      this.updatePending = false;
      performance.mark(PERF_MARKS.mapUpdated);
    }
    // An observable record of what is actually on screen, for people, tools and tests.
    const c = this.map.getCenter();
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayoutProperty(id, "visibility") !== "none");
    this.renderedAreas.update(layers, this.featuresVersion, this.largeFeatures, (areas) => {
      const ids = new Set(areas);
      for (const site of this.overlay.visibleSites()) ids.add(site);
      record.rendered = [...ids].sort().join(",");
    });
    record.camera = `${this.map.getZoom().toFixed(2)}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`;
    // How many areas MapLibre holds a feature state for, each handed to every tile that arrives,
    // and how many source layers its store keeps (any at all, even empty, costs each arriving tile a parse).
    // ("undefined" where MapLibre's store is not found).
    const held = featureStateEntries(this.map, this.areaSource());
    record.featureStates = String(held?.entries);
    record.featureStateLayers = String(held?.layers);
  }

  /** Marks the next idle as the end of an applied state change. */
  private changed(): void {
    this.updatePending = true;
    this.map.triggerRepaint();
  }

  async setFeatures(features: MapFeatures): Promise<void> {
    await this.loaded;
    // A tiled dataset's code comes first, so what follows runs in one task as for GeoJSON.
    const tiledCode = features.tiles ? await (this.tiledCode ??= import("./tiledAreas")) : null;
    if (features.tiles && tiledCode) await tiledCode.prepareTiles(features.tiles);
    if (features === this.features) return;
    const previous = this.features;
    this.features = features;
    this.featuresVersion++;
    this.largeFeatures = isLargePlaceCount((features.tiles?.areas.length ?? features.areas.features.length) + features.sites.length);
    this.siteIds = new Set(features.sites.map((site) => site.id));
    const wanted = new Set(features.patterns.map((p) => p.id));
    for (const pattern of features.patterns) {
      if (this.patternIds.has(pattern.id)) continue;
      this.map.addImage(pattern.id, stripePattern(pattern.colours, 10), { pixelRatio: 2 });
      this.patternIds.add(pattern.id);
    }
    for (const id of [...this.patternIds]) {
      if (!wanted.has(id)) {
        this.map.removeImage(id);
        this.patternIds.delete(id);
      }
    }
    const set = (source: string, data: FeatureCollection, before: FeatureCollection | undefined) => {
      if (data !== before) (this.map.getSource(source) as GeoJSONSource).setData(data);
    };
    if (features.tiles && tiledCode) {
      const key = features.tiles.pmtiles ?? features.tiles.url;
      if (this.tiled?.key !== key)
        this.tiled = { key, layer: features.tiles.layer, templates: tiledCode.useTileSource(this.map, features.tiles) };
      tiledCode.paintByArea(this.map, this.tiled.templates, features.tiles.areas);
      this.hatchWholeAreas();
    } else set(SOURCE_IDS.areas, features.areas, previous?.areas);
    if (features.labels !== previous?.labels) this.overlay.setLabels(features.labels, new Set(["county", "zone"] as const));
    if (features.sites !== previous?.sites) this.overlay.setSites(features.sites);
    // New data, a clean slate of feature state: apply the last known state again.
    this.map.removeFeatureState(this.areaSource());
    const states = this.states;
    this.states = new Map();
    this.applyStates(states);
    this.changed();
  }

  /**
   * The county seats, and the quiet context (neighbours, city outline; null until it has
   * arrived) with its labels in the reader's language, once the areas are on screen.
   */
  async setContext(context: FeatureCollection | null, seats: { id: string; lngLat: LngLat }[], lang: Lang): Promise<void> {
    await this.loaded;
    if (seats !== this.seats) {
      this.seats = seats;
      this.overlay.setSeats(seats);
    }
    // The quiet context follows the first complete picture of the areas: handed over
    // together, MapLibre's one worker cut both before either was drawn, and under software
    // WebGL the areas appeared ≈ 10 % later (map-ready 1.22 → 1.09 × the bare page, same run).
    await this.firstPicture;
    // No setData before the context exists: an empty one would queue a round of work in
    // MapLibre's worker ahead of the real one, delaying the first complete picture.
    if (context && context !== this.context) {
      this.context = context;
      (this.map.getSource(SOURCE_IDS.context) as GeoJSONSource).setData(context);
    }
    const labels: OverlayLabel[] = (context?.features ?? []).flatMap((f) =>
      f.properties?.role === "neighbour-label" && f.geometry.type === "Point"
        ? [
            {
              id: String(f.properties.id),
              kind: "neighbour" as const,
              name: String(f.properties[lang === "zh" ? "name_zh" : "name_en"] ?? ""),
              lngLat: f.geometry.coordinates as LngLat,
            },
          ]
        : [],
    );
    this.overlay.setLabels(labels, new Set(["neighbour"] as const));
  }

  /** The areas' features for feature state: a tiled dataset's are in its tiles' layer. */
  private areaSource(): { source: string; sourceLayer?: string } {
    return this.tiled ? { source: SOURCE_IDS.areas, sourceLayer: this.tiled.layer } : { source: SOURCE_IDS.areas };
  }

  /** `only`: the ids that may differ from the last call's states (a hover's two); else every place is compared. */
  async setPlaceStates(states: Map<string, PlaceState>, only?: readonly string[]): Promise<void> {
    await this.loaded;
    if (this.applyStates(states, only)) this.changed();
  }

  private applyStates(states: Map<string, PlaceState>, only?: readonly string[]): boolean {
    const changed: string[] = [];
    for (const id of only ?? states.keys()) {
      const state = states.get(id) ?? NO_PLACE_STATE;
      const before = this.states.get(id);
      // A place with no state set draws as one with every flag false (style.ts reads them
      // with false as default): a national set starts with 3,000 such areas, and setting
      // them anyway made MapLibre initialise feature state in every tile as it arrived.
      if (samePlaceState(before ?? NO_PLACE_STATE, state)) continue;
      // A set, not a scan of the sites: a filter click changes thousands of states at national size.
      // Feature state for the dimming too: the paint expression tried instead (a `match` on
      // the id) lays every tile out again, and cost a filter click more main-thread work
      // (docs/performance.md).
      if (!this.siteIds.has(id)) {
        const target = { ...this.areaSource(), id };
        // Back to no flag at all: removed rather than set to false, so that once applied it
        // leaves nothing for the tiles that arrive later (dropEmptyFeatureStates, next frame).
        if (samePlaceState(state, NO_PLACE_STATE)) {
          this.map.removeFeatureState(target);
          this.statesRemoved = true;
        } else this.map.setFeatureState(target, { ...state });
      }
      changed.push(id);
    }
    // Kept, not copied: each call brings a map of its own (MapBinding builds it), never changed after.
    this.states = states;
    if (changed.length) this.overlay.setStates(this.states, changed);
    return changed.length > 0;
  }

  async setKinds(kinds: readonly PlaceKind[]): Promise<void> {
    await this.loaded;
    let changed = false;
    this.overlay.setKinds(kinds);
    for (const [kind, layers] of Object.entries(KIND_LAYERS) as [PlaceKind, string[]][]) {
      const visibility = kinds.includes(kind) ? "visible" : "none";
      for (const layer of layers) {
        // Unset means visible; setting a layout property re-lays out the layer's tiles, so
        // only touch what actually changes.
        if ((this.map.getLayoutProperty(layer, "visibility") ?? "visible") === visibility) continue;
        this.map.setLayoutProperty(layer, "visibility", visibility);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  /** Moves the camera for the app (URL, reset); a no-op when it is already there. */
  setCamera(camera: Camera | null): void {
    if (!camera) {
      this.fitCity();
      return;
    }
    const c = this.map.getCenter();
    const same =
      Math.abs(this.map.getZoom() - camera.zoom) < 0.005 &&
      Math.abs(c.lat - camera.lat) < 0.00005 &&
      Math.abs(c.lng - camera.lng) < 0.00005;
    if (!same) this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
  }

  /** Places the camera for a dataset: the URL's camera, else the city's extent. */
  frame(options: { fitBounds: Bounds; maxBounds: Bounds; camera: Camera | null; attribution: string }): void {
    this.cityBounds = options.fitBounds;
    this.map.setMaxBounds(options.maxBounds);
    this.setCamera(options.camera);
    this.map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: options.attribution }), "bottom-right");
    // Start with the attribution folded behind its (i) button: one click away, without
    // covering the map's lower edge.
    this.map.getContainer().querySelector(".maplibregl-ctrl-attrib")?.classList.remove("maplibregl-compact-show");
  }

  fitCity(): void {
    if (!this.cityBounds) return;
    // The planner's wider pane covers the map's right edge (styles.css keeps the map's size):
    // the city fits in what is left uncovered.
    const container = this.map.getContainer();
    const pane = container.parentElement;
    const covered = pane ? Math.max(0, Math.round(container.getBoundingClientRect().right - pane.getBoundingClientRect().right)) : 0;
    this.map.fitBounds(this.cityBounds, { padding: { ...FIT_PADDING, right: FIT_PADDING.right + covered }, animate: false });
  }

  /** Shows a 天地图 basemap under the areas (areas turn translucent so streets show through). */
  async setBasemap(basemap: Basemap, lang: Lang, key: string | undefined): Promise<void> {
    await this.loaded;
    const wanted = basemap === "none" || !key ? "none" : `${basemap}|${lang}`;
    if (wanted === this.basemapKey) return;
    this.basemapKey = wanted;
    for (const id of ["basemap-0", "basemap-1"]) {
      if (this.map.getLayer(id)) this.map.removeLayer(id);
      if (this.map.getSource(id)) this.map.removeSource(id);
    }
    const on = basemap !== "none" && Boolean(key);
    if (on) {
      tiandituSources(basemap as Exclude<Basemap, "none">, lang, key!).forEach((source, n) => {
        const id = `basemap-${n}`;
        this.map.addSource(id, source);
        // base tiles under the neighbours; annotations above the area fills, under our labels
        this.map.addLayer({ id, type: "raster", source: id }, n === 0 ? LAYER_IDS.neighbourLine : LAYER_IDS.countyLine);
      });
    }
    for (const layer of [LAYER_IDS.countyFill, LAYER_IDS.countyPattern]) {
      if (!this.styleOpacity.has(layer)) this.styleOpacity.set(layer, this.map.getPaintProperty(layer, "fill-opacity"));
      this.map.setPaintProperty(layer, "fill-opacity", on ? BASEMAP_FILL_OPACITY : this.styleOpacity.get(layer));
    }
    this.changed();
  }

  /** Hatches the given ground (an overlap) and the given areas whole on top of everything; null and none clear it. */
  async setHighlight(feature: FeatureCollection["features"][number] | null, areas: readonly string[] = []): Promise<void> {
    await this.loaded;
    if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchPattern(), { pixelRatio: 2 });
    (this.map.getSource(SOURCE_IDS.highlight) as GeoJSONSource).setData({ type: "FeatureCollection", features: feature ? [feature] : [] });
    this.highlightAreas = areas;
    this.hatchWholeAreas();
    this.changed();
  }

  /** The whole-area hatch's layers read the areas source; a tiled dataset's swap of that source re-adds them, so this runs after it too. */
  private hatchWholeAreas(): void {
    const ids = this.highlightAreas;
    if (this.map.getLayer(LAYER_IDS.highlightAreaFill)) {
      for (const id of [LAYER_IDS.highlightAreaFill, LAYER_IDS.highlightAreaLine]) this.map.setFilter(id, wholeAreaFilter(ids));
    } else if (ids.length) {
      for (const layer of wholeAreaHighlight(ids, this.tiled?.layer)) this.map.addLayer(layer, LAYER_IDS.highlightFill);
    }
  }

  /**
   * A copy of the map's current picture. The drawing buffer is not preserved between
   * frames, so the map is redrawn synchronously and copied in the same task.
   */
  snapshot(): HTMLCanvasElement {
    this.map.redraw();
    const source = this.map.getCanvas();
    const copy = document.createElement("canvas");
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext("2d")?.drawImage(source, 0, 0);
    return copy;
  }

  /**
   * Runs `withPicture` with a picture of `bounds` at `pixelRatio` (a printed profile's map), while
   * the camera and the HTML labels are placed for it, then puts the reader's camera back.
   * The live map is covered by a still copy of itself meanwhile, so the reader sees no jump;
   * a gesture on the map meanwhile gives the reader's camera back at once and the request
   * rejects with FRAMING_INTERRUPTED (ask again later). A request aborted before its turn is
   * dropped (rejects with the signal's reason).
   */
  framed<R>(bounds: Bounds, pixelRatio: number, withPicture: (picture: HTMLCanvasElement) => R, signal?: AbortSignal): Promise<R> {
    const run = this.framing.then(() => {
      signal?.throwIfAborted();
      return this.frameOnce(bounds, pixelRatio, withPicture);
    });
    this.framing = run.catch(() => {});
    return run;
  }

  private async frameOnce<R>(bounds: Bounds, pixelRatio: number, withPicture: (picture: HTMLCanvasElement) => R): Promise<R> {
    await this.firstPicture;
    // The canvas and a copy of the places on it: a canvas alone hid every label and marker
    // while a panel opened from the address had its profile's picture made.
    const cover = document.createElement("div");
    cover.className = MARKER_CLASSES.cover;
    cover.append(this.snapshot(), this.overlay.still());
    // The cover lets the pointer through (inert: its copied site buttons too): a reader who
    // touches the map meanwhile gets the camera back at once (restore, below) and the gesture
    // goes on, rather than a frozen map.
    cover.inert = true;
    cover.setAttribute("aria-hidden", "true");
    this.map.getCanvasContainer().after(cover);
    const before = { center: this.map.getCenter(), zoom: this.map.getZoom() };
    const ratio = this.map.getPixelRatio();
    const container = this.map.getContainer();
    let restored = false;
    let interrupted = () => {};
    const interruption = new Promise<"interrupted">((resolve) => (interrupted = () => resolve("interrupted")));
    const restore = () => {
      if (restored) return;
      restored = true;
      this.map.setPixelRatio(ratio);
      this.map.jumpTo(before);
      this.framingNow = false;
    };
    const GESTURES = ["pointerdown", "wheel", "touchstart", "keydown"] as const;
    const onGesture = () => {
      restore();
      cover.remove();
      interrupted();
    };
    for (const type of GESTURES) container.addEventListener(type, onGesture, { capture: true, passive: true });
    this.framingNow = true;
    try {
      this.map.setPixelRatio(pixelRatio);
      const { clientWidth, clientHeight } = container;
      this.map.fitBounds(bounds, { padding: Math.round(PRINT_PADDING_SHARE * Math.min(clientWidth, clientHeight)), animate: false });
      if ((await Promise.race([this.settled(), interruption])) === "interrupted" || restored) throw new Error(FRAMING_INTERRUPTED);
      return withPicture(this.snapshot());
    } finally {
      for (const type of GESTURES) container.removeEventListener(type, onGesture, { capture: true });
      if (!restored) {
        restore();
        // The cover lifts on the reader's own picture again, labels placed.
        await Promise.race([this.settled(), interruption]);
        cover.remove();
      }
    }
  }

  /** Resolves at the next idle (every tile drawn) once the labels had their frames to place. */
  private settled(): Promise<void> {
    return new Promise<void>((resolve) => {
      const limit = setTimeout(done, SETTLE_LIMIT_MS);
      function done() {
        clearTimeout(limit);
        // Two frames for the labels' placement; a hidden page runs no frames, so a timer too.
        const late = setTimeout(resolve, 250);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(late);
            resolve();
          }),
        );
      }
      this.map.once("idle", done);
      this.map.triggerRepaint();
    });
  }

  /** The outline drawing tool on this map (terra-draw: its own chunk, loaded on first use). */
  async outlineDrawing(onChange: (outline: Polygon | null) => void): Promise<OutlineDrawController> {
    await this.loaded;
    const { OutlineDrawController } = await import("./OutlineDrawController");
    return new OutlineDrawController(this.map, onChange);
  }

  resize(): void {
    this.map.resize();
  }

  /**
   * Starts editing a position (the workbench's site form): a draggable marker, and map clicks
   * place it instead of selecting a place, until `stopEditingPosition`. Its code loads on the
   * first call. `label`: the marker's accessible name.
   */
  async editPosition(onMove: (lngLat: LngLat) => void, label: string): Promise<PositionEditor> {
    this.positionEditorCode ??= import("./PositionEditor");
    const { PositionEditor } = await this.positionEditorCode;
    this.positionEditor ??= new PositionEditor(this.map, onMove, label);
    return this.positionEditor;
  }

  stopEditingPosition(): void {
    this.positionEditor?.destroy();
    this.positionEditor = null;
  }

  destroy(): void {
    this.stopEditingPosition();
    this.renderedAreas.stop();
    this.overlay.destroy();
    this.map.remove();
  }
}

/**
 * Creates the map, or returns null when this browser cannot give MapLibre a WebGL context.
 * MapLibre's own attempt is the test: a separate probe context would cost a second
 * context creation, which under software WebGL is a large share of the time to first map.
 */
export function createIndustryMap(options: IndustryMapOptions): IndustryMap | null {
  try {
    return new IndustryMap(options);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("Failed to initialize WebGL")) throw error;
    options.container.replaceChildren(); // the half-built map's canvas and controls
    return null;
  }
}
