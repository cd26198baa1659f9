import type { Finding } from "../domain/overlap/types";
import type { Pane } from "../domain/view/viewFields";
import type { AppState, AppStore } from "./store";
import { fetchJsonEarly } from "./fetchJson";

// The planners' view actions the first view needs (view=overlap): switching to it and the
// finding in focus. Plain functions over the store, like src/state/actions.ts. The what-if
// draft's actions live in src/state/draftStore.ts, which only the planner's lazy chunk imports,
// so the draft code (and IndexedDB) stay out of the first view.

/**
 * Switches between the map and the planners' overlap view; leaving it clears the highlight.
 * Opening it on a dataset whose analysis was published starts fetching the figures at once,
 * beside the view's code (the view takes that fetch: overlapResult.ts).
 */
export function setPane(store: AppStore, pane: Pane): void {
  const s = store.getState();
  if (s.view.pane === pane) return;
  const published = s.dataset?.tiles?.overlap;
  if (pane === "overlap" && published) fetchJsonEarly(published);
  const next: Partial<AppState> = { view: { ...s.view, pane } };
  if (pane === "map") next.focusedFinding = null;
  store.setState(next);
}

/** Puts a finding in focus (the map hatches its geometry); null clears the focus. */
export function focusFinding(store: AppStore, finding: Finding | null): void {
  store.setState({ focusedFinding: finding });
}
