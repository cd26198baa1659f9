import type { Page } from "playwright-core";

export async function waitForMapReady(page: Page, timeout = 300_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout });
}

/**
 * Clicks an element `count` times from inside the page: the real event path (React's
 * onChange, the store action a person's click runs), without a driver round trip per click.
 * `framesEvery`: wait for two animation frames after every n-th click (1: after each, so
 * each state is drawn); between those, a macrotask, so the app handles each click on its own.
 */
export async function clickInPage(page: Page, selector: string, count: number, framesEvery = 1): Promise<void> {
  // A string, not a function: tsx's name helpers would not exist in the page.
  await page.evaluate(`(async () => {
    const selector = ${JSON.stringify(selector)};
    for (let n = 1; n <= ${count}; n++) {
      const el = document.querySelector(selector);
      if (!el) throw new Error("no " + selector);
      el.click();
      if (n % ${framesEvery} === 0) {
        await new Promise((done) => requestAnimationFrame(done));
        await new Promise((done) => requestAnimationFrame(done));
      } else await new Promise((done) => setTimeout(done, 0));
    }
  })()`);
}
