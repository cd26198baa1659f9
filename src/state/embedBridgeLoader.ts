import type { AppStore } from "./store";
import { MAX_QUEUED } from "../contracts/embedQueue";

/**
 * Loads the embed bridge (./embedBridge) only when the app is in a frame: outside one it
 * has nobody to talk to, and the first view does not carry its code. A host's messages that
 * arrive while the bridge's code is on its way are kept and handed to it, in order.
 */
export function loadEmbedBridge(store: AppStore, win: Window = window): void {
  try {
    if (win.parent === win || !win.parent) return;
  } catch {
    return;
  }
  const early: MessageEvent[] = [];
  const keep = (event: MessageEvent) => {
    if (early.length < MAX_QUEUED) early.push(event);
  };
  win.addEventListener("message", keep);
  void import("./embedBridge").then(
    ({ startEmbedBridge }) => {
      // One task: the bridge listens before this listener goes, so no message falls between.
      startEmbedBridge(store, win, early);
      win.removeEventListener("message", keep);
    },
    () => win.removeEventListener("message", keep),
  );
}
