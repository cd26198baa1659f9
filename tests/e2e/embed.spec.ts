import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { sharedBrowser } from "./support/browser-suite";

// The embedding API across origins: the example host page is served from
// http://localhost:<port>, the app in its frame from http://127.0.0.1:<port> (the same
// preview server, two origins).

const browser = sharedBrowser();

interface Received {
  type: string;
  [key: string]: unknown;
}

interface Host {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  appOrigin: string;
  hostOrigin: string;
  pageErrors: string[];
  consoleErrors: string[];
  outsideRequests: string[];
  /** Lets the held dataset download go (the app becomes ready after it). */
  releaseData: () => void;
  /** Lets the held download of the embed bridge's code go. */
  releaseBridge: () => void;
}

async function openHost(options: {
  allowHost: boolean;
  holdData?: boolean;
  holdBridge?: boolean;
  recordUrlWrites?: boolean;
}): Promise<Host> {
  const base = new URL(inject("baseUrl"));
  const appOrigin = base.origin; // http://127.0.0.1:<port>
  const hostOrigin = `http://localhost:${base.port}`;
  const context = await browser().newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const host: Host = {
    context,
    page,
    frame: undefined as unknown as Frame,
    appOrigin,
    hostOrigin,
    pageErrors: [],
    consoleErrors: [],
    outsideRequests: [],
    releaseData: () => {},
    releaseBridge: () => {},
  };
  page.on("pageerror", (error) => host.pageErrors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") host.consoleErrors.push(msg.text());
  });
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("blob:") || url.startsWith("data:")) return;
    const origin = new URL(url).origin;
    if (origin !== appOrigin && origin !== hostOrigin) host.outsideRequests.push(url);
  });

  // The app's site configuration: the host's origin is allowed, or not.
  await page.route(`${appOrigin}/config.json`, (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ allowedOrigins: options.allowHost ? [hostOrigin] : ["https://partner.example.org"] }),
    }),
  );
  if (options.holdData) {
    const held = new Promise<void>((resolve) => (host.releaseData = resolve));
    await page.route(`${appOrigin}/data/dataset.json`, async (route) => {
      await held;
      await route.continue();
    });
  }

  if (options.holdBridge) {
    const held = new Promise<void>((resolve) => (host.releaseBridge = resolve));
    await page.route(new RegExp(`^${appOrigin.replace(/[.]/g, "\\.")}/assets/embedBridge-[^/]*\\.js$`), async (route) => {
      await held;
      await route.continue();
    });
  }

  if (options.recordUrlWrites) {
    // Every address the app writes (in any frame; read from the app's), to count URL writes.
    await context.addInitScript(() => {
      const writes: string[] = [];
      (window as unknown as { urlWrites: string[] }).urlWrites = writes;
      for (const name of ["pushState", "replaceState"] as const) {
        const original = history[name].bind(history);
        history[name] = (...args: Parameters<History["pushState"]>) => {
          original(...args);
          writes.push(location.search);
        };
      }
    });
  }

  const app = `${appOrigin}/?embed=1&lang=en`;
  await page.goto(`${hostOrigin}/embed-example.html?app=${encodeURIComponent(app)}`);
  await page.waitForSelector("iframe#map");
  // The example page's frame starts at its default address and is then pointed at the app:
  // wait for the page's frame at the app's origin (looked up among all frames, since a
  // cross-origin navigation can hand the frame to another process).
  let frame: Frame | undefined;
  await expect
    .poll(
      () => {
        frame = page.frames().find((f) => f.url().startsWith(`${appOrigin}/`));
        return (
          frame?.url() ??
          page
            .frames()
            .map((f) => f.url())
            .join(" ")
        );
      },
      { timeout: 30_000 },
    )
    .toMatch(new RegExp(`^${appOrigin.replace(/[.]/g, "\\.")}/`));
  host.frame = frame!;
  // The app has booted (its message listener is in place) once React has replaced the
  // static loading line of index.html with the app (React renders after the listener starts).
  await host.frame.waitForFunction(
    () => {
      const root = document.getElementById("root");
      return Boolean(root && root.childElementCount > 0 && !root.querySelector(".boot"));
    },
    null,
    { timeout: 30_000 },
  );
  return host;
}

