import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { setLang } from "../state/actions";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const next = lang === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      aria-label={`${t("language")}: ${next === "en" ? "English" : "中文"}`}
      onClick={() => setLang(store, next)}
    >
      {next === "en" ? t("switchToEn") : t("switchToZh")}
    </button>
  );
}
