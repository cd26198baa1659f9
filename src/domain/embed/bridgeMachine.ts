import { MAX_QUEUED } from "../../contracts/embedQueue";
import type { UrlVocabulary } from "../view/viewFields";
import type { ViewState } from "../view/viewState";
import {
  answerSet,
  applyPatch,
  CONTRACT_VERSION,
  fieldsOfView,
  isKnownMessage,
  stateMessage,
  validateGet,
  validateSet,
  viewFieldsChanged,
  viewWithFields,
  type AppMessage,
  type ViewFields,
} from "./embedMessages";

// The embed bridge as a pure state machine: what the app says to its host, and when, for
// each thing that happens (a message from the parent window, the map becoming ready, the
// view changing, the page's height changing). The window binding (src/state/embedBridge.ts)
// turns window events and store changes into these events and carries out the effects;
// every rule of the contract (docs/embedding.md) lives here.
//
// Only an allowed parent origin is heard and spoken to. Before ready the configuration (and
// so the allow-list) may still be on its way: messages wait, and are checked and handled in
// order once the app is ready.

export { MAX_QUEUED };

export interface BridgeState {
  readonly ready: boolean;
  /** Messages from the parent window received before ready, in order. */
  readonly queued: readonly { readonly origin: string; readonly data: unknown }[];
  /** The app's own origin: always allowed. */
  readonly ownOrigin: string;
  /** The allowed origins of the site configuration (known at ready). */
  readonly allowedOrigins: readonly string[];
  /** The referrer's origin: the parent's, once ready, if it is allowed. */
  readonly referrerOrigin: string | null;
  /** The parent's origin: the referrer's, when allowed, else that of the first allowed message. */
  readonly parentOrigin: string | null;
  readonly vocab: UrlVocabulary | null;
  /** The view in force and whether WebGL works, as the app last reported them. */
  readonly view: ViewState | null;
  readonly webgl: boolean;
  /** `ready` (with the state and height it starts from) has been said. */
  readonly readySent: boolean;
  /** The view fields of the last `state` the app produced (the host's idea of the view). */
  readonly lastState: ViewFields | null;
  readonly lastHeight: number;
}

export type BridgeEvent =
  /** A message whose source is the parent window. */
  | { type: "message"; origin: string; data: unknown }
  /** The dataset is shown (or the wait for it is over): the view and allow-list in force now. */
  | { type: "ready"; vocab: UrlVocabulary; allowedOrigins: readonly string[]; view: ViewState; webgl: boolean }
  /** The store changed. */
  | { type: "app"; view: ViewState; webgl: boolean }
  /** The page's height, measured (on a resize, or when a `measure` effect asked for it). */
  | { type: "height"; height: number };

export type BridgeEffect =
  /** Post this message to the parent window, at this origin. */
  | { kind: "post"; message: AppMessage; origin: string }
  /**
   * Put this view in force (a host's `set`, as one store update). The machine already holds
   * it and has answered for it: the store change it causes is not reported back as `app`.
   */
  | { kind: "setView"; view: ViewState }
  /** Measure the page's height and report it back as a `height` event. */
  | { kind: "measure" };

export interface BridgeStep {
  state: BridgeState;
  effects: BridgeEffect[];
}

/** The origin of a URL, or null when it has none (a `null` origin counts as none). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Whether the dataset is shown: the map has drawn it, or there is no map to wait for (no WebGL, or its code failed to load). */
export function datasetShown(s: { dataset: unknown; webgl: boolean; mapCodeFailed: boolean; mapReady: boolean }): boolean {
  return s.dataset !== null && s.dataset !== undefined && (!s.webgl || s.mapCodeFailed || s.mapReady);
}

export function initialBridgeState(ownOrigin: string, referrer: string): BridgeState {
  return {
    ready: false,
    queued: [],
    ownOrigin,
    allowedOrigins: [],
    referrerOrigin: referrer ? originOf(referrer) : null,
    parentOrigin: null,
    vocab: null,
    view: null,
    webgl: true,
    readySent: false,
    lastState: null,
    lastHeight: -1,
  };
}

function allowed(s: BridgeState, origin: string): boolean {
  return origin === s.ownOrigin || s.allowedOrigins.includes(origin);
}

