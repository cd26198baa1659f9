import { preview, type PreviewServer } from "vite";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "../../../support/browser/chromium";
import { buildLikeNpm } from "./production-build";

// Builds the site once, with `npm run build` itself (production-build.ts), and serves dist/
// with Vite's preview server on an ephemeral port; specs find it through the provided
// `baseUrl`. tests/e2e/production-build.spec.ts checks that dist/ is what `npm run build` makes.
let server: PreviewServer | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // fail fast, with the install instruction, before spending time on a build
  const root = resolve(import.meta.dirname, "../../..");
  if (!process.env.E2E_SKIP_BUILD) {
    buildLikeNpm(root);
  }
  server = await preview({ root, configFile: resolve(root, "vite.config.ts"), preview: { port: 0, host: "127.0.0.1" }, logLevel: "warn" });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no port");
  project.provide("baseUrl", `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((done) => (server ? server.httpServer.close(() => done()) : done()));
}
