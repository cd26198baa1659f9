import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/**
 * Runs `npm run build` (that is `vite build`) in a child process, as a person or a deployer
 * would, so the browser tests drive exactly what ships. Building with Vite's `build()` inside
 * Vitest would inherit `NODE_ENV=test` and bundle React's development build.
 * The environment is the caller's minus what the test runner sets and the variables that
 * change what `vite.config.ts` builds (BASE_PATH, DATA_DIR): the default build, always.
 */
export function buildLikeNpm(root: string, extraArgs: string[] = []): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV|BASE_PATH|DATA_DIR|VITEST.*|TEST|npm_lifecycle_.*)$/.test(key)) continue;
    env[key] = value;
  }
  const result = spawnSync("npm", ["run", "--silent", "build", ...(extraArgs.length ? ["--", ...extraArgs] : [])], {
    cwd: resolve(root),
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
