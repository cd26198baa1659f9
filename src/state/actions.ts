import type { AppState, AppStore } from "./store";
import type { Lang } from "../domain/labels";
import { DEFAULT_URL_STATE, type Camera } from "../domain/url/urlState";

// Actions are plain functions over the store, so components, the map and the embed
// bridge all change state the same way.

export function selectArea(store: AppStore, area: string | null): void {
  store.setState((s) => (s.view.area === area ? s : { view: { ...s.view, area } }));
}

export function hoverArea(store: AppStore, area: string | null): void {
  if (store.getState().hoveredArea !== area) store.setState({ hoveredArea: area });
}

export function setLang(store: AppStore, lang: Lang): void {
  store.setState((s) => ({ view: { ...s.view, lang } }));
}

export function setCamera(store: AppStore, camera: Camera | null): void {
  store.setState((s) => ({ view: { ...s.view, camera } }));
}

export function dismissNotice(store: AppStore, id: string): void {
  store.setState((s) => ({ dismissedNotices: [...s.dismissedNotices, id] }));
}

/** Adds or removes an industry from the filter (legend entries and checkboxes share it). */
export function toggleIndustry(store: AppStore, industry: string): void {
  store.setState((s) => {
    const has = s.view.industries.includes(industry);
    const order = s.dataset?.industries.map((i) => i.id) ?? [];
    const next = has ? s.view.industries.filter((i) => i !== industry) : [...s.view.industries, industry];
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
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
    const tierOf = new Map(s.dataset?.industries.map((i) => [i.id, i.tier]) ?? []);
    const industries = s.view.industries.filter((id) => tiers.includes(tierOf.get(id) ?? "key"));
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
    view: { ...DEFAULT_URL_STATE, lang: s.view.lang, embed: s.view.embed },
    compare: [],
    hoveredArea: null,
  }));
}
