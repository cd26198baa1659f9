import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { zh, en } from "./messages";
import * as panel from "./panelMessages";
import * as share from "./shareMessages";
import * as overlap from "./overlapMessages";
import type { Lang } from "../domain/labels";

/** One i18next instance per app; language follows the store. */
export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "zh",
    resources: {
      zh: { translation: { ...zh, ...panel.zh, ...share.zh, ...overlap.zh } },
      en: { translation: { ...en, ...panel.en, ...share.en, ...overlap.en } },
    },
    interpolation: { escapeValue: false }, // React escapes; text stays text
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

const STORAGE_KEY = "industry-map:lang";

/** The device's remembered language, if any (storage can be unavailable in iframes). */
export function rememberedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode or sandboxed iframe: nothing to remember with */
  }
}