function received(host: Host, type?: string): Promise<Received[]> {
  return host.page.evaluate(
    (t) => ((window as unknown as { received: Received[] }).received ?? []).filter((m) => !t || m.type === t),
    type,
  );
}

/** Posts from the host page to the frame, at the app's origin. */
function send(host: Host, message: unknown): Promise<void> {
  return host.page.evaluate(([m, origin]) => (document.getElementById("map") as HTMLIFrameElement).contentWindow!.postMessage(m, origin), [
    message,
    host.appOrigin,
  ] as const);
}

/**
 * Waits for the whole greeting: `ready`, then the `state` and `height` the app posts with it.
 * The three arrive as separate message events (under load, up to 235 ms apart were seen), so
 * a count read as soon as `ready` is there can miss the greeting's `state` and then count it
 * as an answer: that made "applies the valid parts of a set with a bad id" flaky.
 */
async function waitForGreeting(host: Host): Promise<void> {
  await expect
    .poll(
      async () => {
        const types = (await received(host)).map((m) => m.type);
        const at = types.indexOf("industry-map:ready");
        const rest = at < 0 ? [] : types.slice(at + 1);
        return at >= 0 && rest.includes("industry-map:state") && rest.includes("industry-map:height");
      },
      { timeout: 45_000 },
    )
    .toBe(true);
}

/** The addresses the app wrote, without the camera, and without the writes that only moved the camera. */
async function urlWritesWithoutCamera(host: Host): Promise<string[]> {
  const writes = await host.frame.evaluate(() => (window as unknown as { urlWrites: string[] }).urlWrites);
  const out: string[] = [];
  for (const search of writes) {
    const query = search
      .replace(/^\?/, "")
      .replace(/(^|&)map=[^&]*/, "")
      .replace(/^&/, "");
    if (out.at(-1) !== query) out.push(query);
  }
  return out;
}

function frameSearch(host: Host): Promise<string> {
  return host.frame.evaluate(() => location.search);
}

async function waitForFrameData(host: Host): Promise<void> {
  // The dataset is shown: the map drew it (or, without WebGL, the notice says so).
  await host.frame.waitForFunction(() => performance.getEntriesByName("map-ready").length > 0, null, { timeout: 45_000 });
}

function expectClean(host: Host): void {
  expect(host.pageErrors, "page errors").toEqual([]);
  expect(host.consoleErrors, "console errors").toEqual([]);
  expect(host.outsideRequests, "requests to other origins").toEqual([]);
}

