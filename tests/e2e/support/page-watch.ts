import type { Page } from "playwright-core";

/**
 * Records what must never happen in a run: a console error, a page error, an unhandled
 * rejection, a response ≥ 400, or a request leaving the page's own origin.
 */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  failedResponses: string[];
  outsideRequests: string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], failedResponses: [], outsideRequests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => watch.pageErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) watch.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = request.url();
    // blob: and data: URLs (MapLibre's worker, generated images) belong to the page.
    if (url.startsWith("blob:") || url.startsWith("data:")) return;
    if (new URL(url).origin !== origin) watch.outsideRequests.push(url);
  });
  return watch;
}
