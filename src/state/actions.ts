import type { AppState, AppStore } from "./store";
import type { Lang } from "../domain/labels";
import type { Camera } from "../domain/url/urlState";

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
