import type { Plugin, Rollup } from "vite";

/**
 * The map's code (MapLibre and the map binding) is imported lazily so the page shell renders
 * first, but the first view always needs it, with its stylesheet, the dataset and the site
 * configuration: tell the browser to fetch them all alongside the entry script instead of
 * after it has run. Without these, the binding's chunk, the map's stylesheet and
 * `config.json` were asked for only once the entry and its shared chunk had been evaluated
 * (on a throttled phone ≈ 2 s after the start, the binding arriving after MapLibre).
 */
export function preloadFirstView(
  moduleSuffixes = ["src/map/IndustryMap.ts", "src/map/MapBinding.ts"],
  fetchPaths = ["data/dataset.json", "config.json"],
): Plugin {
  return {
    name: "industry-map-preload-first-view",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        // The public map's page only: the workbench (edit.html) loads its own data.
        if (!ctx.path.endsWith("/index.html") && ctx.path !== "/") return [];
        const chunks = moduleSuffixes.map((suffix) => chunkOf(ctx.bundle, suffix));
        if (chunks.some((c) => !c)) return [];
        const base = ctx.server ? "/" : "./";
        const css = [...new Set(chunks.flatMap((c) => [...(c!.viteMetadata?.importedCss ?? [])]))];
        return [
          ...chunks.map((c) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${c!.fileName}` },
            injectTo: "head" as const,
          })),
          // Preloaded, not linked: a stylesheet link would hold the shell's first paint back.
          // With crossorigin, as the chunk loader's own <link> asks for it, or it is fetched twice.
          ...css.map((file) => ({
            tag: "link",
            attrs: { rel: "preload", as: "style", crossorigin: true, href: `${base}${file}` },
            injectTo: "head" as const,
          })),
          // A deployment whose config names another dataset just wastes that request; one
          // with no config.json gets the 404 it would have got anyway.
          ...fetchPaths.map((path) => ({
            tag: "link",
            attrs: { rel: "preload", as: "fetch", crossorigin: "anonymous", href: `${base}${path}` },
            injectTo: "head" as const,
          })),
        ];
      },
    },
  };
}

function chunkOf(bundle: Rollup.OutputBundle | undefined, suffix: string): Rollup.OutputChunk | undefined {
  const found = Object.values(bundle ?? {}).find((c) => c.type === "chunk" && c.facadeModuleId?.replaceAll("\\", "/").endsWith(suffix));
  return found?.type === "chunk" ? found : undefined;
}
