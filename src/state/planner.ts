import type { Assignment } from "../domain/dataset/schema";
import type { Finding } from "../domain/overlap/types";
import type { AppState, AppStore } from "./store";

// The planners' actions (view=overlap): the what-if draft and the finding in focus. Plain
// functions over the store, like src/state/actions.ts. A draft lives in the store only: it
// never changes the published data, the map's colours or the URL.

/** Section and evidence of an assignment the planner adds that the policy does not make. */
export const DRAFT_SECTION = "draft";
export const DRAFT_EVIDENCE = "planner draft";

/** Switches between the map and the planners' overlap view; leaving it clears the highlight. */
export function setView(store: AppStore, view: AppState["view"]["view"]): void {
  store.setState((s) => {
    if (s.view.view === view) return s;
    const next: Partial<AppState> = { view: { ...s.view, view } };
    if (view === "map") Object.assign(next, { focusedFinding: null, highlight: null });
    return next;
  });
}

/**
 * Turns one industry-in-area assignment on or off in the draft. The first toggle starts the
 * draft from the published assignments. An assignment the policy makes keeps its section and
 * evidence when it comes back; a new one is marked as the planner's draft.
 */
export function toggleDraftAssignment(store: AppStore, industry: string, area: string): void {
  store.setState((s) => {
    const published = s.dataset?.assignments ?? [];
    const base = s.draft ?? published;
    const has = base.some((a) => a.industry === industry && a.area === area);
    if (has) return { draft: base.filter((a) => !(a.industry === industry && a.area === area)) };
    const known = published.find((a) => a.industry === industry && a.area === area);
    const record: Assignment = known ? { ...known } : { industry, area, section: DRAFT_SECTION, evidence: DRAFT_EVIDENCE };
    return { draft: [...base, record] };
  });
}

/** Drops the draft: the published assignments apply again. */
export function resetDraft(store: AppStore): void {
  store.setState((s) => (s.draft === null ? s : { draft: null }));
}

/** Puts a finding in focus (the map hatches its geometry); null clears the focus. */
export function focusFinding(store: AppStore, finding: Finding | null): void {
  store.setState({ focusedFinding: finding?.id ?? null, highlight: finding?.geometry ?? null });
}

/** The draft's changes against the published assignments, in a stable order. */
export function draftChanges(
  published: readonly Pick<Assignment, "industry" | "area">[],
  draft: readonly Pick<Assignment, "industry" | "area">[],
): { change: "added" | "removed"; industry: string; area: string }[] {
  const key = (a: Pick<Assignment, "industry" | "area">) => `${a.industry}\u0000${a.area}`;
  const before = new Set(published.map(key));
  const after = new Set(draft.map(key));
  return [
    ...draft.filter((a) => !before.has(key(a))).map((a) => ({ change: "added" as const, industry: a.industry, area: a.area })),
    ...published.filter((a) => !after.has(key(a))).map((a) => ({ change: "removed" as const, industry: a.industry, area: a.area })),
  ];
}
