import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { zh } from "./messages";
import * as share from "./shareMessages";
import type { english } from "./english";
import type { Lang } from "../domain/labels";

/** The first view's namespace: its keys need no prefix. */
const defaultNS = "translation";

/** The strings of the first view's namespaces in one language other than Chinese. */
export type FirstViewStrings = typeof english;

/**
 * One i18next instance per app; language follows the store. The first view carries its
 * Chinese strings (the default language, and the fallback); another language's come from
 * loadLanguage, or are given here (tests).
 */
export function createI18n(lang: Lang, others: Partial<Record<Exclude<Lang, "zh">, FirstViewStrings>> = {}): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "zh",
    // One namespace per chunk that brings strings: the first view's ("translation", the
    // default) and the share dialog's ("share", kept in the first view: its button is there);
    // the lazily loaded views add theirs ("panel", "overlap") with addMessages. Keys of another
    // namespace are written `t("share:title")` (i18next's default nsSeparator ":").
    defaultNS,
    ns: [defaultNS, share.ns],
    resources: {
      zh: { [defaultNS]: zh, [share.ns]: share.zh },
      ...(others.en ? { en: { [defaultNS]: others.en.translation, [share.ns]: others.en.share } } : {}),
    },
    interpolation: { escapeValue: false }, // React escapes; text stays text
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The English strings' chunk, once fetched (or the failed attempt, until a retry). */
let englishStrings: Promise<FirstViewStrings | null> | null = null;

/**
 * Makes sure the instance has the first view's strings in `lang`, fetching them once (the
 * English ones are a chunk of their own). Resolves false when they could not be fetched:
 * the interface then speaks Chinese, its fallback, until a call with `retry` fetches again.
 */
export async function loadLanguage(instance: i18n, lang: Lang, { retry = false } = {}): Promise<boolean> {
  if (lang === "zh" || instance.hasResourceBundle(lang, defaultNS)) return true;
  if (retry || !englishStrings) {
    englishStrings = import("./english").then(
      ({ english }) => english,
      (error: unknown) => {
        console.warn(`The ${lang} strings could not be loaded:`, error);
        return null;
      },
    );
  }
  const strings = await englishStrings;
  if (!strings) return false;
  instance.addResourceBundle(lang, defaultNS, strings.translation, true, false);
  instance.addResourceBundle(lang, share.ns, strings.share, true, false);
  return true;
}

type Bundle = Readonly<{ ns: string } & Record<Lang, Readonly<Record<string, string>>>>;
const added = new WeakMap<i18n, Set<Bundle>>();

/**
 * Adds the strings of a lazily loaded view, as their own namespace (`bundle.ns`), to the app's instance, once: they travel with
 * that view's code instead of the first view's (the planner view's are ≈ 2 KB gzip; the detail panels' ≈ 2 KB too).
 * Called while the view renders, before its first `t`.
 */
export function addMessages(instance: i18n, bundle: Bundle): void {
  const done = added.get(instance) ?? new Set<Bundle>();
  if (done.has(bundle)) return;
  for (const lng of ["zh", "en"] as const) instance.addResourceBundle(lng, bundle.ns, bundle[lng], true, false);
  done.add(bundle);
  added.set(instance, done);
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
