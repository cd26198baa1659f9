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
  el: HTMLElement;
  group: "label" | "seat" | "site";
  kind: PlaceKind | "neighbour";
  rank: number;
  lngLat: [number, number];
  anchor: maplibregl.PositionAnchor;
  /** The state classes last written, so a state change touches only the elements it changes. */
  shown: string;
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

  private put(key: string, entry: Omit<Entry, "marker" | "lngLat" | "anchor" | "shown">, lngLat: [number, number], anchor: maplibregl.PositionAnchor = "center"): void {
    const existing = this.entries.get(key);
    if (existing) {
      this.move(existing, lngLat);
      return;
    }
    this.entries.set(key, { ...entry, marker: null, lngLat, anchor, shown: "" });
    this.scheduleDeclutter();
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
        entry.marker ??= new maplibregl.Marker({ element: entry.el, anchor: entry.anchor }).setLngLat(entry.lngLat).addTo(this.map);
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
      const existing = this.entries.get(key);
      if (existing) {
        existing.el.textContent = label.name; // text, never markup
        this.move(existing, label.lngLat);
        continue;
      }
      const el = document.createElement("div");
      el.className = `map-label ${label.kind}`;
      el.textContent = label.name;
      el.dataset.place = label.id;
      el.setAttribute("aria-hidden", "true"); // the lists carry the same names for assistive technology
      this.put(key, { el, group: "label", kind: label.kind, rank: RANK[label.kind] }, label.lngLat);
    }
    this.dropMissing("label", keep, kinds as Set<string>);
    this.applyVisibility();
    this.scheduleDeclutter();
  }

  setSeats(seats: { id: string; lngLat: [number, number] }[]): void {
    const keep = new Set<string>();
    for (const seat of seats) {
      const key = `seat:${seat.id}`;
      keep.add(key);
      const el = document.createElement("div");
      el.className = "map-seat";
      el.setAttribute("aria-hidden", "true");
      this.put(key, { el, group: "seat", kind: "county", rank: 9 }, seat.lngLat);
    }
    this.dropMissing("seat", keep);
    this.applyVisibility();
  }

  setSites(sites: OverlaySite[]): void {
    const keep = new Set<string>();
    for (const site of sites) {
      const key = `site:${site.id}`;
      keep.add(key);
      const existing = this.entries.get(key);
      if (existing) {
        existing.el.setAttribute("aria-label", site.name);
        existing.el.title = site.name;
        existing.el.style.setProperty("--site-colour", site.colour);
        continue;
      }
      const el = document.createElement("button");
      el.type = "button";
      el.className = `map-site ${site.status} precision-${site.precision}`;
      el.dataset.place = site.id;
      el.title = site.name;
      el.setAttribute("aria-label", site.name);
      el.tabIndex = -1; // reachable by keyboard through the "Matching sites" list instead
      el.style.setProperty("--site-colour", site.colour);
      el.addEventListener("click", (e) => {
        e.stopPropagation();
        this.onSelect(site.id);
      });
      el.addEventListener("mouseenter", () => this.onHover(site.id));
      el.addEventListener("mouseleave", () => this.onHover(null));
      this.put(key, { el, group: "site", kind: "site", rank: 9 }, site.lngLat);
    }
    this.dropMissing("site", keep);
    this.applyVisibility();
  }

  setStates(states: ReadonlyMap<string, PlaceState>): void {
    for (const entry of this.entries.values()) {
      const id = entry.el.dataset.place;
      const state = id ? states.get(id) : undefined;
      const shown = `${Boolean(state?.selected)}|${Boolean(state?.hover)}|${Boolean(state?.dimmed)}`;
      if (shown === entry.shown) continue;
      entry.shown = shown;
      entry.el.classList.toggle("selected", Boolean(state?.selected));
      entry.el.classList.toggle("hover", Boolean(state?.hover));
      entry.el.classList.toggle("dimmed", Boolean(state?.dimmed));
    }
    this.scheduleDeclutter();
  }

  setKinds(kinds: readonly PlaceKind[]): void {
    this.hiddenKinds = new Set((["county", "zone", "site"] as const).filter((k) => !kinds.includes(k)));
    this.applyVisibility();
    this.scheduleDeclutter();
  }

  private applyVisibility(): void {
    for (const entry of this.entries.values()) entry.el.classList.toggle("kind-hidden", this.hiddenKinds.has(entry.kind));
  }

  /** Ids of the sites whose markers are shown inside the viewport. */
  visibleSites(): string[] {
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const ids: string[] = [];
    for (const entry of this.entries.values()) {
      if (entry.group !== "site" || !entry.marker || this.hiddenKinds.has(entry.kind)) continue;
      const p = this.map.project(entry.marker.getLngLat());
      if (p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h) ids.push(entry.el.dataset.place!);
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
    const entries = [...this.entries.values()].filter((e): e is Entry & { marker: Marker } => e.marker !== null && !e.el.classList.contains("kind-hidden"));
    for (const marker of entries.filter((e) => e.group !== "label")) {
      const p = this.map.project(marker.marker.getLngLat());
      const r = marker.group === "site" ? 8 : 4;
      placed.push({ x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r });
    }
    // The selected place's label is placed first: it must never be the one hidden.
    const priority = (e: Entry) => (e.el.classList.contains("selected") ? -1 : e.rank);
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
