import maplibregl, { type Map as MapLibreMap, type Marker } from "maplibre-gl";
import type { PlaceKind } from "../domain/dataset/schema";
import type { PlaceState } from "./mapInput";

// Labels, county seats and sites are HTML elements pinned to the map rather than WebGL
// symbols: the browser draws the text with its own fonts (CJK included, crisp, no glyph
// files), sites become real buttons, and the map needs no symbol or circle shaders, whose
// compilation dominated start-up under software WebGL.

export interface OverlayLabel {
  id: string;
  kind: "county" | "zone" | "neighbour";
  name: string;
  lngLat: [number, number];
}
export interface OverlaySite {
  id: string;
  name: string;
  status: string;
  precision: string;
  colour: string;
  lngLat: [number, number];
}

interface Entry {
  /** Set only while the place is near the viewport (see `materialise`). */
  marker: Marker | null;
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
  lngLat: [number, number];
  anchor: maplibregl.PositionAnchor;
  /** The place's state, and the state last written to its element (null: nothing written yet). */
  state: PlaceState;
  shown: PlaceState | null;
}

const NO_STATE: PlaceState = { selected: false, hover: false, dimmed: false };

const RANK: Record<OverlayLabel["kind"], number> = { county: 0, zone: 1, neighbour: 2 };

/**
 * At most this many markers of a group are in the page at once. A city has a few dozen
 * places; a national set has 3,000 areas and 10,000 sites, and one DOM marker each (each
 * moved on every frame) froze the page for tens of seconds. Beyond the cap the places
 * nearest the data's start are shown and the rest wait for a closer zoom; the lists
 * always hold them all.
 */
export const MARKER_CAP: Record<Entry["group"], number> = { label: 150, seat: 150, site: 300 };

