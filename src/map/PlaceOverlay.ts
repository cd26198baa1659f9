import type { Map as MapLibreMap } from "maplibre-gl";
import type { PlaceKind } from "../domain/dataset/schema";
import { NO_PLACE_STATE, samePlaceState, type PlaceState } from "./placeState";
import { MARKER_CLASSES, precisionClass } from "../contracts/markerClasses";
import { placeLabels, type HalfSize, type LabelOffset, type Obstacle } from "./placeLabels";
import { chooseMarkers } from "./markerChoice";
import type { LngLat } from "../domain/geometry/lngLat";

// Labels, county seats and sites are HTML elements pinned to the map rather than WebGL
// symbols: the browser draws the text with its own fonts (CJK included, crisp, no glyph
// files), sites become real buttons, and the map needs no symbol or circle shaders, whose
// compilation dominated start-up under software WebGL.
//
// They live in one layer over the canvas, positioned by this class rather than as
// MapLibre Markers: a Marker rewrites its own transform (and checks its occlusion) on
// every frame, one composited layer each, which at national scale cost more main-thread
// time per frame than the map. Here a pan moves the layer as a whole (one write per
// frame); only a zoom, or a marker coming or going, positions markers one by one.

export interface OverlayLabel {
  id: string;
  kind: "county" | "zone" | "neighbour";
  name: string;
  lngLat: LngLat;
}
export interface OverlaySite {
  id: string;
  name: string;
  status: string;
  precision: string;
  colour: string;
  lngLat: LngLat;
}

interface Entry {
  /**
   * Built the first time the place comes near the viewport: a national set has 13,000
   * places, and building every element up front cost a third of a second at load.
   */
  el: HTMLElement | null;
  /** Writes the place's current content (text, names, colour) into its element. */
  fill: (el: HTMLElement) => void;
  make: () => HTMLElement;
  id: string;
  group: "label" | "seat" | "site";
  kind: PlaceKind | "neighbour";
  rank: number;
  lngLat: LngLat;
  /** Where the label sits relative to its place (set by `declutter`), in pixels. */
  offset: Readonly<LabelOffset>;
  /** The place's state, and the state last written to its element (null: nothing written yet). */
  state: PlaceState;
  shown: PlaceState | null;
  /** The label's half width and half height as last reported (null: not yet laid out). */
  size: HalfSize | null;
}

const RANK: Record<OverlayLabel["kind"], number> = { county: 0, zone: 1, neighbour: 2 };

/**
 * At most this many markers of a group are in the page at once. A city has a few dozen
 * places; a national set has 3,000 areas and 10,000 sites, and one DOM marker each (each
 * moved on every frame) froze the page for tens of seconds. Beyond the cap the places
 * nearest the data's start are shown and the rest wait for a closer zoom; the lists
 * always hold them all.
 */
export const MARKER_CAP: Record<Entry["group"], number> = { label: 150, seat: 150, site: 300 };

/**
 * While the map moves, the markers near the viewport are re-chosen and the labels
 * re-placed at most this often (and always when the movement ends), as MapLibre itself
 * throttles its symbol placement. A pan alone never re-places labels: in a flat,
 * unrotated view it moves every marker by the same amount, so no collision changes.
 */
const PASS_INTERVAL_MS = 200;

/**
 * At most this many markers enter the page per frame; the rest follow in the next frames.
 * A national set brings 600 at once, whose building, first layout and label measuring
 * took ≈ 450 ms in one frame.
 */
export const NEW_PER_PASS = 100;

