import {
  answerSet,
  applyPatch,
  fieldsOfView,
  CONTRACT_VERSION,
  isKnownMessage,
  stateMessage,
  validateGet,
  validateSet,
  viewFieldsChanged,
  viewWithFields,
  type AppMessage,
  type ViewFields,
} from "../domain/embed/embedMessages";
import type { UrlVocabulary } from "../domain/url/urlState";
import type { AppStore } from "./store";
import { vocabularyOf } from "./urlSync";
import { MAX_EARLY_MESSAGES } from "./embedBridgeLoader";

// The postMessage API of the embedding contract (docs/embedding.md). Only a framed app talks;
// it talks only to an allowed parent origin, and it hears only its parent, from an
// allowed origin. Anything else is ignored without a sound.

/** How long `ready` waits for the map's first drawing before it is sent anyway. */
const READY_FALLBACK_MS = 10_000;
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Starts the bridge (a no-op when the app is not in a frame); returns the stop function.
 * `earlier`: the parent's messages that arrived before it started (embedBridgeLoader.ts),
 * taken as if they arrived now.
 */
export function startEmbedBridge(store: AppStore, win: Window = window, earlier: readonly MessageEvent[] = []): () => void {
  let parent: Window;
  try {
    if (win.parent === win || !win.parent) return () => {};
    parent = win.parent;
  } catch {
    return () => {};
  }

  const ownOrigin = win.location.origin;
  const allowed = (origin: string) => origin === ownOrigin || (store.getState().config.allowedOrigins ?? []).includes(origin);

  // The parent's origin: the referrer's, when allowed, else that of the first allowed message.
  let parentOrigin: string | null = null;
  const referrerOrigin = win.document.referrer ? originOf(win.document.referrer) : null;

  let vocab: UrlVocabulary | null = null;
  let ready = false;
  let readySent = false;
  let lastState: ViewFields | null = null;
  let lastHeight = -1;
  const queued: { origin: string; data: unknown }[] = [];
  const cleanups: (() => void)[] = [];

  /** While a host's `set` is applied, its answer (not the store's listener) reports the change. */
  let answering = false;

  const post = (message: AppMessage) => {
    if (message.type === "industry-map:state") lastState = fieldsOfView(store.getState().view);
    if (!parentOrigin || !allowed(parentOrigin)) return;
    try {
      parent.postMessage(message, parentOrigin);
    } catch {
      /* a parent that went away: nothing to tell */
    }
  };

  const postState = (replyTo?: string) => post(stateMessage(fieldsOfView(store.getState().view), replyTo));

  const postHeight = (force = false) => {
    const height = Math.ceil(win.document.documentElement.scrollHeight);
    if (!force && height === lastHeight) return;
    lastHeight = height;
    post({ type: "industry-map:height", height });
  };

  /** Once ready and the parent is known: ready, then the state and height it starts from. */
  const greet = () => {
    if (!ready || readySent || !parentOrigin) return;
    readySent = true;
    post({ type: "industry-map:ready", webgl: store.getState().webgl, version: CONTRACT_VERSION });
    postState();
    postHeight(true);
  };

  /**
   * One `set`, one change: the whole patch in one store update (so one URL write), then its
   * answer, built from the view last reported to the host and the view now in force.
   */
  const applySet = (message: unknown) => {
    if (!vocab) return;
    const check = validateSet(message, vocab, store.getState().view);
    const before = lastState ?? fieldsOfView(store.getState().view);
    if (Object.keys(check.patch).length > 0) {
      answering = true;
      try {
        store.setState((s) => ({ view: viewWithFields(s.view, applyPatch(fieldsOfView(s.view), check.patch, vocab!)) }));
      } finally {
        answering = false;
      }
    }
    for (const answer of answerSet(check, before, fieldsOfView(store.getState().view))) post(answer);
  };

  const answerGet = (message: unknown) => {
    const { id, ignored } = validateGet(message);
    if (ignored.length > 0) post({ type: "industry-map:error", ignored });
    postState(id);
  };

  /** A message from the parent window, once the allow-list is known (the configuration is loaded). */
  const handle = (origin: string, data: unknown) => {
    if (!allowed(origin) || !isKnownMessage(data)) return;
    if (!parentOrigin) {
      parentOrigin = origin;
      greet();
    }
    if (data.type === "industry-map:set") applySet(data);
    else if (data.type === "industry-map:get") answerGet(data);
  };

  const onMessage = (event: MessageEvent) => {
    try {
      if (event.source !== parent) return;
      // Before ready the configuration (and so the allow-list) may still be on its way:
      // messages wait, and are checked and applied in order once the app is ready.
      if (ready) handle(event.origin, event.data);
      else if (queued.length < MAX_EARLY_MESSAGES) queued.push({ origin: event.origin, data: event.data as unknown });
    } catch {
      /* never let a host's message break the app */
    }
  };
  win.addEventListener("message", onMessage);
  cleanups.push(() => win.removeEventListener("message", onMessage));
  earlier.forEach(onMessage);

  const becomeReady = () => {
    if (ready) return;
    ready = true;
    vocab = vocabularyOf(store.getState().dataset!);
    // The referrer is checked now, when the configuration (and its allow-list) is known.
    if (!parentOrigin && referrerOrigin && allowed(referrerOrigin)) parentOrigin = referrerOrigin;
    greet();
    for (const { origin, data } of queued.splice(0)) {
      try {
        handle(origin, data);
      } catch {
        /* as above */
      }
    }
    lastState ??= fieldsOfView(store.getState().view);
    if (viewFieldsChanged(lastState, fieldsOfView(store.getState().view))) postState();
  };

  // Ready once the dataset is shown: the map has drawn it (the store's `mapReady`), or there
  // is no map to wait for (no WebGL, or the map's code failed to load).
  let dataSeen = false;
  const checkReady = () => {
    if (ready) return;
    const s = store.getState();
    if (!s.dataset) return;
    if (!dataSeen) {
      dataSeen = true;
      // A map that never settles must not keep the host waiting for ever.
      const timer = win.setTimeout(() => queueMicrotask(becomeReady), READY_FALLBACK_MS);
      cleanups.push(() => win.clearTimeout(timer));
    }
    // A microtask lets the URL be applied first, so a queued `set` comes after it.
    if (!s.webgl || s.mapCodeFailed || s.mapReady) queueMicrotask(becomeReady);
  };

  const unsubscribe = store.subscribe(() => {
    const s = store.getState();
    if (!ready) {
      checkReady();
      return;
    }
    if (!answering && lastState && viewFieldsChanged(lastState, fieldsOfView(s.view))) postState();
  });
  cleanups.push(unsubscribe);
  checkReady();

  const onResize = () => {
    if (readySent) postHeight();
  };
  if (typeof ResizeObserver !== "undefined") {
    const observer = new ResizeObserver(onResize);
    observer.observe(win.document.body);
    cleanups.push(() => observer.disconnect());
  } else {
    win.addEventListener("resize", onResize);
    cleanups.push(() => win.removeEventListener("resize", onResize));
  }

  return () => cleanups.splice(0).forEach((f) => f());
}
