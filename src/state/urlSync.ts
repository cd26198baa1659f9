import type { Dataset } from "../domain/dataset/schema";
import { parseUrlState, serializeUrlState, type UrlVocabulary } from "../domain/url/urlState";
import { PUSH_FIELDS, type UrlState } from "../domain/view/viewFields";
import { urlOfView, viewOfUrl } from "../domain/view/viewState";
import type { AppState, AppStore } from "./store";

export function vocabularyOf(dataset: Dataset): UrlVocabulary {
  return {
    areaIds: dataset.areas.map((a) => a.id),
    siteIds: dataset.sites.map((s) => s.id),
    industries: dataset.industries.map((i) => ({ id: i.id, tier: i.tier })),
  };
}

const urlOf = (s: AppState): UrlState => urlOfView(s.view, s.camera);

/**
 * Keeps the URL in step with the store once the dataset is known: reads it once at
 * start (reporting what it ignored), writes the canonical form after every change, and
 * follows Back/Forward. Which changes push a history entry is the view table's
 * (src/domain/view/viewFields.ts).
 */
export function startUrlSync(store: AppStore, win: Window = window): () => void {
  const dataset = store.getState().dataset;
  if (!dataset) throw new Error("startUrlSync needs the dataset");
  const vocab = vocabularyOf(dataset);

  const apply = (search: string, reportIgnored: boolean) => {
    const { state, ignored } = parseUrlState(search, vocab);
    store.setState((s) => ({
      ...viewOfUrl(state, s.view.lang),
      ...(reportIgnored ? { ignoredUrl: ignored } : {}),
    }));
  };
  apply(win.location.search, true);

  let written = serializeUrlState(urlOf(store.getState()), vocab);
  const write = (push: boolean) => {
    const query = serializeUrlState(urlOf(store.getState()), vocab);
    if (query === written) return;
    written = query;
    const url = `${win.location.pathname}${query ? `?${query}` : ""}${win.location.hash}`;
    if (push) win.history.pushState(null, "", url);
    else win.history.replaceState(null, "", url);
  };
  // The first write makes the address canonical without adding a history entry.
  written = "\u0000";
  write(false);

  let popping = false;
  const unsubscribe = store.subscribe((s, prev) => {
    if (popping || (s.view === prev.view && s.camera === prev.camera)) return;
    const next = urlOf(s);
    const before = urlOf(prev);
    const push = PUSH_FIELDS.some((f) => next[f] !== before[f]);
    write(push);
  });
  const onPop = () => {
    popping = true;
    apply(win.location.search, false);
    popping = false;
    written = serializeUrlState(urlOf(store.getState()), vocab);
  };
  win.addEventListener("popstate", onPop);
  return () => {
    unsubscribe();
    win.removeEventListener("popstate", onPop);
  };
}
