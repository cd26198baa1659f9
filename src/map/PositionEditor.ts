import maplibregl, { type Map as MapLibreMap } from "maplibre-gl";
import type { LngLat } from "../domain/geometry/lngLat";

// The workbench's site position on the map: one marker that can be dragged, placed by a
// click. IndustryMap creates it on request (loaded with import(), so the public page never
// loads it) and hands it the map's clicks while it exists; it reports every position the
// maintainer gives back through `onMove` and never reads the store.

export class PositionEditor {
  private marker: maplibregl.Marker | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onMove: (lngLat: LngLat) => void,
    private readonly label: string,
  ) {}

  /** Shows the marker at `position` (WGS84), or removes it (null). */
  show(position: LngLat | null): void {
    if (!position) {
      this.marker?.remove();
      this.marker = null;
      return;
    }
    if (!this.marker) {
      this.marker = new maplibregl.Marker({ draggable: true, color: "#c0392b" }).setLngLat(position).addTo(this.map);
      const element = this.marker.getElement();
      element.setAttribute("aria-label", this.label);
      element.setAttribute("data-testid", "position-marker");
      this.marker.on("dragend", () => {
        const at = this.marker?.getLngLat();
        if (at) this.onMove([at.lng, at.lat]);
      });
      return;
    }
    const at = this.marker.getLngLat();
    if (at.lng !== position[0] || at.lat !== position[1]) this.marker.setLngLat(position);
  }

  /** A click on the map places the position there. */
  click(lngLat: LngLat): void {
    this.show(lngLat);
    this.onMove(lngLat);
  }

  destroy(): void {
    this.marker?.remove();
    this.marker = null;
  }
}
