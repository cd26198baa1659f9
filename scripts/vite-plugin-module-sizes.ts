import { statSync } from "node:fs";
import { relative, sep } from "node:path";
import type { Plugin } from "vite";

/** Where the manifest lands in the build: under Vite's own hidden `.vite/` (see deploy/README.md). */
export const MODULE_SIZES_FILE = ".vite/module-sizes.json";

/** Built file (path under outDir) → the modules in it, each with its size in bytes. */
export interface ModuleSizes {
  /** JS chunks: each module's rendered length in the chunk (before minification). */
  scripts: Record<string, Record<string, number>>;
  /** CSS files: each bundled stylesheet's source size (a CSS file's modules are not rendered apart). */
  styles: Record<string, Record<string, number>>;
}

/** Library code: under node_modules, or a virtual module (bundler runtime, Vite's helpers). */
export function isLibraryModule(id: string): boolean {
  return id.startsWith("\0") || id.startsWith("virtual:") || id.split(/[\\/]/).includes("node_modules") || id.startsWith("..");
}

/**
 * Records which module each built byte came from, so the first-view budget gate
 * (tests/e2e/budget.spec.ts) and the bench can split the transfer into the project's own part
 * and the libraries' without source maps. Written into the build as a hidden file; ids are
 * relative to the project root so the build does not depend on where it was made.
 */
export function moduleSizes(): Plugin {
  let root = "";
  return {
    name: "industry-map-module-sizes",
    apply: "build",
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const name = (id: string) =>
        id.startsWith("\0") ? `\0${id.slice(1).replace(/\?.*$/, "")}` : relative(root, id.replace(/\?.*$/, "")).split(sep).join("/");
      const sizes: ModuleSizes = { scripts: {}, styles: {} };
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        const modules: Record<string, number> = {};
        const css: string[] = [];
        for (const [id, info] of Object.entries(file.modules)) {
          if (/\.css($|\?)/.test(id)) css.push(id);
          else if (info.renderedLength > 0) modules[name(id)] = (modules[name(id)] ?? 0) + info.renderedLength;
        }
        sizes.scripts[file.fileName] = modules;
        for (const cssFile of file.viteMetadata?.importedCss ?? []) {
          const entry = (sizes.styles[cssFile] ??= {});
          for (const id of css) {
            const path = id.replace(/\?.*$/, "");
            entry[name(id)] = path.startsWith("\0") ? 0 : statSync(path).size;
          }
        }
      }
      this.emitFile({ type: "asset", fileName: MODULE_SIZES_FILE, source: JSON.stringify(sizes, null, 1) + "\n" });
    },
  };
}
