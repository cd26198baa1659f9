import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Frame, Page } from "playwright-core";
import type { IndustryMap, IndustryMapError, State } from "../../public/embed-host.js";
import { sharedBrowser } from "./support/browser-suite";

// The host helper public/embed-host.js against the real app, across origins: the example
// host page (which uses the helper) at http://localhost:<port>, the app in its frame at
// http://127.0.0.1:<port>.

const browser = sharedBrowser();

interface Opened {
  context: BrowserContext;
  page: Page;
  appOrigin: string;
  hostOrigin: string;
  pageErrors: string[];
}

declare global {
  interface Window {
    industryMap: IndustryMap;
  }
}

/** The example host page, its frame pointed at `appPath` on the app's origin. */
async function openExample(appPath = "/?embed=1&lang=en"): Promise<Opened> {
  const base = new URL(inject("baseUrl"));
  const appOrigin = base.origin;
  const hostOrigin = `http://localhost:${base.port}`;
  const context = await browser().newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const opened: Opened = { context, page, appOrigin, hostOrigin, pageErrors: [] };
  page.on("pageerror", (error) => opened.pageErrors.push(error.message));
  await page.route(`${appOrigin}/config.json`, (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ allowedOrigins: [hostOrigin] }) }),
  );
  // A page at the app's origin that never answers.
  await page.route(`${appOrigin}/silent.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>silent</title>" }),
  );
  await page.goto(`${hostOrigin}/embed-example.html?app=${encodeURIComponent(appOrigin + appPath)}`);
  await page.waitForFunction(() => Boolean(window.industryMap));
  return opened;
}

function appFrame(opened: Opened): Frame {
  const frame = opened.page.frames().find((f) => f.url().startsWith(`${opened.appOrigin}/`));
  if (!frame) throw new Error("no app frame");
  return frame;
}

/** Calls the helper in the host page; a rejection comes back as `{rejected: {name, code, message, ignored, state}}`. */
function call<T>(opened: Opened, fn: (map: IndustryMap) => Promise<T>): Promise<T | { rejected: Partial<IndustryMapError> }> {
  return opened.page.evaluate(async (source) => {
    // The function's text, run in the host page (where the helper lives).
    const f = new Function("map", `return (${source})(map)`) as (map: IndustryMap) => Promise<unknown>;
    try {
      return await f(window.industryMap);
    } catch (e) {
      const error = e as IndustryMapError;
      return { rejected: { name: error.name, code: error.code, message: error.message, ignored: error.ignored, state: error.state } };
    }
  }, fn.toString()) as Promise<T | { rejected: Partial<IndustryMapError> }>;
}

const DEFAULT_STATE: State = {
  lang: "en",
  industries: [],
  match: "any",
  tiers: ["key", "extended", "exploratory"],
  kinds: ["county", "zone", "site"],
  area: null,
  industry: null,
  view: "map",
};

describe("the host helper embed-host.js, against the app", () => {
  it("ready() gives version 1; set() resolves with the state and what was ignored; get() reads the state", async () => {
    const opened = await openExample();
    // ready: the contract's version
    expect(await call(opened, (map) => map.ready())).toEqual({ type: "industry-map:ready", webgl: true, version: 1 });
    // a valid set: the new state, nothing ignored, and the app's address follows
    expect(await call(opened, (map) => map.set({ industries: ["metaverse"], area: "etdz" }))).toEqual({
      state: { ...DEFAULT_STATE, industries: ["metaverse"], area: "etdz" },
      ignored: [],
    });
    await expect.poll(() => appFrame(opened).evaluate(() => location.search), { timeout: 15_000 }).toContain("industries=metaverse");
    // a set with a bad id: the rest applies, the bad id is listed
    expect(await call(opened, (map) => map.set({ industries: ["ccus", "no-such-industry"], lang: "zh" }))).toEqual({
      state: { ...DEFAULT_STATE, lang: "zh", industries: ["ccus"], area: "etdz" },
      ignored: [{ field: "industries", value: "no-such-industry", reason: "unknown industry" }],
    });
    // a set that changes nothing still resolves, with the current state
    expect(await call(opened, (map) => map.set({ lang: "zh" }))).toEqual({
      state: { ...DEFAULT_STATE, lang: "zh", industries: ["ccus"], area: "etdz" },
      ignored: [],
    });
    // get: the current state
    expect(await call(opened, (map) => map.get())).toEqual({ ...DEFAULT_STATE, lang: "zh", industries: ["ccus"], area: "etdz" });
    expect(opened.pageErrors).toEqual([]);
    await opened.context.close();
  });

  it("set() rejects when nothing could be applied, and the view stays as it was", async () => {
    const opened = await openExample();
    await call(opened, (map) => map.ready());
    const before = await appFrame(opened).evaluate(() => location.search);
    const result = await call(opened, (map) => map.set({ area: "atlantis", lang: "fr" } as unknown as Parameters<IndustryMap["set"]>[0]));
    expect(result).toEqual({
      rejected: {
        name: "IndustryMapError",
        code: "nothing-applied",
        message: expect.stringContaining("atlantis") as unknown as string,
        ignored: [
          { field: "lang", value: "fr", reason: "must be zh or en" },
          { field: "area", value: "atlantis", reason: "unknown area or site" },
        ],
        state: DEFAULT_STATE,
      },
    });
    expect(await appFrame(opened).evaluate(() => location.search)).toBe(before);
    expect(opened.pageErrors).toEqual([]);
    await opened.context.close();
  });

  it("on('state') and on('height') call back until unsubscribed; messages from elsewhere are not heard", async () => {
    const opened = await openExample();
    await call(opened, (map) => map.ready());
    await opened.page.evaluate(() => {
      const w = window as unknown as { seen: { states: State[]; heights: number[] }; offState: () => void; offHeight: () => void };
      w.seen = { states: [], heights: [] };
      w.offState = window.industryMap.on("state", (state) => w.seen.states.push(state));
      w.offHeight = window.industryMap.on("height", (height) => w.seen.heights.push(height));
      // A fake state and height from the host page itself (not the map's window): ignored.
      window.postMessage({ type: "industry-map:state", ...{ lang: "zh" } }, "*");
      window.postMessage({ type: "industry-map:height", height: 12345 }, "*");
    });
    const seen = () => opened.page.evaluate(() => (window as unknown as { seen: { states: State[]; heights: number[] } }).seen);
    // a change made by a set is heard
    await call(opened, (map) => map.set({ industries: ["hydrogen"] }));
    await expect.poll(async () => (await seen()).states, { timeout: 15_000 }).toEqual([{ ...DEFAULT_STATE, industries: ["hydrogen"] }]);
    // a change of the app's height (its document grows) is heard, in CSS pixels
    await appFrame(opened).evaluate(() => {
      document.body.style.minHeight = "3200px";
    });
    await expect.poll(async () => (await seen()).heights.at(-1) ?? 0, { timeout: 15_000 }).toBeGreaterThan(3000);
    expect((await seen()).heights).not.toContain(12345);
    // unsubscribed: nothing more
    await opened.page.evaluate(() => {
      const w = window as unknown as { offState: () => void; offHeight: () => void };
      w.offState();
      w.offHeight();
    });
    const counts = await seen();
    await call(opened, (map) => map.set({ industries: [] }));
    await appFrame(opened).evaluate(() => {
      document.body.style.minHeight = "";
    });
    await opened.page.waitForTimeout(800);
    expect(await seen()).toEqual(counts);
    expect(opened.pageErrors).toEqual([]);
    await opened.context.close();
  });

  it("set() and get() reject after the timeout against a frame that never answers (5 s by default)", async () => {
    const opened = await openExample("/silent.html");
    await expect
      .poll(() => opened.page.frames().some((f) => f.url() === `${opened.appOrigin}/silent.html`), { timeout: 30_000 })
      .toBe(true);
    // the example's helper, with the default timeout
    const started = Date.now();
    const result = await call(opened, (map) => map.set({ area: "etdz" }));
    const waited = Date.now() - started;
    expect(result).toMatchObject({ rejected: { code: "timeout", name: "IndustryMapError" } });
    expect(waited).toBeGreaterThanOrEqual(4900);
    expect(waited).toBeLessThan(15_000);
    // a helper with a shorter timeout, for get and set
    // (as text: the test runner would rewrite a dynamic import written in a function)
    const short = (await opened.page.evaluate(`(async () => {
      const { connectIndustryMap } = await import(new URL("embed-host.js", location.href).href);
      const map = connectIndustryMap(document.getElementById("map"), { timeoutMs: 300 });
      const t0 = performance.now();
      const outcomes = await Promise.allSettled([map.get(), map.set({ lang: "zh" })]);
      return { ms: performance.now() - t0, codes: outcomes.map((o) => (o.status === "rejected" ? o.reason.code : "resolved")) };
    })()`)) as { ms: number; codes: string[] };
    expect(short.codes).toEqual(["timeout", "timeout"]);
    expect(short.ms).toBeGreaterThanOrEqual(290);
    expect(short.ms).toBeLessThan(4000);
    expect(opened.pageErrors).toEqual([]);
    await opened.context.close();
  });

  it("destroy() rejects what is pending and stops listening", async () => {
    const opened = await openExample("/silent.html");
    const result = await opened.page.evaluate(async () => {
      const pending = window.industryMap.get().catch((e: IndustryMapError) => e.code);
      window.industryMap.destroy();
      const after = await window.industryMap.set({ lang: "zh" }).catch((e: IndustryMapError) => e.code);
      return [await pending, after];
    });
    expect(result).toEqual(["destroyed", "destroyed"]);
    await opened.context.close();
  });
});
