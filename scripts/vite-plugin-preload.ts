import type { Plugin } from "vite";

/**
 * The map chunk (MapLibre) is imported lazily so the page shell renders first, but the
 * first view always needs it, and the dataset: tell the browser to fetch both alongside
 * the entry script instead of after it has run.
 */
export function preloadFirstView(moduleSuffix = "src/map/IndustryMap.ts", dataPath = "data/dataset.json"): Plugin {
  return {
    name: "industry-map-preload-first-view",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        // The public map's page only: the workbench (edit.html) loads its own data.
        if (!ctx.path.endsWith("/index.html") && ctx.path !== "/") return [];
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === "chunk" && c.facadeModuleId?.replaceAll("\\", "/").endsWith(moduleSuffix),
        );
        if (!chunk || chunk.type !== "chunk") return [];
        const base = ctx.server ? "/" : "./";
        return [
          { tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: "head" },
          // The default dataset too (a deployment whose config names another one just wastes this request).
          { tag: "link", attrs: { rel: "preload", as: "fetch", crossorigin: "anonymous", href: `${base}${dataPath}` }, injectTo: "head" },
        ];
      },
    },
  };
}
