import type { Page } from "playwright-core";

// The planner view's time to open (issue 18 §3: "the planner view opens at once with the
// result"): from a click on the header's "Planner view" (the app in English, the map ready)
// to the first animation frame with the matrix's first row, and with the first finding, in
// the page. The click loads the view's chunk and, on a tiled set, the published analysis.

export interface PlannerOpen {
  /** ms from the click to the first frame with a row of the matrix. */
  firstRow: number;
  /** ms from the click to the first frame with a finding. */
  firstFinding: number;
  /** Rows and findings in the page at that frame. */
  rows: number;
  findings: number;
}

const LABEL = "Planner view";

/** Opens the planner view in `page` and times it (see above). */
export async function timePlannerOpen(page: Page, timeoutMs = 180_000): Promise<PlannerOpen> {
  // A string, not a function: tsx's name helpers would not exist in the page.
  return (await page.evaluate(`(async () => {
    const button = [...document.querySelectorAll("header button")].find((b) => b.textContent === ${JSON.stringify(LABEL)});
    if (!button) throw new Error("no ${LABEL} button");
    const rowSelector = ".overlap-table tbody tr";
    const findingSelector = ".overlap-findings li[data-finding]";
    const t0 = performance.now();
    button.click();
    let firstRow = null;
    let firstFinding = null;
    while (firstRow === null || firstFinding === null) {
      await new Promise((done) => requestAnimationFrame(done));
      const t = performance.now() - t0;
      if (firstRow === null && document.querySelector(rowSelector)) firstRow = t;
      if (firstFinding === null && document.querySelector(findingSelector)) firstFinding = t;
      if (t > ${timeoutMs}) throw new Error("the planner view did not show a row and a finding in ${timeoutMs} ms");
    }
    return {
      firstRow,
      firstFinding,
      rows: document.querySelectorAll(rowSelector).length,
      findings: document.querySelectorAll(findingSelector).length,
    };
  })()`)) as PlannerOpen;
}
