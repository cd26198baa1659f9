import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import { localize } from "../domain/config/siteConfig";

/**
 * The page's title: config.json's, else one naming the dataset's city (so another city's
 * data never shows under Yangzhou's name), else a generic one while the data loads.
 * `short`: the header's on a phone, where the full English title would wrap to four lines.
 */
export function useAppTitle(short = false): string {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const configured = useAppState((s) => localize(s.config.title, lang));
  const city = useAppState((s) => s.dataset?.meta.city.name[lang]);
  return configured ?? (city ? t(short ? "appTitleShort" : "appTitle", { city }) : t("appTitleGeneric"));
}
