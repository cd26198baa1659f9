import { datasetShown, initialBridgeState, stepBridge, type BridgeEffect, type BridgeEvent } from "../domain/embed/bridgeMachine";
import type { AppStore } from "./store";
import { vocabularyOf } from "./urlSync";

// The window binding of the embed bridge (docs/embedding.md): window messages, the store and
// the page's height in, posts and view updates out. What is said, when and to whom is the
// state machine's (src/domain/embed/bridgeMachine.ts). Only a framed app talks; anything
// else is ignored without a sound.

/** How long `ready` waits for the map's first drawing before it is sent anyway. */
const READY_FALLBACK_MS = 10_000;

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

  let machine = initialBridgeState(win.location.origin, win.document.referrer);
  const cleanups: (() => void)[] = [];
  let applying = false;

  const dispatch = (event: BridgeEvent) => {
    const { state, effects } = stepBridge(machine, event);
    machine = state;
    for (const effect of effects) perform(effect);
  };

  const perform = (effect: BridgeEffect) => {
    switch (effect.kind) {
      case "post":
        try {
          parent.postMessage(effect.message, effect.origin);
        } catch {
          /* a parent that went away: nothing to tell */
        }
        break;
      case "setView":
        // The machine has answered the host for this view: its store update is not an `app` change.
        applying = true;
        try {
          store.setState({ view: effect.view });
        } finally {
          applying = false;
        }
        break;
      case "measure":
        dispatch({ type: "height", height: Math.ceil(win.document.documentElement.scrollHeight) });
        break;
    }
  };

  const onMessage = (event: MessageEvent) => {
    try {
      if (event.source !== parent) return;
      dispatch({ type: "message", origin: event.origin, data: event.data as unknown });
    } catch {
      /* never let a host's message break the app */
    }
  };
  win.addEventListener("message", onMessage);
  cleanups.push(() => win.removeEventListener("message", onMessage));
  earlier.forEach(onMessage);

  const becomeReady = () => {
    if (machine.ready) return;
    const s = store.getState();
    dispatch({
      type: "ready",
      vocab: vocabularyOf(s.dataset!),
      allowedOrigins: s.config.allowedOrigins ?? [],
      view: s.view,
      webgl: s.webgl,
    });
  };

  let dataSeen = false;
  const checkReady = () => {
    const s = store.getState();
    if (!s.dataset) return;
    if (!dataSeen) {
      dataSeen = true;
      // A map that never settles must not keep the host waiting for ever.
      const timer = win.setTimeout(() => queueMicrotask(becomeReady), READY_FALLBACK_MS);
      cleanups.push(() => win.clearTimeout(timer));
    }
    // A microtask lets the URL be applied first, so a queued `set` comes after it.
    if (datasetShown(s)) queueMicrotask(becomeReady);
  };

  const unsubscribe = store.subscribe(() => {
    const s = store.getState();
    if (applying) return;
    if (machine.ready) dispatch({ type: "app", view: s.view, webgl: s.webgl });
    else checkReady();
  });
  cleanups.push(unsubscribe);
  checkReady();

  const onResize = () => {
    if (machine.readySent) dispatch({ type: "height", height: Math.ceil(win.document.documentElement.scrollHeight) });
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
