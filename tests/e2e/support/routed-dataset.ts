import type { Page } from "playwright-core";

/**
 * Serves a dataset (and map context) the way a deployment of another city would: a
 * config.json whose `dataUrl` and `contextUrl` name them, both answered by routes.
 */
export async function routeDataset(
  page: Page,
  files: { dataset: unknown; context?: unknown; config?: Record<string, unknown> },
  path = "fixtures/test-city",
): Promise<void> {
  const config = { ...files.config, dataUrl: `${path}/dataset.json`, contextUrl: `${path}/context.json` };
  const json = (body: unknown) => ({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  await page.route("**/config.json", (route) => route.fulfill(json(config)));
  await page.route(`**/${path}/dataset.json`, (route) => route.fulfill(json(files.dataset)));
  await page.route(`**/${path}/context.json`, (route) => route.fulfill(json(files.context ?? { type: "FeatureCollection", features: [] })));
}

/** Every piece of text a person (or a screen reader) meets on the page, including labels and titles. */
export function visibleTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")].flatMap((el) =>
      ["aria-label", "title", "alt", "placeholder"].map((name) => el.getAttribute(name) ?? ""),
    );
    return [document.title, document.body.innerText, ...attributes].join("\n");
  });
}