export class PlaceOverlay {
  private readonly entries = new Map<string, Entry>();
  private hiddenKinds = new Set<string>();
  private frame = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onSelect: (id: string) => void,
    private readonly onHover: (id: string | null) => void,
  ) {
    map.on("move", () => this.scheduleDeclutter());
    map.on("resize", () => this.scheduleDeclutter());
  }

  private put(key: string, entry: Pick<Entry, "id" | "group" | "kind" | "rank" | "make" | "fill">, lngLat: [number, number], anchor: maplibregl.PositionAnchor = "center"): void {
    const existing = this.entries.get(key);
    if (existing) {
      existing.fill = entry.fill;
      if (existing.el) existing.fill(existing.el);
      this.move(existing, lngLat);
      return;
    }
    this.entries.set(key, { ...entry, el: null, marker: null, lngLat, anchor, state: NO_STATE, shown: null });
    this.scheduleDeclutter();
  }

  /** The entry's element, built on first use with its content and state classes. */
  private elementOf(entry: Entry): HTMLElement {
    if (!entry.el) {
      entry.el = entry.make();
      entry.fill(entry.el);
      entry.el.dataset.place = entry.id;
      entry.el.classList.toggle("kind-hidden", this.hiddenKinds.has(entry.kind));
      this.writeState(entry);
    }
    return entry.el;
  }

  private writeState(entry: Entry): void {
    const { el, state, shown } = entry;
    if (!el || (shown && shown.selected === state.selected && shown.hover === state.hover && shown.dimmed === state.dimmed)) return;
    entry.shown = state;
    el.classList.toggle("selected", state.selected);
    el.classList.toggle("hover", state.hover);
    el.classList.toggle("dimmed", state.dimmed);
  }

  private move(entry: Entry, lngLat: [number, number]): void {
    entry.lngLat = lngLat;
    entry.marker?.setLngLat(lngLat);
  }

  private dropMissing(group: Entry["group"], keep: Set<string>, kinds?: Set<string>): void {
    for (const [key, entry] of this.entries) {
      if (entry.group !== group || keep.has(key)) continue;
      if (kinds && !kinds.has(entry.kind)) continue;
      entry.marker?.remove();
      this.entries.delete(key);
    }
  }

  /**
   * Puts in the page the markers of the places in or near the viewport (up to MARKER_CAP
   * per group, in data order) and takes out the others; elements and their state classes
   * are kept either way, so a place coming back into view shows as it should.
   */
  private materialise(): void {
    const bounds = this.map.getBounds();
    const padX = (bounds.getEast() - bounds.getWest()) * 0.1;
    const padY = (bounds.getNorth() - bounds.getSouth()) * 0.1;
    const [w, s, e, n] = [bounds.getWest() - padX, bounds.getSouth() - padY, bounds.getEast() + padX, bounds.getNorth() + padY];
    const counts: Record<Entry["group"], number> = { label: 0, seat: 0, site: 0 };
    for (const entry of this.entries.values()) {
      const [lng, lat] = entry.lngLat;
      const wanted =
        !this.hiddenKinds.has(entry.kind) && lng >= w && lng <= e && lat >= s && lat <= n && counts[entry.group] < MARKER_CAP[entry.group];
      if (wanted) {
        counts[entry.group]++;
        entry.marker ??= new maplibregl.Marker({ element: this.elementOf(entry), anchor: entry.anchor }).setLngLat(entry.lngLat).addTo(this.map);
      } else if (entry.marker) {
        entry.marker.remove();
        entry.marker = null;
      }
    }
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
            el.className = `map-label ${label.kind}`;
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

  setSeats(seats: { id: string; lngLat: [number, number] }[]): void {
    const keep = new Set<string>();
    for (const seat of seats) {
      const key = `seat:${seat.id}`;
      keep.add(key);
      const make = () => {
        const el = document.createElement("div");
        el.className = "map-seat";
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
        el.className = `map-site ${site.status} precision-${site.precision}`;
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

  setStates(states: ReadonlyMap<string, PlaceState>): void {
    for (const entry of this.entries.values()) {
      entry.state = states.get(entry.id) ?? NO_STATE;
      this.writeState(entry);
    }
    this.scheduleDeclutter();
  }

  setKinds(kinds: readonly PlaceKind[]): void {
    this.hiddenKinds = new Set((["county", "zone", "site"] as const).filter((k) => !kinds.includes(k)));
    // Hidden at once; their markers go at the next frame (materialise).
    for (const entry of this.entries.values()) entry.el?.classList.toggle("kind-hidden", this.hiddenKinds.has(entry.kind));
    this.scheduleDeclutter();
  }

  /** Ids of the sites whose markers are shown inside the viewport. */
  visibleSites(): string[] {
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const ids: string[] = [];
    for (const entry of this.entries.values()) {
      if (entry.group !== "site" || !entry.marker || this.hiddenKinds.has(entry.kind)) continue;
      const p = this.map.project(entry.marker.getLngLat());
      if (p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h) ids.push(entry.id);
    }
    return ids;
  }

  private scheduleDeclutter(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.materialise();
      this.declutter();
    });
  }

  /**
   * Places labels by importance (counties, then zones, then neighbours): each takes the
   * first of centre / above / below / right / left that overlaps neither a placed label
   * nor a seat or site marker, or is hidden until there is room.
   */
  private declutter(): void {
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
    const placed: Box[] = [];
    const entries = [...this.entries.values()].filter(
      (e): e is Entry & { marker: Marker; el: HTMLElement } => e.marker !== null && e.el !== null && !this.hiddenKinds.has(e.kind),
    );
    for (const marker of entries.filter((e) => e.group !== "label")) {
      const p = this.map.project(marker.marker.getLngLat());
      const r = marker.group === "site" ? 8 : 4;
      placed.push({ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r });
    }
    // The selected place's label is placed first: it must never be the one hidden.
    const priority = (e: Entry) => (e.state.selected ? -1 : e.rank);
    const labels = entries.filter((e) => e.group === "label").sort((a, b) => priority(a) - priority(b));
    // Every size is read before anything is written: reading after a write forces a layout
    // of the page each time, which at hundreds of labels took seconds per frame.
    const sizes = labels.map((label) => [label.el.offsetWidth / 2 + 2, label.el.offsetHeight / 2 + 1] as const);
    labels.forEach((label, n) => {
      const p = this.map.project(label.marker.getLngLat());
      const [w, h] = sizes[n]!;
      const offsets: [number, number][] = [[0, 0], [0, -(h + 6)], [0, h + 6], [w + 8, 0], [-(w + 8), 0]];
      const fit = offsets
        .map(([dx, dy]) => ({ dx, dy, box: { x0: p.x + dx - w, y0: p.y + dy - h, x1: p.x + dx + w, y1: p.y + dy + h } }))
        .find(({ box }) => !placed.some((o) => overlaps(box, o)));
      label.el.classList.toggle("collided", !fit);
      if (fit) {
        placed.push(fit.box);
        label.marker.setOffset([fit.dx, fit.dy]);
      }
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const entry of this.entries.values()) entry.marker?.remove();
    this.entries.clear();
  }
}
