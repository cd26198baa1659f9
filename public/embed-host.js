// @ts-check
// Host helper for the embedded industry map (contract version 1). Copy this file next to
// your page and import it as an ES module; embed-host.d.ts beside it gives its types.
//
//   import { connectIndustryMap } from "./embed-host.js";
//   const map = connectIndustryMap(document.getElementById("map"), { origin: "https://map.example.org" });
//   await map.ready();
//   const { state, ignored } = await map.set({ industries: ["metaverse"], area: "etdz" });
//
// It listens only to the frame's own window and, when `origin` is given (else the origin of
// the frame's src), only to that origin; it posts only to that origin, never to "*".

/**
 * @typedef {{ field: string, value: string, reason: string }} IgnoredPart
 * @typedef {{
 *   lang: "zh" | "en",
 *   industries: string[],
 *   match: "any" | "all",
 *   tiers: ("key" | "extended" | "exploratory")[],
 *   kinds: ("county" | "zone" | "site")[],
 *   area: string | null,
 *   industry: string | null,
 *   view: "map" | "overlap",
 * }} State
 * @typedef {{ type: "industry-map:ready", webgl: boolean, version: number }} ReadyMessage
 * @typedef {Error & { code: "nothing-applied" | "timeout" | "destroyed", ignored?: IgnoredPart[], state?: State }} IndustryMapError
 * @typedef {{
 *   resolve: (state: State, ignored: IgnoredPart[]) => void,
 *   fail: (error: IndustryMapError) => void,
 *   error?: { ignored: IgnoredPart[], applied: string[] },
 * }} Pending
 */

const PREFIX = "industry-map:";
const STATE_FIELDS = /** @type {const} */ (["lang", "industries", "match", "tiers", "kinds", "area", "industry", "view"]);

/**
 * @param {IndustryMapError["code"]} code
 * @param {string} message
 * @param {{ ignored?: IgnoredPart[], state?: State }} [extra]
 * @returns {IndustryMapError}
 */
function failure(code, message, extra = {}) {
  const error = /** @type {IndustryMapError} */ (new Error(message));
  error.name = "IndustryMapError";
  error.code = code;
  if (extra.ignored) error.ignored = extra.ignored;
  if (extra.state) error.state = extra.state;
  return error;
}

/**
 * The state fields of a `state` message, without `type` and `replyTo`.
 * @param {Record<string, unknown>} message
 * @returns {State}
 */
function stateOf(message) {
  /** @type {Record<string, unknown>} */
  const state = {};
  for (const field of STATE_FIELDS) state[field] = message[field];
  return /** @type {State} */ (state);
}

/**
 * Connects to an embedded industry map. Call it right after the iframe is in the page, so
 * that `ready` is not missed.
 * @param {HTMLIFrameElement} iframe
 * @param {{ origin?: string, timeoutMs?: number }} [options]
 *   origin: the map's origin (default: the origin of `iframe.src`);
 *   timeoutMs: how long `set` and `get` wait for their answer (default 5000).
 */
