// Types of embed-host.js, the host helper for the embedded industry map (contract version 1).

/** A part of a `set` the map ignored, and why. */
export interface IgnoredPart {
  field: string;
  /** The value as sent: strings as they are, anything else as JSON. */
  value: string;
  reason: string;
}

/** The map's view, as its `state` message carries it. */
export interface State {
  lang: "zh" | "en";
  industries: string[];
  match: "any" | "all";
  tiers: ("key" | "extended" | "exploratory")[];
  kinds: ("county" | "zone" | "site")[];
  area: string | null;
  industry: string | null;
  view: "map" | "overlap";
}

export interface ReadyMessage {
  type: "industry-map:ready";
  webgl: boolean;
  /** The contract's version: 1. */
  version: number;
}

/** How `set` and `get` reject. */
export interface IndustryMapError extends Error {
  /** nothing-applied: every part of the `set` was ignored; timeout: no answer in time; destroyed: `destroy()` was called. */
  code: "nothing-applied" | "timeout" | "destroyed";
  /** With nothing-applied: what was ignored, and why. */
  ignored?: IgnoredPart[];
  /** With nothing-applied: the state in force (unchanged). */
  state?: State;
}

export interface ConnectOptions {
  /** The map's origin; messages from any other are not listened to. Default: the origin of `iframe.src`. */
  origin?: string;
  /** How long `set` and `get` wait for their answer, in milliseconds. Default 5000. */
  timeoutMs?: number;
}

export interface IndustryMap {
  /** Resolves with the `ready` message once the map shows its data. */
  ready(): Promise<ReadyMessage>;
  /**
   * Sends `{type: "industry-map:set", id, ...patch}`. Resolves with the state now in force
   * and the ignored parts (`[]` when none); rejects when nothing could be applied, or after
   * `timeoutMs` without an answer.
   */
  set(patch: Partial<State>): Promise<{ state: State; ignored: IgnoredPart[] }>;
  /** The current state (`{type: "industry-map:get", id}`). Rejects after `timeoutMs` without an answer. */
  get(): Promise<State>;
  /** Every `state` message (each change, and the answers to set and get); returns the unsubscribe function. */
  on(type: "state", fn: (state: State, message: Record<string, unknown>) => void): () => void;
  /** Every `height` message, in CSS pixels; returns the unsubscribe function. */
  on(type: "height", fn: (height: number, message: Record<string, unknown>) => void): () => void;
  /** Stops listening; pending `set` and `get` reject with code "destroyed". */
  destroy(): void;
}

export function connectIndustryMap(iframe: HTMLIFrameElement, options?: ConnectOptions): IndustryMap;
