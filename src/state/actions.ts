import type { AppState, AppStore } from "./store";
import type { Lang } from "../domain/labels";
import { industriesWithinTiers, industryOrder, toggled, type Camera } from "../domain/view/viewFields";
import { defaultView } from "../domain/view/viewState";

// Actions are plain functions over the store, so components, the map and the embed
// bridge all change state the same way.

export function selectArea(store: AppStore, area: string | null): void {
  store.setState((s) => (s.view.area === area ? s : { view: { ...s.view, area } }));
}

/** The place (an area or a site) under the pointer or the keyboard focus; null: none. */
export function hoverPlace(store: AppStore, place: string | null): void {
  if (store.getState().hoveredPlace !== place) store.setState({ hoveredPlace: place });
}

export function setLang(store: AppStore, lang: Lang): void {
  store.setState((s) => ({ view: { ...s.view, lang } }));
}

export function setCamera(store: AppStore, camera: Camera | null): void {
  // Its own slice: the view object stays the same, so nothing that reads it renders again.
  if (store.getState().camera !== camera) store.setState({ camera });
}

export function dismissNotice(store: AppStore, id: string): void {
  store.setState((s) => ({ dismissedNotices: [...s.dismissedNotices, id] }));
}

/** Adds or removes an industry from the filter (legend entries and checkboxes share it). */
export function toggleIndustry(store: AppStore, industry: string): void {
  store.setState((s) => {
    const next = toggled(s.view.industries, industry, industryOrder(s.dataset ?? { industries: [] }));
    return { view: { ...s.view, industries: next } };
  });
}

export function setBasemap(store: AppStore, basemap: AppState["basemap"]): void {
  store.setState({ basemap });
}

/** Opens an industry's detail panel (null closes it). */
export function selectIndustry(store: AppStore, industry: string | null): void {
  store.setState((s) => (s.view.industry === industry ? s : { view: { ...s.view, industry } }));
}

export function setMatch(store: AppStore, match: AppState["view"]["match"]): void {
  store.setState((s) => ({ view: { ...s.view, match } }));
}

/** Changes the tiers in use; industries of tiers no longer in use leave the filter. */
export function setTiers(store: AppStore, tiers: AppState["view"]["tiers"]): void {
  store.setState((s) => {
    const industries = industriesWithinTiers(s.view.industries, tiers, s.dataset ?? { industries: [] });
    return { view: { ...s.view, tiers, industries } };
  });
}

export function setKinds(store: AppStore, kinds: AppState["view"]["kinds"]): void {
  store.setState((s) => ({ view: { ...s.view, kinds } }));
}

/** Areas picked for side-by-side comparison (two or three; not part of the URL). */
export function toggleCompare(store: AppStore, id: string): void {
  store.setState((s) => {
    const has = s.compare.includes(id);
    if (!has && s.compare.length >= 3) return s;
    return { compare: has ? s.compare.filter((x) => x !== id) : [...s.compare, id] };
  });
}

export function clearCompare(store: AppStore): void {
  store.setState({ compare: [] });
}

/** The reset control: the default view (language and camera-less city view), nothing open. */
export function resetView(store: AppStore): void {
  store.setState((s) => ({
    view: { ...defaultView(s.view.lang), embed: s.view.embed },
    camera: null,
    compare: [],
    hoveredPlace: null,
  }));
}

/**
 * Escape: closes the panel on top, as its close button does (the comparison, then the
 * industry, then the area or site). False when nothing was open.
 */
export function closeTopPanel(store: AppStore): boolean {
  const { compare, view } = store.getState();
  if (compare.length >= 2) clearCompare(store);
  else if (view.industry) selectIndustry(store, null);
  else if (view.area) selectArea(store, null);
  else return false;
  return true;
}