export function connectIndustryMap(iframe, { origin, timeoutMs = 5000 } = {}) {
  const mapOrigin = () => origin ?? new URL(iframe.src, location.href).origin;
  let counter = 0;
  // Ids unique to this connection (and unlikely to meet another helper's on the same frame).
  const prefix = `h${Math.random().toString(36).slice(2, 10)}-`;
  /** @type {Map<string, Pending>} */
  const pending = new Map();
  /** @type {{ state: Set<(state: State, message: Record<string, unknown>) => void>, height: Set<(height: number, message: Record<string, unknown>) => void> }} */
  const listeners = { state: new Set(), height: new Set() };
  /** @type {ReadyMessage | null} */
  let readyMessage = null;
  /** @type {((message: ReadyMessage) => void)[]} */
  const readyWaiters = [];
  let destroyed = false;

  /** @param {MessageEvent} event */
  const onMessage = (event) => {
    if (!iframe.contentWindow || event.source !== iframe.contentWindow || event.origin !== mapOrigin()) return;
    const data = event.data;
    if (!data || typeof data !== "object" || Array.isArray(data) || typeof data.type !== "string" || !data.type.startsWith(PREFIX)) return;
    /** @type {Record<string, unknown>} */
    const message = data;
    const replyTo = typeof message.replyTo === "string" ? message.replyTo : undefined;
    const waiting = replyTo === undefined ? undefined : pending.get(replyTo);
    switch (message.type) {
      case "industry-map:ready":
        readyMessage = /** @type {ReadyMessage} */ (message);
        readyWaiters.splice(0).forEach((resolve) => resolve(/** @type {ReadyMessage} */ (message)));
        break;
      case "industry-map:error":
        if (waiting) {
          waiting.error = {
            ignored: Array.isArray(message.ignored) ? message.ignored : [],
            applied: Array.isArray(message.applied) ? message.applied : [],
          };
        }
        break;
      case "industry-map:state": {
        const state = stateOf(message);
        if (waiting && replyTo !== undefined) {
          pending.delete(replyTo);
          const error = waiting.error;
          if (error && error.applied.length === 0) {
            waiting.fail(
              failure(
                "nothing-applied",
                `Nothing could be applied: ${error.ignored.map((i) => `${i.field} ${i.value} (${i.reason})`).join("; ")}`,
                { ignored: error.ignored, state },
              ),
            );
          } else waiting.resolve(state, error ? error.ignored : []);
        }
        listeners.state.forEach((fn) => fn(state, message));
        break;
      }
      case "industry-map:height":
        if (typeof message.height === "number") {
          const height = message.height;
          listeners.height.forEach((fn) => fn(height, message));
        }
        break;
    }
  };
  window.addEventListener("message", onMessage);

  /**
   * Posts a message with a fresh id and waits for the `state` that replies to it.
   * @param {Record<string, unknown>} message
   * @returns {Promise<{ state: State, ignored: IgnoredPart[] }>}
   */
  const request = (message) =>
    new Promise((resolve, reject) => {
      if (destroyed) return reject(failure("destroyed", "The connection to the map was closed"));
      const id = `${prefix}${++counter}`;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(failure("timeout", `The map did not answer ${String(message.type)} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (state, ignored) => {
          clearTimeout(timer);
          resolve({ state, ignored });
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      // The map queues what arrives before it is ready, so this may be sent at once.
      iframe.contentWindow?.postMessage({ ...message, id }, mapOrigin());
    });

  return {
    /**
     * Resolves with the map's `ready` message (`{type, webgl, version}`) once its data is shown.
     * @returns {Promise<ReadyMessage>}
     */
    ready() {
      if (readyMessage) return Promise.resolve(readyMessage);
      if (destroyed) return Promise.reject(failure("destroyed", "The connection to the map was closed"));
      return new Promise((resolve) => readyWaiters.push(resolve));
    },
    /**
     * Changes the map's view. Resolves with the state now in force and the parts the map
     * ignored; rejects (code "nothing-applied") when nothing could be applied, or
     * (code "timeout") without an answer in time.
     * @param {Partial<State>} patch
     * @returns {Promise<{ state: State, ignored: IgnoredPart[] }>}
     */
    set(patch) {
      return request({ ...patch, type: "industry-map:set" });
    },
    /**
     * The map's current state.
     * @returns {Promise<State>}
     */
    get() {
      return request({ type: "industry-map:get" }).then(({ state }) => state);
    },
    /**
     * Calls `fn` on every `state` message (each change, and the answers to set and get), or on
     * every `height` message (CSS pixels). Returns the function that unsubscribes.
     * @template {"state" | "height"} T
     * @param {T} type
     * @param {T extends "state" ? (state: State, message: Record<string, unknown>) => void : (height: number, message: Record<string, unknown>) => void} fn
     * @returns {() => void}
     */
    on(type, fn) {
      const set = /** @type {Set<typeof fn>} */ (listeners[type]);
      if (!set) throw new TypeError(`Unknown event ${String(type)}: use "state" or "height"`);
      set.add(fn);
      return () => {
        set.delete(fn);
      };
    },
    /** Stops listening; pending requests reject with code "destroyed". */
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener("message", onMessage);
      listeners.state.clear();
      listeners.height.clear();
      const closed = failure("destroyed", "The connection to the map was closed");
      for (const waiting of pending.values()) waiting.fail(closed);
      pending.clear();
    },
  };
}
