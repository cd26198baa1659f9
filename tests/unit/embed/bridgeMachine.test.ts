import { describe, expect, it } from "vitest";
import { SMALL_VOCABULARY } from "../../support/smallVocabulary";
import {
  datasetShown,
  initialBridgeState,
  MAX_QUEUED,
  originOf,
  stepBridge,
  type BridgeEffect,
  type BridgeEvent,
  type BridgeState,
} from "../../../src/domain/embed/bridgeMachine";
import { CONTRACT_VERSION } from "../../../src/domain/embed/embedMessages";
import { DEFAULT_VIEW, type ViewState } from "../../../src/domain/view/viewState";

const OWN = "https://map.example.org";
const HOST = "https://partner.example.org";
const STRANGER = "https://evil.example.com";

const view: ViewState = { ...DEFAULT_VIEW, lang: "en" };
const ready = (over: Partial<Extract<BridgeEvent, { type: "ready" }>> = {}): BridgeEvent => ({
  type: "ready",
  vocab: SMALL_VOCABULARY,
  allowedOrigins: [HOST],
  view,
  webgl: true,
  ...over,
});
const message = (data: unknown, origin = HOST): BridgeEvent => ({ type: "message", origin, data });

/** Runs events in order, answering every `measure` with a height of 700, as the window binding does. */
function run(state: BridgeState, ...events: BridgeEvent[]): { state: BridgeState; effects: BridgeEffect[] } {
  const effects: BridgeEffect[] = [];
  const pending = [...events];
  while (pending.length > 0) {
    const step = stepBridge(state, pending.shift()!);
    state = step.state;
    for (const effect of step.effects) {
      if (effect.kind === "measure") {
        const measured = stepBridge(state, { type: "height", height: 700 });
        state = measured.state;
        effects.push(...measured.effects);
      } else effects.push(effect);
    }
  }
  return { state, effects };
}

const posted = (effects: BridgeEffect[]) => effects.flatMap((e) => (e.kind === "post" ? [e.message] : []));
const types = (effects: BridgeEffect[]) => posted(effects).map((m) => m.type);

describe("originOf", () => {
  it("gives a URL's origin, and none for a null origin or no URL", () => {
    expect(originOf("https://partner.example.org/page?x=1")).toBe(HOST);
    expect(originOf("about:blank")).toBeNull();
    expect(originOf("not a url")).toBeNull();
  });
});

describe("datasetShown", () => {
  const shown = { dataset: {}, webgl: true, mapCodeFailed: false, mapReady: true };
  it("waits for the dataset, and for the map unless there is none to wait for", () => {
    expect(datasetShown({ ...shown, dataset: null })).toBe(false);
    expect(datasetShown({ ...shown, mapReady: false })).toBe(false);
    expect(datasetShown(shown)).toBe(true);
    expect(datasetShown({ ...shown, mapReady: false, webgl: false })).toBe(true);
    expect(datasetShown({ ...shown, mapReady: false, mapCodeFailed: true })).toBe(true);
  });
});

