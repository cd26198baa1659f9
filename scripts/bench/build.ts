import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { build, preview, type PreviewServer, type Rolldown } from "vite";

const BENCH_OUT_DIR = "bench-dist";

export interface BenchBuild {
  outDir: string;
  /** Built CSS file (path under outDir) → the CSS sources bundled into it (absolute ids). */
  cssSources: Map<string, string[]>;
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rolldown.RolldownOutput[] {
  if (Array.isArray(result)) return result;
  if ("output" in result) return [result];
  throw new Error("vite build returned a watcher; the bench needs a one-off build");
}

/**
 * Two builds into bench-dist/ (git-ignored):
 * 1. the app exactly as `npm run build` makes it (same vite.config.ts, same chunk graph, so
 *    the same files and hashes as dist/), except that source maps are written "hidden":
 *    beside each file for the own/library split, with no sourceMappingURL in the code;
 * 2. the bare MapLibre page (bench/bare.html) on top, with the same maplibre-gl from the
 *    same node_modules, so both pages are served by one preview server.
 * Building the bare page as a second input of the app build would change the app's chunk
 * graph (maplibre split from the map chunk, a shared runtime chunk), so it is built apart.
 */
export async function buildForBench(root: string): Promise<BenchBuild> {
  const outDir = resolve(root, BENCH_OUT_DIR);
  rmSync(outDir, { recursive: true, force: true });
  const app = await build({
    root,
    configFile: resolve(root, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: "hidden" },
  });
  const cssSources = new Map<string, string[]>();
  for (const output of outputsOf(app)) {
    for (const file of output.output) {
      if (file.type !== "chunk") continue;
      const css = Object.keys(file.modules).filter((id) => /\.css($|\?)/.test(id));
      for (const cssFile of file.viteMetadata?.importedCss ?? []) {
        cssSources.set(cssFile, [...(cssSources.get(cssFile) ?? []), ...css]);
      }
    }
  }
  await build({
    root,
    configFile: false,
    base: "./",
    mode: "production",
    logLevel: "warn",
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: "es2022",
      chunkSizeWarningLimit: 1100,
      rolldownOptions: { input: { bare: resolve(root, "bench/bare.html"), "bare-tiles": resolve(root, "bench/bare-tiles.html") } },
    },
  });
  return { outDir, cssSources };
}

export async function serve(root: string, outDir: string): Promise<{ server: PreviewServer; baseUrl: string }> {
  const server = await preview({
    root,
    configFile: resolve(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no port");
  return { server, baseUrl: `http://127.0.0.1:${address.port}/` };
}

export function close(server: PreviewServer): Promise<void> {
  return new Promise((done) => server.httpServer.close(() => done()));
}
