import { createStore, type StoreApi } from "zustand/vanilla";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { Dataset, ContextCollection, Assignment } from "../domain/dataset/schema";
import type { SiteConfig, ConfigProblem } from "../domain/config/siteConfig";
import { DEFAULT_URL_STATE, type UrlState, type IgnoredPart } from "../domain/url/urlState";
import type { Lang } from "../domain/labels";
import type { Basemap } from "../domain/basemap";
import type { Draft } from "../domain/draft/draft";
import type { DraftNote } from "./draftStore";

// The single source of truth. The URL mirrors the `view` slice; the map follows the
// store through subscribe; React reads it through selectors.

export type LoadStatus =
  | { status: "loading"; loaded: number; total: number | null }
  | { status: "ready" }
  | { status: "error"; message: string; detail?: string };

export interface AppState {
  view: UrlState & { lang: Lang };
  load: LoadStatus;
  dataset: Dataset | null;
  context: ContextCollection | null;
  config: SiteConfig;
  configProblems: ConfigProblem[];
  ignoredUrl: IgnoredPart[];
  hoveredArea: string | null;
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
  /** The overlap finding in focus, highlighted on the map. */
  focusedFinding: string | null;
  /** What the map highlights for the focused finding (the overlap ground), or null. */
  highlight: Feature<Polygon | MultiPolygon> | null;
  dismissedNotices: string[];
}

export type AppStore = StoreApi<AppState>;

export function initialState(lang: Lang = "zh"): AppState {
  return {
    view: { ...DEFAULT_URL_STATE, lang },
    load: { status: "loading", loaded: 0, total: null },
    dataset: null,
    context: null,
    config: {},
    configProblems: [],
    ignoredUrl: [],
    hoveredArea: null,
    webgl: true,
    mapCodeFailed: false,
    mapReady: false,
    basemap: "none",
    compare: [],
    draftPatch: null,
    draft: null,
    draftNote: null,
    focusedFinding: null,
    highlight: null,
    dismissedNotices: [],
  };
}

export function createAppStore(state: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({ ...initialState(), ...state }));
}
