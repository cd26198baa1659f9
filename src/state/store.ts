import { createStore, type StoreApi } from "zustand/vanilla";
import type { Dataset, ContextCollection, Assignment } from "../domain/dataset/schema";
import type { SiteConfig, ConfigProblem } from "../domain/config/siteConfig";
import type { Camera, IgnoredPart } from "../domain/view/viewFields";
import { defaultView, type ViewState } from "../domain/view/viewState";
import type { Lang } from "../domain/labels";
import type { Basemap } from "../domain/basemap";
import type { Draft } from "../domain/draft/draft";
import type { DraftNote } from "./draftStore";
import type { Finding } from "../domain/overlap/types";

// The single source of truth. The URL mirrors the `view` and `camera` slices; the map
// follows the store through subscribe; React reads it through selectors.

type LoadStatus =
  { status: "loading"; loaded: number; total: number | null } | { status: "ready" } | { status: "error"; message: string; detail?: string };

export interface AppState {
  view: ViewState;
  /** The map's camera (the URL's `map=`), a slice of its own: a pan re-renders nothing that reads the view. */
  camera: Camera | null;
  load: LoadStatus;
  dataset: Dataset | null;
  context: ContextCollection | null;
  config: SiteConfig;
  configProblems: ConfigProblem[];
  ignoredUrl: IgnoredPart[];
  /** The place under the pointer or the keyboard focus: an area or a site. */
  hoveredPlace: string | null;
  webgl: boolean;
  /** The map's code (its chunk) failed to load: the page works on without the map. */
  mapCodeFailed: boolean;
  /** The map has drawn its first complete picture of the dataset (set by the map through onReady). */
  mapReady: boolean;
  basemap: Basemap;
  /** Areas picked for side-by-side comparison (not part of the shareable URL). */
  compare: string[];
  /** The planner's what-if draft: a patch against the published dataset (src/domain/draft); null: none. */
  draftPatch: Draft | null;
  /** The assignments the draft gives (derived from draftPatch by src/state/draftStore.ts; null: the published ones apply). */
  draft: Assignment[] | null;
  /** What the planner is told about the draft: restored, loaded, not applicable, problems, storage off. */
  draftNote: DraftNote | null;
  /** The overlap finding in focus (its id and the ground the map hatches: see focusedFindingId, highlightOf). */
  focusedFinding: Finding | null;
  dismissedNotices: string[];
}

export type AppStore = StoreApi<AppState>;

export function initialState(lang: Lang = "zh"): AppState {
  return {
    view: defaultView(lang),
    camera: null,
    load: { status: "loading", loaded: 0, total: null },
    dataset: null,
    context: null,
    config: {},
    configProblems: [],
    ignoredUrl: [],
    hoveredPlace: null,
    webgl: true,
    mapCodeFailed: false,
    mapReady: false,
    basemap: "none",
    compare: [],
    draftPatch: null,
    draft: null,
    draftNote: null,
    focusedFinding: null,
    dismissedNotices: [],
  };
}

export function createAppStore(state: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({ ...initialState(), ...state }));
}

/** The id of the finding in focus, or null. */
export function focusedFindingId(s: Pick<AppState, "focusedFinding">): string | null {
  return s.focusedFinding?.id ?? null;
}

/** What the map highlights: the focused finding's ground, or null. */
export function highlightOf(s: Pick<AppState, "focusedFinding">): Finding["geometry"] | null {
  return s.focusedFinding?.geometry ?? null;
}

const NO_AREAS: readonly string[] = [];

/** The areas the map hatches whole: those of a focused finding about an area as a whole (its `geometry` is null). */
export function highlightAreasOf(s: Pick<AppState, "focusedFinding">): readonly string[] {
  return s.focusedFinding?.kind === "industries-in-area" ? s.focusedFinding.areas : NO_AREAS;
}
