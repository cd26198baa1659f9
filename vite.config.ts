import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { datasetPlugin } from "./scripts/vite-plugin-dataset.ts";
import { preloadFirstView } from "./scripts/vite-plugin-preload.ts";
import { moduleSizes } from "./scripts/vite-plugin-module-sizes.ts";
import { trimMaplibreStyles } from "./scripts/vite-plugin-trim-maplibre-css.ts";

// BASE_PATH sets the public path (e.g. /maps/industry/). The default "./" makes every
// asset and data URL relative, so the same build works under any path on any static host.
// DATA_DIR builds another dataset on the same schema.
export default defineConfig({
  base: process.env.BASE_PATH ?? "./",
  plugins: [react(), trimMaplibreStyles(), datasetPlugin(process.env.DATA_DIR ?? "data"), preloadFirstView(), moduleSizes()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: false },
  build: {
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      // The public map, and the maintainers' workbench as an entry of its own (nothing of it in the map's first view).
      input: { main: "index.html", edit: "edit.html" },
      output: {
        codeSplitting: {
          // The libraries and small modules shared by the page shell, the map and the lazy
          // panels: one chunk, instead of several tiny shared chunks that each cost a
          // request and compress worse apart. It holds what the public map and the workbench
          // (edit.html) share too, so that a second entry splits no extra chunk off the first view.
          groups: [
            {
              name: "shared",
              test: /node_modules[\\/](react|react-dom|scheduler|react-i18next|i18next|zustand|use-sync-external-store|zod|@turf[\\/](helpers|meta|bbox|invariant))[\\/]|src[\\/](domain[\\/](palette|labels|layout|datasetIndex|fromDataset|dataset[\\/](schema|size)|config[\\/]siteConfig|view[\\/]\w+)|state[\\/](fetchJson|loadData)|i18n[\\/](i18n|messages|shareMessages)|ui[\\/](StoreContext|usePalette)|draw[\\/]patterns|domain[\\/]searchKeys|contracts[\\/]\w+)\.tsx?$/,
            },
          ],
        },
      },
    },
  },
});
