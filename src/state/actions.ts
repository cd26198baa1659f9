import type { AppStore } from "./store";
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
