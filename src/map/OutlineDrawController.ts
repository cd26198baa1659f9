import type { Map as MapLibreMap } from "maplibre-gl";
import type { Polygon } from "geojson";
import { TerraDraw, TerraDrawPolygonMode, type GeoJSONStoreFeatures } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";

// Drawing and modifying one outline on the map with terra-draw (and its MapLibre adapter):
// created by IndustryMap on first use, so the library is its own chunk, loaded only when a
// maintainer draws. One polygon at a time: click its vertices, click the first one again to
// close it; drag a vertex to move it. Each closed or edited outline is reported.

const MODE = "polygon";
const INK = "#b3261e";

export class OutlineDrawController {
  private draw: TerraDraw | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onChange: (outline: Polygon | null) => void,
  ) {}

  /** Starts drawing: a new outline, or `initial` to modify. */
  start(initial: Polygon | null): void {
    this.stop();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new TerraDrawPolygonMode({
          editable: true,
          styles: { fillColor: INK, fillOpacity: 0.15, outlineColor: INK, outlineWidth: 2, closingPointColor: INK, editedPointColor: INK },
        }),
      ],
    });
    this.draw = draw;
    draw.start();
    draw.setMode(MODE);
    if (initial) draw.addFeatures([{ type: "Feature", geometry: initial, properties: { mode: MODE } }]);
    draw.on("finish", (id) => {
      // One outline at a time: a new one replaces the one before.
      draw.removeFeatures(
        draw
          .getSnapshot()
          .filter((f) => f.id !== id && f.id !== undefined)
          .map((f) => f.id!),
      );
      this.report(draw.getSnapshotFeature(id));
    });
    draw.on("change", (ids, type) => {
      if (type !== "update") return;
      for (const id of ids) this.report(draw.getSnapshotFeature(id));
    });
  }

  private report(feature: GeoJSONStoreFeatures | undefined): void {
    if (!feature || feature.geometry.type !== "Polygon" || feature.properties.currentlyDrawing) return;
    this.onChange({ type: "Polygon", coordinates: feature.geometry.coordinates });
  }

  stop(): void {
    this.draw?.stop();
    this.draw = null;
  }
}