export class PlaceOverlay {
  private readonly entries = new Map<string, Entry>();
  /** The same entries by place id (a county has a label and a seat): a state change finds its places here. */
  private readonly byId = new Map<string, Entry[]>();
  /** The same entries by group, in data order: each group's cap is met from its own, and the scan stops there. */
  private readonly groups: Record<Entry["group"], Set<Entry>> = { label: new Set(), seat: new Set(), site: new Set() };
  private hiddenKinds = new Set<string>();
  /** Every place's state as last set (setStates); a place that comes later starts with its own. */
  private states: ReadonlyMap<string, PlaceState> = new Map();
  /** The entries whose markers are in the page, only while near the viewport (see `materialise`): at most the caps' sum, of up to 13,000. */
  private readonly live = new Set<Entry>();
  private readonly layer: HTMLDivElement;
  /**
   * The pan since the markers were last positioned one by one: a place, its screen point
   * then, the layer's shift now, and the zoom, bearing and pitch that positioning was for.
   */
  private origin = { lngLat: [0, 0] as LngLat, x: 0, y: 0, shiftX: 0, shiftY: 0, view: "" };
  private frame = 0;
  /** Content, states or kinds changed since the last pass: the next one is immediate and complete. */
  private dirty = false;
  private lastPass = -Infinity;
  /** Zoom, bearing and pitch at the last label placement: any change re-places them. */
  private placedFor = "";
  /**
   * The labels' sizes as the browser reports them after its own layout, whenever they change
   * (text, selection, the width the font sizes follow). Read in a pass, a size forced a
   * layout of the page whenever React had written to it earlier in the frame: 160–231 ms of
   * forced layout in one frame when a national set's lists and first labels arrived together.
   */
  private readonly sizes = new ResizeObserver((records) => this.sized(records));
  private readonly labelOf = new WeakMap<Element, Entry>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly onSelect: (id: string) => void,
    private readonly onHover: (id: string | null) => void,
  ) {
    this.layer = document.createElement("div");
    this.layer.className = MARKER_CLASSES.layer;
    map.getCanvasContainer().appendChild(this.layer);
    map.on("move", () => {
      this.follow();
      this.schedule();
    });
    map.on("moveend", () => {
      this.lastPass = -Infinity; // the end of a movement is never throttled away
      this.schedule();
    });
    map.on("resize", () => this.scheduleDeclutter());
  }

  private put(key: string, entry: Pick<Entry, "id" | "group" | "kind" | "rank" | "make" | "fill">, lngLat: LngLat): void {
    const existing = this.entries.get(key);
    if (existing) {
      existing.fill = entry.fill;
      if (existing.el) existing.fill(existing.el);
      this.move(existing, lngLat);
      return;
    }
    const state = this.states.get(entry.id) ?? NO_PLACE_STATE;
    const created: Entry = { ...entry, el: null, lngLat, offset: [0, 0], state, shown: null, size: null };
    this.entries.set(key, created);
    this.groups[entry.group].add(created);
    const same = this.byId.get(entry.id);
    if (same) same.push(created);
    else this.byId.set(entry.id, [created]);
    this.scheduleDeclutter();
  }

  /** The entry's element, built on first use with its content and state classes. */
  private elementOf(entry: Entry): HTMLElement {
    if (!entry.el) {
      entry.el = entry.make();
      entry.fill(entry.el);
      entry.el.dataset.place = entry.id;
      entry.el.classList.toggle(MARKER_CLASSES.kindHidden, this.hiddenKinds.has(entry.kind));
      this.writeState(entry);
      if (entry.group === "label") {
        this.labelOf.set(entry.el, entry);
        this.sizes.observe(entry.el);
      }
    }
    return entry.el;
  }

  /** Sizes reported after layout: kept, and the labels placed again at the next frame. */
  private sized(records: ResizeObserverEntry[]): void {
    let changed = false;
    for (const record of records) {
      const entry = this.labelOf.get(record.target);
      const box = record.borderBoxSize?.[0];
      // Taken out of the page (out of view): its last size stays for when it comes back.
      if (!entry || !box || !record.target.isConnected) continue;
      // Whole pixels, as offsetWidth gives them.
      entry.size = [Math.round(box.inlineSize) / 2 + 2, Math.round(box.blockSize) / 2 + 1];
      changed = true;
    }
    if (changed) this.scheduleDeclutter();
  }

  private writeState(entry: Entry): void {
    const { el, state, shown } = entry;
    if (!el || (shown && samePlaceState(shown, state))) return;
    entry.shown = state;
    el.classList.toggle(MARKER_CLASSES.selected, state.selected);
    el.classList.toggle(MARKER_CLASSES.hover, state.hover);
    el.classList.toggle(MARKER_CLASSES.dimmed, state.dimmed);
  }

  private move(entry: Entry, lngLat: LngLat): void {
    entry.lngLat = lngLat;
    if (this.live.has(entry)) this.position(entry);
  }

  /** The view a pan keeps: while it is the same, every marker moves by the same amount. */
  private viewKey(): string {
    return [this.map.getZoom(), this.map.getBearing(), this.map.getPitch()].join("/");
  }

  /** Writes the entry's transform: its place on screen, less the layer's shift, plus its offset, centred. */
  private position(entry: Entry): void {
    const p = this.map.project(entry.lngLat);
    const x = Math.round(p.x - this.origin.shiftX + entry.offset[0]);
    const y = Math.round(p.y - this.origin.shiftY + entry.offset[1]);
    entry.el!.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
  }

  /** On every frame of a movement: shifts the layer for a pan, or positions every marker anew. */
  private follow(): void {
    const view = this.viewKey();
    if (view === this.origin.view && this.map.getPitch() === 0) {
      const p = this.map.project(this.origin.lngLat);
      this.origin.shiftX = Math.round(p.x - this.origin.x);
      this.origin.shiftY = Math.round(p.y - this.origin.y);
      this.layer.style.transform = `translate(${this.origin.shiftX}px, ${this.origin.shiftY}px)`;
      return;
    }
    const c = this.map.getCenter();
    const p = this.map.project(c);
    this.origin = { lngLat: [c.lng, c.lat], x: p.x, y: p.y, shiftX: 0, shiftY: 0, view };
    this.layer.style.transform = "";
    for (const entry of this.live) this.position(entry);
  }

  private dropMissing(group: Entry["group"], keep: Set<string>, kinds?: Set<string>): void {
    for (const [key, entry] of this.entries) {
      if (entry.group !== group || keep.has(key)) continue;
      if (kinds && !kinds.has(entry.kind)) continue;
      entry.el?.remove();
      if (entry.el) this.sizes.unobserve(entry.el);
      this.live.delete(entry);
      this.entries.delete(key);
      this.groups[group].delete(entry);
      const rest = this.byId.get(entry.id)?.filter((e) => e !== entry) ?? [];
      if (rest.length) this.byId.set(entry.id, rest);
      else this.byId.delete(entry.id);
    }
  }

  /**
   * Puts in the page the markers of the places in or near the viewport (chooseMarkers: up to
   * MARKER_CAP per group, those already in the page first) and takes out the others; elements
   * and their state classes are kept either way, so a place coming back into view shows as it
   * should. Says whether any marker came or went, and whether more are waiting (NEW_PER_PASS).
   */
  private materialise(): { changed: boolean; more: boolean } {
    const bounds = this.map.getBounds();
    const padX = (bounds.getEast() - bounds.getWest()) * 0.1;
    const padY = (bounds.getNorth() - bounds.getSouth()) * 0.1;
    const [w, s, e, n] = [bounds.getWest() - padX, bounds.getSouth() - padY, bounds.getEast() + padX, bounds.getNorth() + padY];
    const near = (entry: Entry) => {
      const [lng, lat] = entry.lngLat;
      return !this.hiddenKinds.has(entry.kind) && lng >= w && lng <= e && lat >= s && lat <= n;
    };
    const { drop, add, more } = chooseMarkers(this.groups, this.live, (entry) => entry.group, near, MARKER_CAP, NEW_PER_PASS);
    for (const entry of drop) {
      entry.el!.remove();
      this.live.delete(entry);
    }
    for (const entry of add) {
      this.layer.appendChild(this.elementOf(entry));
      this.live.add(entry);
      this.position(entry);
    }
    return { changed: drop.length + add.length > 0, more };
  }

  setLabels(labels: OverlayLabel[], kinds: ReadonlySet<OverlayLabel["kind"]>): void {
    const keep = new Set<string>();
    for (const label of labels) {
      const key = `label:${label.id}`;
      keep.add(key);
      this.put(
        key,
        {
          id: label.id,
          group: "label",
          kind: label.kind,
          rank: RANK[label.kind],
          make: () => {
            const el = document.createElement("div");
            el.className = `${MARKER_CLASSES.label} ${label.kind}`;
            el.setAttribute("aria-hidden", "true"); // the lists carry the same names for assistive technology
            return el;
          },
          fill: (el) => void (el.textContent = label.name), // text, never markup
        },
        label.lngLat,
      );
    }
    this.dropMissing("label", keep, kinds as Set<string>);
    this.scheduleDeclutter();
  }

  setSeats(seats: { id: string; lngLat: LngLat }[]): void {
    const keep = new Set<string>();
    for (const seat of seats) {
      const key = `seat:${seat.id}`;
      keep.add(key);
      const make = () => {
        const el = document.createElement("div");
        el.className = MARKER_CLASSES.seat;
        el.setAttribute("aria-hidden", "true");
        return el;
      };
      this.put(key, { id: seat.id, group: "seat", kind: "county", rank: 9, make, fill: () => {} }, seat.lngLat);
    }
    this.dropMissing("seat", keep);
  }

  setSites(sites: OverlaySite[]): void {
    const keep = new Set<string>();
    for (const site of sites) {
      const key = `site:${site.id}`;
      keep.add(key);
      const make = () => {
        const el = document.createElement("button");
        el.type = "button";
        el.className = `${MARKER_CLASSES.site} ${site.status} ${precisionClass(site.precision)}`;
        el.tabIndex = -1; // reachable by keyboard through the "Matching sites" list instead
        el.addEventListener("click", (e) => {
          e.stopPropagation();
          this.onSelect(site.id);
        });
        el.addEventListener("mouseenter", () => this.onHover(site.id));
        el.addEventListener("mouseleave", () => this.onHover(null));
        return el;
      };
      const fill = (el: HTMLElement) => {
        el.title = site.name;
        el.setAttribute("aria-label", site.name);
        el.style.setProperty("--site-colour", site.colour);
      };
      this.put(key, { id: site.id, group: "site", kind: "site", rank: 9, make, fill }, site.lngLat);
    }
    this.dropMissing("site", keep);
  }

  /**
   * Sets every place's state; `changed`: the ids whose state differs from the last call's
   * (a hover changes two of 13,000 at national size), else every place is looked at.
   */
  setStates(states: ReadonlyMap<string, PlaceState>, changed?: readonly string[]): void {
    this.states = states;
    const update = (entry: Entry) => {
      entry.state = states.get(entry.id) ?? NO_PLACE_STATE;
      this.writeState(entry);
    };
    if (changed) {
      for (const id of changed) for (const entry of this.byId.get(id) ?? []) update(entry);
    } else for (const entry of this.entries.values()) update(entry);
    this.scheduleDeclutter();
  }

  setKinds(kinds: readonly PlaceKind[]): void {
    this.hiddenKinds = new Set((["county", "zone", "site"] as const).filter((k) => !kinds.includes(k)));
    // Hidden at once; their markers go at the next frame (materialise).
    for (const entry of this.entries.values()) entry.el?.classList.toggle(MARKER_CLASSES.kindHidden, this.hiddenKinds.has(entry.kind));
    this.scheduleDeclutter();
  }

  /** Ids of the sites whose markers are shown inside the viewport. */
  visibleSites(): string[] {
    // The map's own size, not the container's: reading that forces a layout of the page, and
    // this runs at every idle, right after a filter click's or a hover's writes.
    const { width: w, height: h } = this.map.transform;
    const ids: string[] = [];
    for (const entry of this.live) {
      if (entry.group !== "site" || this.hiddenKinds.has(entry.kind)) continue;
      const p = this.map.project(entry.lngLat);
      if (p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h) ids.push(entry.id);
    }
    return ids;
  }

  /** After a change of content, states or kinds: a complete pass at the next frame. */
  private scheduleDeclutter(): void {
    this.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.pass();
    });
  }

  /**
   * Chooses the markers and places the labels, unless the map is moving and the last pass
   * is younger than PASS_INTERVAL_MS (the movement's next frame, or its end, comes back).
   */
  private pass(): void {
    const now = performance.now();
    if (!this.dirty && this.map.isMoving() && now - this.lastPass < PASS_INTERVAL_MS) return;
    this.lastPass = now;
    // Not the container's size: reading it here would force a layout of every moved marker
    // (a resize marks the overlay dirty instead).
    const view = this.viewKey();
    const { changed, more } = this.materialise();
    let unmeasured = false;
    if (this.dirty || changed || view !== this.placedFor) {
      this.placedFor = view;
      unmeasured = this.declutter();
    }
    this.dirty = more || unmeasured;
    if (this.dirty) this.schedule();
  }

  /**
   * Places labels by importance (counties, then zones, then neighbours): each takes the
   * first of centre / above / below / right / left that overlaps neither a placed label
   * nor a seat or site marker, or is hidden until there is room. A label not measured yet
   * (put in the page by this pass) stays hidden until the next pass has its size: says
   * whether there was one.
   */
  private declutter(): boolean {
    const entries = [...this.live].filter((e): e is Entry & { el: HTMLElement } => e.el !== null && !this.hiddenKinds.has(e.kind));
    const obstacles: Obstacle[] = entries
      .filter((e) => e.group !== "label")
      .map((marker) => {
        const p = this.map.project(marker.lngLat);
        return { at: [p.x, p.y], radius: marker.group === "site" ? 8 : 4 };
      });
    // A size that changes is reported after the frame's layout (sized), and placed again then.
    const unmeasured = entries.filter((e) => e.group === "label" && !e.size);
    for (const label of unmeasured) label.el.classList.add(MARKER_CLASSES.collided);
    const labels = entries.filter((e) => e.group === "label" && e.size);
    const offsets = placeLabels(
      labels.map((label) => {
        const p = this.map.project(label.lngLat);
        // The selected place's label goes first and always shows, over markers if it must.
        const { selected } = label.state;
        return { at: [p.x, p.y], half: label.size!, priority: selected ? -1 : label.rank, always: selected };
      }),
      obstacles,
    );
    labels.forEach((label, i) => {
      const fit = offsets[i];
      label.el.classList.toggle(MARKER_CLASSES.collided, !fit);
      if (fit && (fit[0] !== label.offset[0] || fit[1] !== label.offset[1])) {
        label.offset = fit;
        this.position(label);
      }
    });
    return unmeasured.length > 0;
  }

  /** A still copy of the places as the reader sees them now (no listeners: copies do not answer). */
  still(): Node {
    return this.layer.cloneNode(true);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.sizes.disconnect();
    this.layer.remove();
    this.entries.clear();
    this.byId.clear();
    this.live.clear();
    for (const group of Object.values(this.groups)) group.clear();
  }
}
