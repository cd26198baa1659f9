import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Refuses these packages (and their subpaths). */
function packages(names) {
  return [{ group: names.flatMap((n) => [n, `${n}/*`]), message: "This layer may not import this package (docs/architecture.md)." }];
}

/** Refuses a relative import that climbs, at any depth, into one of these top-level src/ layers. */
function layers(names) {
  return [{ regex: `^(\\.\\./)+(${names.join("|")})(/|$)`, message: "This layer may not import that layer (docs/architecture.md)." }];
}

/** Libraries too large for any chunk but the one that needs them, and the modules that alone import them. */
const LAZY_LIBRARIES = ["@e965/xlsx", "shpjs", "@tmcw/togeojson", "terra-draw", "terra-draw-maplibre-gl-adapter", "pinyin-pro", "pmtiles"];
const LAZY_LIBRARY_MODULES = [
  "src/domain/workbench/xlsxFile.ts",
  "src/domain/workbench/outlineFiles.ts",
  "src/map/OutlineDrawController.ts",
  "src/domain/pinyinPro.ts",
  "src/map/pmtilesProtocol.ts",
];

export default tseslint.config(
  { ignores: ["dist", "bench-dist", "node_modules", "coverage", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  // The layers and which way their imports point (docs/architecture.md). Each rule holds at
  // any folder depth: a relative path climbing out to a forbidden layer is refused however
  // many `../` it takes. tests/unit/lint/boundaries.test.ts proves every rule fails.
  {
    // The domain is pure: no React, MapLibre, store, i18n or UI may leak into it.
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...packages(["react", "react-*", "maplibre-gl", "zustand", "i18next", "pmtiles"]),
            ...layers(["state", "map", "ui", "i18n"]),
          ],
        },
      ],
    },
  },
  {
    // The map owns MapLibre and knows nothing of the store, React or the UI: it is told what
    // to draw and reports back through callbacks.
    files: ["src/map/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...packages(["react", "react-*", "zustand", "i18next"]), ...layers(["state", "ui", "i18n"])] },
      ],
    },
  },
  {
    // The store never imports UI or map code.
    files: ["src/state/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...packages(["react", "react-dom", "maplibre-gl"]), ...layers(["map", "ui"])] }],
    },
  },
  {
    // Only the map hosts talk to src/map (and MapLibre): the app's and the workbench's.
    files: ["src/ui/**"],
    ignores: ["src/ui/MapHost.tsx", "src/ui/workbench/WorkbenchMapHost.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [...packages(["maplibre-gl"]), ...layers(["map"])] }] },
  },
  {
    // Pure drawing shared by the map and the UI (the stripes of the map and of the share
    // picture's legend): pixels from numbers, importing nothing outside itself.
    files: ["src/draw/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./)", message: "src/draw is pure drawing: it imports nothing outside itself." }] },
      ],
    },
  },
  {
    // Names shared by layers that do not import each other: constants only, no imports.
    files: ["src/contracts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\./)", message: "src/contracts holds constants only: it imports nothing outside itself." }] },
      ],
    },
  },
  {
    // The import libraries of the workbench, and the map's tiled-dataset code with its PMTiles
    // reader, load only when first used (docs/architecture.md):
    // only their own modules import them, and nothing imports those modules but by
    // `import()`. A separate rule from the layers' so that both apply to the same files.
    files: ["src/**"],
    ignores: LAZY_LIBRARY_MODULES,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: LAZY_LIBRARIES.flatMap((n) => [n, `${n}/*`]),
              message: "Load this library lazily, through its own module (docs/architecture.md).",
            },
            {
              regex: "(^|/)(xlsxFile|outlineFiles|OutlineDrawController|pinyinPro|pmtilesProtocol|tiledAreas)(\\.ts)?$",
              allowTypeImports: true,
              message: "Import this module with import() so its library stays out of this chunk (docs/architecture.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
);