describe("embedding across origins", () => {
  it("with the host allowed: an early set waits for ready, then state and height arrive, and set changes the view", async () => {
    // given the host page, and the app's dataset still on its way
    const host = await openHost({ allowHost: true, holdData: true });
    // when the host sends a set before the app is ready
    await send(host, { type: "industry-map:set", industries: ["metaverse"] });
    expect(await received(host, "industry-map:ready")).toEqual([]);
    host.releaseData();
    // then ready arrives, and the early set has been applied
    await expect
      .poll(() => received(host, "industry-map:ready"), { timeout: 45_000 })
      .toEqual([{ type: "industry-map:ready", webgl: true, version: 1 }]);
    await expect.poll(() => frameSearch(host)).toContain("industries=metaverse");
    await expect
      .poll(async () => (await received(host, "industry-map:state")).at(-1))
      .toMatchObject({ industries: ["metaverse"], lang: "en", area: null, industry: null, view: "map" });
    // and the height, in CSS pixels, sized the frame
    const heights = await received(host, "industry-map:height");
    expect(heights.length).toBeGreaterThan(0);
    const height = heights.at(-1)!.height as number;
    expect(height).toBeGreaterThan(100);
    expect(await host.page.evaluate(() => document.getElementById("map")!.getBoundingClientRect().height)).toBeCloseTo(height + 2, 0);

    // when the host opens the ETDZ through the example page's button
    await host.page.getByRole("button", { name: "Open the ETDZ" }).click();
    // then the app's view follows, and a state message says so
    await expect.poll(() => frameSearch(host)).toContain("area=etdz");
    await expect
      .poll(async () => (await received(host, "industry-map:state")).at(-1))
      .toMatchObject({ area: "etdz", industries: ["metaverse"] });
    // and the height did not feed back: the frame did not keep growing
    await host.page.waitForTimeout(500);
    const after = await received(host, "industry-map:height");
    expect(after.length).toBeLessThanOrEqual(heights.length + 1);
    expect(await received(host, "industry-map:error")).toEqual([]);
    expectClean(host);
    await host.context.close();
  });

  it("keeps a set that arrives while the bridge's own code is on its way, and applies it once ready", async () => {
    // given the app booted in its frame, the bridge's code (a chunk of its own) still held
    const host = await openHost({ allowHost: true, holdBridge: true });
    // when the host sends a set, then the bridge's code arrives
    await send(host, { type: "industry-map:set", id: "early", industries: ["ccus"] });
    host.releaseBridge();
    // then the set was kept: applied, and answered by its id
    await expect
      .poll(async () => (await received(host, "industry-map:state")).find((m) => m.replyTo === "early"), { timeout: 45_000 })
      .toMatchObject({ industries: ["ccus"] });
    expect(await frameSearch(host)).toContain("industries=ccus");
    expect(await received(host, "industry-map:ready")).toEqual([{ type: "industry-map:ready", webgl: true, version: 1 }]);
    expect(await received(host, "industry-map:error")).toEqual([]);
    expectClean(host);
    await host.context.close();
  });

  it("applies the valid parts of a set with a bad id and answers error naming it", async () => {
    const host = await openHost({ allowHost: true });
    await expect.poll(() => received(host, "industry-map:ready"), { timeout: 45_000 }).toHaveLength(1);
    // Counted from the greeting's state, not from ready.
    await waitForGreeting(host);
    const statesBefore = (await received(host, "industry-map:state")).length;
    // when a set names one industry that does not exist
    await send(host, { type: "industry-map:set", industries: ["ccus", "no-such-industry"], area: "etdz", lang: "zh" });
    // then the rest applies
    await expect.poll(() => frameSearch(host)).toContain("industries=ccus");
    const search = await frameSearch(host);
    expect(search).toContain("area=etdz");
    expect(search).not.toContain("lang=en");
    expect(search).not.toContain("no-such-industry");
    // and the host is told exactly what was ignored
    await expect
      .poll(() => received(host, "industry-map:error"))
      .toEqual([{ type: "industry-map:error", ignored: [{ field: "industries", value: "no-such-industry", reason: "unknown industry" }] }]);
    await expect.poll(async () => (await received(host, "industry-map:state")).length).toBe(statesBefore + 1);
    expect((await received(host, "industry-map:state")).at(-1)).toEqual({
      type: "industry-map:state",
      lang: "zh",
      industries: ["ccus"],
      match: "any",
      tiers: ["key", "extended", "exploratory"],
      kinds: ["county", "zone", "site"],
      area: "etdz",
      industry: null,
      view: "map",
    });
    expectClean(host);
    await host.context.close();
  });

  it("ignores malformed messages without a sound", async () => {
    const host = await openHost({ allowHost: true });
    await expect.poll(() => received(host, "industry-map:ready"), { timeout: 45_000 }).toHaveLength(1);
    await waitForGreeting(host);
    const before = await frameSearch(host);
    const count = (await received(host)).length;
    // when the host sends things that are not set messages, and a set with a non-id area
    for (const message of [null, "x", 42, [], { type: 1 }, { type: "industry-map:unknown" }, { type: "other:set", area: "etdz" }]) {
      await send(host, message);
    }
    await send(host, { type: "industry-map:set", area: 5 });
    // then only the set with an invalid area is answered (with an error), and nothing changed
    await expect
      .poll(() => received(host, "industry-map:error"))
      .toEqual([{ type: "industry-map:error", ignored: [{ field: "area", value: "5", reason: "must be an area or site id, or null" }] }]);
    await host.page.waitForTimeout(300);
    expect(await frameSearch(host)).toBe(before);
    expect((await received(host)).length).toBe(count + 1);
    expectClean(host);
    await host.context.close();
  });

  it("applies each set of a burst as one change under a 4× CPU slowdown: one URL write and one state each, error before state, replies by id", async () => {
    const host = await openHost({ allowHost: true, recordUrlWrites: true });
    await waitForGreeting(host);
    // The host page and the app's frame (its own process) both run 4× slower.
    for (const target of [host.page, host.frame]) {
      const cdp = await host.context.newCDPSession(target);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    const base = {
      type: "industry-map:state",
      lang: "en",
      industries: [] as string[],
      match: "any",
      tiers: ["key", "extended", "exploratory"],
      kinds: ["county", "zone", "site"],
      area: null,
      industry: null,
      view: "map",
    };
    const start = await urlWritesWithoutCamera(host);
    expect(start.at(-1)).toBe("lang=en&embed=1");

    const bursts = [
      {
        sets: [
          { type: "industry-map:set", id: "b1", industries: ["ccus"] },
          { type: "industry-map:set", id: "b2", match: "all", industries: ["ccus", "metaverse"] },
          { type: "industry-map:set", tiers: ["key", "extended"] }, // no id: answered by a state, as it changes the view
          { type: "industry-map:set", id: "b3", industries: ["hydrogen", "no-such-industry"], lang: "zh" },
          { type: "industry-map:set", id: "b4", lang: "zh" }, // changes nothing: still answered, no URL write
          { type: "industry-map:set", id: "b5", kinds: ["county", "zone"] },
        ],
        states: [
          { ...base, replyTo: "b1", industries: ["ccus"] },
          { ...base, replyTo: "b2", industries: ["metaverse", "ccus"], match: "all" },
          { ...base, industries: ["metaverse", "ccus"], match: "all", tiers: ["key", "extended"] },
          { ...base, replyTo: "b3", lang: "zh", industries: ["hydrogen"], match: "all", tiers: ["key", "extended"] },
          { ...base, replyTo: "b4", lang: "zh", industries: ["hydrogen"], match: "all", tiers: ["key", "extended"] },
          {
            ...base,
            replyTo: "b5",
            lang: "zh",
            industries: ["hydrogen"],
            match: "all",
            tiers: ["key", "extended"],
            kinds: ["county", "zone"],
          },
        ],
        writes: [
          "lang=en&industries=ccus&embed=1",
          "lang=en&industries=metaverse,ccus&match=all&embed=1",
          "lang=en&industries=metaverse,ccus&match=all&tiers=key,extended&embed=1",
          "industries=hydrogen&match=all&tiers=key,extended&embed=1",
          "industries=hydrogen&match=all&tiers=key,extended&kinds=county,zone&embed=1",
        ],
        errors: [
          {
            type: "industry-map:error",
            ignored: [{ field: "industries", value: "no-such-industry", reason: "unknown industry" }],
            replyTo: "b3",
            applied: ["lang", "industries"],
          },
        ],
      },
      {
        sets: [
          { type: "industry-map:set", id: "c1", industries: [] },
          { type: "industry-map:set", id: "c2", match: "any", tiers: ["key", "extended", "exploratory"] },
          { type: "industry-map:set", kinds: ["county", "zone", "site"] },
          { type: "industry-map:set", id: "c3", lang: "en" },
        ],
        states: [
          { ...base, replyTo: "c1", lang: "zh", match: "all", tiers: ["key", "extended"], kinds: ["county", "zone"] },
          { ...base, replyTo: "c2", lang: "zh", kinds: ["county", "zone"] },
          { ...base, lang: "zh" },
          { ...base, replyTo: "c3" },
        ],
        writes: ["match=all&tiers=key,extended&kinds=county,zone&embed=1", "kinds=county,zone&embed=1", "embed=1", "lang=en&embed=1"],
        errors: [],
      },
    ];
    for (const burst of bursts) {
      const messagesBefore = (await received(host)).length;
      const writesBefore = (await urlWritesWithoutCamera(host)).length;
      // when the host posts the whole burst in one go (one task of the host page)
      await host.page.evaluate(
        ([sets, origin]) => {
          const target = (document.getElementById("map") as HTMLIFrameElement).contentWindow!;
          for (const m of sets) target.postMessage(m, origin);
        },
        [burst.sets, host.appOrigin] as const,
      );
      const answers = async () => (await received(host)).slice(messagesBefore).filter((m) => m.type !== "industry-map:height");
      await expect
        .poll(async () => (await answers()).filter((m) => m.type === "industry-map:state").length, { timeout: 30_000 })
        .toBe(burst.states.length);
      // Time for any second state or URL write to show, slowed down as it is.
      await host.page.waitForTimeout(1500);
      // then each set was answered once, in order, its error just before its state
      const expected = burst.states.flatMap((state) => [
        ...burst.errors.filter((e) => e.replyTo === (state as { replyTo?: string }).replyTo),
        state,
      ]);
      expect(await answers()).toEqual(expected);
      // and each set that changed the view wrote the address once, with all its parts at once
      expect((await urlWritesWithoutCamera(host)).slice(writesBefore)).toEqual(burst.writes);
    }
    expectClean(host);
    await host.context.close();
  });

  it("answers get with the current state, echoing its id", async () => {
    const host = await openHost({ allowHost: true });
    await waitForGreeting(host);
    await send(host, { type: "industry-map:set", id: "s", area: "etdz" });
    await send(host, { type: "industry-map:get", id: "g1" });
    await send(host, { type: "industry-map:get" });
    await expect.poll(async () => (await received(host, "industry-map:state")).filter((m) => m.replyTo === "g1")).toHaveLength(1);
    const states = await received(host, "industry-map:state");
    const reply = states.find((m) => m.replyTo === "g1")!;
    expect(reply).toMatchObject({ area: "etdz", lang: "en", industries: [] });
    // and a get without id is answered too, without replyTo (after the answer to g1)
    const plain = Object.fromEntries(Object.entries(reply).filter(([key]) => key !== "replyTo"));
    await expect.poll(async () => (await received(host, "industry-map:state")).slice(states.indexOf(reply) + 1)).toEqual([plain]);
    expect(await received(host, "industry-map:error")).toEqual([]);
    expectClean(host);
    await host.context.close();
  });

  it("with the host not allowed: nothing is applied and nothing is posted to it", async () => {
    const host = await openHost({ allowHost: false });
    await waitForFrameData(host);
    const before = await frameSearch(host);
    // when the host sends a valid set
    await send(host, { type: "industry-map:set", industries: ["metaverse"], area: "etdz" });
    await host.page.waitForTimeout(1000);
    // then the app did not change, and the host heard nothing at all
    expect(await frameSearch(host)).toBe(before);
    expect(before).not.toContain("metaverse");
    expect(await received(host)).toEqual([]);
    // and the app itself works as usual in its frame
    expect(await host.frame.evaluate(() => document.documentElement.lang || "set")).toBeTruthy();
    expectClean(host);
    await host.context.close();
  });
});
