import type { Page } from "playwright-core";
import type { Dataset } from "../../src/domain/dataset/schema";

// The built app pointed at the synthetic national-size set without writing to the served
// folder: config.json names the set, and the map context is an empty collection (the
// base city's neighbours mean nothing on a national grid).

export const SYNTHETIC_DATA_PATH = "data/synthetic-national.json";
const EMPTY_CONTEXT_PATH = "data/synthetic-context.json";

/**
 * Serves the synthetic set to `page` through a routed config.json (dataUrl) and an empty map
 * context. The data itself is routed too, unless `servedFromDisk` says the server already
 * has it at SYNTHETIC_DATA_PATH (see writeSynthetic).
 */
export async function routeSynthetic(page: Page, dataset: Dataset | string, servedFromDisk = false): Promise<void> {
  const body = typeof dataset === "string" ? dataset : JSON.stringify(dataset);
  await routeDataUrl(page, SYNTHETIC_DATA_PATH);
  if (!servedFromDisk) await page.route(`**/${SYNTHETIC_DATA_PATH}`, (route) => route.fulfill({ contentType: "application/json", body }));
}

/**
 * Points the app at another dataset (`dataPath`, relative to the site) through a routed
 * config.json (dataUrl), with an empty map context: what the synthetic set and the tiled
 * national set (scripts/bench/figures/nationalApp.ts) share.
 */
export async function routeDataUrl(page: Page, dataPath: string): Promise<void> {
  await page.route("**/config.json", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ dataUrl: dataPath, contextUrl: EMPTY_CONTEXT_PATH }),
    }),
  );
  await page.route(`**/${EMPTY_CONTEXT_PATH}`, (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ type: "FeatureCollection", features: [] }) }),
  );
}
