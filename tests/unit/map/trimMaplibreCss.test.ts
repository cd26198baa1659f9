import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { trimMaplibreCss } from "../../../scripts/vite-plugin-trim-maplibre-css";

const css = readFileSync(resolve(import.meta.dirname, "../../../node_modules/maplibre-gl/dist/maplibre-gl.css"), "utf8");

describe("MapLibre's stylesheet, trimmed to the controls the app creates", () => {
  it("keeps the map, zoom buttons, scale and compact attribution, and drops the logo and unused controls", () => {
    const out = trimMaplibreCss(css);
    for (const kept of [
      ".maplibregl-map",
      ".maplibregl-canvas",
      ".maplibregl-ctrl-zoom-in",
      ".maplibregl-ctrl-zoom-out",
      ".maplibregl-ctrl-scale",
      ".maplibregl-ctrl-attrib.maplibregl-compact",
      ".maplibregl-ctrl-top-right",
      ".maplibregl-ctrl-bottom-right",
    ]) {
      expect(out, kept).toContain(kept);
    }
    for (const dropped of [
      "maplibregl-ctrl-logo",
      "maplibregl-popup",
      "maplibregl-ctrl-geolocate",
      "maplibregl-ctrl-fullscreen",
      "maplibregl-user-location",
    ]) {
      expect(out, dropped).not.toContain(dropped);
    }
    expect(out.length).toBeLessThan(css.length / 4);
  });
});
