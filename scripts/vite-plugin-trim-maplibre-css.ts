import postcss from "postcss";
import type { Plugin } from "vite";

/**
 * Parts of MapLibre that the app never creates (src/map/IndustryMap.ts adds only the zoom
 * buttons, the scale and the compact attribution, and no logo, popup or marker). Their rules
 * are most of maplibre-gl.css (the logo alone is a 38 KB SVG data URI) and all sit in the
 * first view, so they are dropped at build time. A rule goes when every one of its selectors
 * names one of these; a new control in IndustryMap.ts must come off this list.
 */
const UNUSED_MAPLIBRE_PARTS = [
  "ctrl-logo",
  "ctrl-compass",
  "ctrl-geolocate",
  "ctrl-fullscreen",
  "ctrl-shrink",
  "ctrl-terrain",
  "ctrl-globe",
  "popup",
  "marker",
  "user-location",
  "cooperative-gesture",
  "pseudo-fullscreen",
];

const unused = new RegExp(`maplibregl-(${UNUSED_MAPLIBRE_PARTS.join("|")})`);

export function trimMaplibreCss(css: string): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.selectors.every((s) => unused.test(s))) rule.remove();
    else rule.selectors = rule.selectors.filter((s) => !unused.test(s));
  });
  root.walkAtRules((at) => {
    if (at.name.endsWith("keyframes") && unused.test(`maplibregl-${at.params}`.replace("maplibregl-maplibregl-", "maplibregl-")))
      at.remove();
  });
  // Media queries left empty by the above.
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

export function trimMaplibreStyles(): Plugin {
  return {
    name: "industry-map-trim-maplibre-css",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.css($|\?)/.test(id)) return null;
      return { code: trimMaplibreCss(code), map: null };
    },
  };
}
