import type { Lang } from "../labels";
import { defaultUrlState, type Camera, type Pane, type UrlState } from "./viewFields";

// The view as the app holds it (the store's `view` slice). It is the public view
// (viewFields.ts) under internal names, less the camera, which has a slice of its own:
// a pan then changes only the camera, and nothing that reads the view renders again.

export interface ViewState extends Omit<UrlState, "lang" | "view" | "camera"> {
  lang: Lang;
  /** The map or the planners' overlap view (`view=` in the URL and the embed messages). */
  pane: Pane;
}

export function defaultView(lang: Lang = "zh"): ViewState {
  return viewOfUrl(defaultUrlState(), lang).view;
}

/** The default view in Chinese (fixtures spread it and set what they need). */
export const DEFAULT_VIEW: ViewState = defaultView();

/** The app's view and camera from the public form; a language the URL leaves out is `lang`. */
export function viewOfUrl(url: UrlState, lang: Lang): { view: ViewState; camera: Camera | null } {
  const { view: pane, camera, lang: urlLang, ...rest } = url;
  return { view: { ...rest, lang: urlLang ?? lang, pane }, camera };
}

/** The public form of the app's view and camera. */
export function urlOfView(view: ViewState, camera: Camera | null): UrlState {
  const { pane, ...rest } = view;
  return { ...rest, view: pane, camera };
}