/** One step: the state after `event`, and what to do about it, in order. */
export function stepBridge(state: BridgeState, event: BridgeEvent): BridgeStep {
  const run = new Run(state);
  switch (event.type) {
    case "message":
      if (!run.s.ready) {
        if (run.s.queued.length < MAX_QUEUED) run.s = { ...run.s, queued: [...run.s.queued, { origin: event.origin, data: event.data }] };
      } else run.handle(event.origin, event.data);
      break;
    case "ready":
      run.becomeReady(event);
      break;
    case "app":
      run.appChanged(event.view, event.webgl);
      break;
    case "height":
      run.height(event.height);
      break;
  }
  return { state: run.s, effects: run.effects };
}

/** One step's work: the state as it goes, and the effects gathered. */
class Run {
  readonly effects: BridgeEffect[] = [];
  constructor(public s: BridgeState) {}

  private fields(): ViewFields {
    return fieldsOfView(this.s.view!);
  }

  private post(message: AppMessage) {
    if (message.type === "industry-map:state") this.s = { ...this.s, lastState: this.fields() };
    const origin = this.s.parentOrigin;
    if (origin && allowed(this.s, origin)) this.effects.push({ kind: "post", message, origin });
  }

  private postState(replyTo?: string) {
    this.post(stateMessage(this.fields(), replyTo));
  }

  /** Once ready and the parent is known: ready, then the state and height it starts from. */
  private greet() {
    if (!this.s.ready || this.s.readySent || !this.s.parentOrigin) return;
    this.s = { ...this.s, readySent: true };
    this.post({ type: "industry-map:ready", webgl: this.s.webgl, version: CONTRACT_VERSION });
    this.postState();
    this.effects.push({ kind: "measure" });
  }

  becomeReady(event: Extract<BridgeEvent, { type: "ready" }>) {
    if (this.s.ready) return;
    const { queued } = this.s;
    this.s = {
      ...this.s,
      ready: true,
      queued: [],
      vocab: event.vocab,
      allowedOrigins: event.allowedOrigins,
      view: event.view,
      webgl: event.webgl,
    };
    // The referrer is checked now, when the configuration (and its allow-list) is known.
    const referrer = this.s.referrerOrigin;
    if (!this.s.parentOrigin && referrer && allowed(this.s, referrer)) this.s = { ...this.s, parentOrigin: referrer };
    this.greet();
    for (const { origin, data } of queued) {
      const before = this.s;
      const effects = this.effects.length;
      try {
        this.handle(origin, data);
      } catch {
        // Never let a host's message break the app: it is dropped as if never sent.
        this.s = before;
        this.effects.length = effects;
      }
    }
    const lastState = this.s.lastState ?? this.fields();
    this.s = { ...this.s, lastState };
    if (viewFieldsChanged(lastState, this.fields())) this.postState();
  }

  appChanged(view: ViewState, webgl: boolean) {
    if (this.s.view === view && this.s.webgl === webgl) return;
    this.s = { ...this.s, view, webgl };
    if (!this.s.ready) return;
    if (this.s.lastState && viewFieldsChanged(this.s.lastState, this.fields())) this.postState();
  }

  height(height: number) {
    if (!this.s.readySent || height === this.s.lastHeight) return;
    this.s = { ...this.s, lastHeight: height };
    this.post({ type: "industry-map:height", height });
  }

  /** A message from the parent window, once ready. */
  handle(origin: string, data: unknown) {
    if (!allowed(this.s, origin) || !isKnownMessage(data)) return;
    if (!this.s.parentOrigin) {
      this.s = { ...this.s, parentOrigin: origin };
      this.greet();
    }
    if (data.type === "industry-map:set") this.applySet(data);
    else if (data.type === "industry-map:get") this.answerGet(data);
  }

  /**
   * One `set`, one change: the whole patch in one view update (so one URL write), then its
   * answer, built from the view last reported to the host and the view now in force.
   */
  private applySet(message: unknown) {
    const vocab = this.s.vocab!;
    const view = this.s.view!;
    const check = validateSet(message, vocab, view);
    const before = this.s.lastState ?? this.fields();
    if (Object.keys(check.patch).length > 0) {
      const next = viewWithFields(view, applyPatch(fieldsOfView(view), check.patch, vocab));
      this.s = { ...this.s, view: next };
      this.effects.push({ kind: "setView", view: next });
    }
    for (const answer of answerSet(check, before, this.fields())) this.post(answer);
  }

  private answerGet(message: unknown) {
    const { id, ignored } = validateGet(message);
    if (ignored.length > 0) this.post({ type: "industry-map:error", ignored });
    this.postState(id);
  }
}