describe("the embed bridge machine", () => {
  it("says nothing before ready, and keeps what the parent sends until then", () => {
    const { state, effects } = run(
      initialBridgeState(OWN, ""),
      message({ type: "industry-map:get" }),
      message({ type: "industry-map:set", match: "all" }),
    );
    expect(effects).toEqual([]);
    expect(state.queued).toHaveLength(2);
  });

  it("keeps at most MAX_QUEUED messages before ready", () => {
    const events = Array.from({ length: MAX_QUEUED + 5 }, (_, i) => message({ type: "industry-map:get", id: String(i) }));
    const { state } = run(initialBridgeState(OWN, ""), ...events);
    expect(state.queued).toHaveLength(MAX_QUEUED);
    const answered = posted(run(state, ready()).effects).filter((m) => m.type === "industry-map:state" && m.replyTo !== undefined);
    expect(answered).toHaveLength(MAX_QUEUED);
    expect(answered.at(-1)).toMatchObject({ replyTo: String(MAX_QUEUED - 1) });
  });

  it("greets an allowed referrer at ready: ready, the state, then the height", () => {
    const { state, effects } = run(initialBridgeState(OWN, `${HOST}/page.html`), ready());
    expect(posted(effects)).toEqual([
      { type: "industry-map:ready", webgl: true, version: CONTRACT_VERSION },
      expect.objectContaining({ type: "industry-map:state", lang: "en", view: "map", area: null }),
      { type: "industry-map:height", height: 700 },
    ]);
    expect(effects.every((e) => e.kind !== "post" || e.origin === HOST)).toBe(true);
    expect(state.readySent).toBe(true);
  });

  it("tells a framed app without WebGL that it has none", () => {
    const { effects } = run(initialBridgeState(OWN, `${HOST}/`), ready({ webgl: false }));
    expect(posted(effects)[0]).toEqual({ type: "industry-map:ready", webgl: false, version: CONTRACT_VERSION });
  });

  it("does not greet a referrer the configuration does not allow, nor hear it", () => {
    const start = initialBridgeState(OWN, `${STRANGER}/`);
    const { state, effects } = run(start, ready(), message({ type: "industry-map:get", id: "x" }, STRANGER));
    expect(effects).toEqual([]);
    expect(state.parentOrigin).toBeNull();
  });

  it("takes the first allowed message's origin as the parent's, greets it, then answers", () => {
    const { state, effects } = run(
      initialBridgeState(OWN, ""),
      message({ type: "industry-map:get", id: "early" }, STRANGER),
      ready(),
      message({ type: "industry-map:get", id: "a" }),
    );
    expect(state.parentOrigin).toBe(HOST);
    expect(types(effects)).toEqual(["industry-map:ready", "industry-map:state", "industry-map:height", "industry-map:state"]);
    expect(posted(effects).at(-1)).toMatchObject({ replyTo: "a" });
  });

  it("hears its own origin always, and ignores messages that are not the contract's", () => {
    const start = run(initialBridgeState(OWN, ""), ready()).state;
    expect(run(start, message({ type: "other:get" }, OWN), message("industry-map:get", OWN)).effects).toEqual([]);
    expect(types(run(start, message({ type: "industry-map:get" }, OWN)).effects)).toContain("industry-map:ready");
  });

  it("handles the queued messages in order after the greeting", () => {
    const { state } = run(
      initialBridgeState(OWN, `${HOST}/`),
      message({ type: "industry-map:set", match: "all", id: "1" }),
      message({ type: "industry-map:get", id: "2" }),
    );
    const { effects } = run(state, ready());
    expect(effects.map((e) => (e.kind === "post" ? e.message.type : e.kind))).toEqual([
      "industry-map:ready",
      "industry-map:state",
      "industry-map:height",
      "setView",
      "industry-map:state",
      "industry-map:state",
    ]);
    expect(posted(effects).slice(3)).toEqual([
      expect.objectContaining({ replyTo: "1", match: "all" }),
      expect.objectContaining({ replyTo: "2", match: "all" }),
    ]);
  });

  describe("once greeted", () => {
    const greeted = run(initialBridgeState(OWN, `${HOST}/`), ready()).state;

    it("applies a set as one view change and answers it", () => {
      const { state, effects } = run(
        greeted,
        message({ type: "industry-map:set", industries: ["metaverse"], match: "all", area: "guangling" }),
      );
      const set = effects.filter((e) => e.kind === "setView");
      expect(set).toHaveLength(1);
      expect(set[0]).toMatchObject({ view: { industries: ["metaverse"], match: "all", area: "guangling", pane: "map" } });
      expect(posted(effects)).toEqual([
        expect.objectContaining({ type: "industry-map:state", industries: ["metaverse"], match: "all", area: "guangling" }),
      ]);
      expect(posted(effects)[0]).not.toHaveProperty("replyTo");
      expect(state.view).toMatchObject({ match: "all" });
    });

    it("drops the industries of a tier a set leaves out, as the tier control does", () => {
      const withHydrogen = run(greeted, message({ type: "industry-map:set", industries: ["hydrogen", "metaverse"] })).state;
      const { effects } = run(withHydrogen, message({ type: "industry-map:set", tiers: ["key"] }));
      expect(effects[0]).toMatchObject({ kind: "setView", view: { tiers: ["key"], industries: ["metaverse"] } });
    });

    it("reports the ignored parts of a set, with its id and what was applied", () => {
      const { effects } = run(greeted, message({ type: "industry-map:set", id: "q", match: "all", area: "atlantis" }));
      expect(posted(effects)).toEqual([
        {
          type: "industry-map:error",
          replyTo: "q",
          applied: ["match"],
          ignored: [{ field: "area", value: "atlantis", reason: "unknown area or site" }],
        },
        expect.objectContaining({ type: "industry-map:state", replyTo: "q", match: "all" }),
      ]);
    });

    it("says nothing for a set without an id that changes nothing", () => {
      expect(run(greeted, message({ type: "industry-map:set", match: "any" })).effects.filter((e) => e.kind === "post")).toEqual([]);
    });

    it("answers a get with the state, and reports a bad id", () => {
      expect(posted(run(greeted, message({ type: "industry-map:get", id: "g" })).effects)).toEqual([
        expect.objectContaining({ type: "industry-map:state", replyTo: "g" }),
      ]);
      const bad = posted(run(greeted, message({ type: "industry-map:get", id: 7 })).effects);
      expect(bad.map((m) => m.type)).toEqual(["industry-map:error", "industry-map:state"]);
      expect(bad[1]).not.toHaveProperty("replyTo");
    });

    it("tells the host of a view change in the fields it reads, not of any other", () => {
      const panned = run(greeted, { type: "app", view: { ...view }, webgl: true });
      expect(panned.effects).toEqual([]);
      const opened = run(greeted, { type: "app", view: { ...view, area: "hanjiang" }, webgl: true });
      expect(posted(opened.effects)).toEqual([expect.objectContaining({ type: "industry-map:state", area: "hanjiang" })]);
      expect(run(opened.state, { type: "app", view: { ...view, area: "hanjiang" }, webgl: true }).effects).toEqual([]);
    });

    it("posts the height only when it changes", () => {
      const same = run(greeted, { type: "height", height: 700 });
      expect(same.effects).toEqual([]);
      expect(posted(run(greeted, { type: "height", height: 820 }).effects)).toEqual([{ type: "industry-map:height", height: 820 }]);
    });

    it("ignores a second ready", () => {
      expect(run(greeted, ready()).effects).toEqual([]);
    });
  });

  it("posts no height before the greeting", () => {
    expect(run(initialBridgeState(OWN, ""), ready(), { type: "height", height: 500 }).effects).toEqual([]);
  });

  it("follows the view while no parent is known, telling no one", () => {
    const before = run(initialBridgeState(OWN, ""), ready()).state;
    const changed = run(before, { type: "app", view: { ...view, match: "all" }, webgl: true });
    expect(changed.effects).toEqual([]);
    expect(changed.state.lastState).toMatchObject({ match: "all" });
  });
});
