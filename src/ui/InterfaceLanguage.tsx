import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import { loadLanguage } from "../i18n/i18n";

/**
 * Puts the interface in the store's language. English strings are a chunk of their own
 * (loadLanguage): the interface switches once they are here, unless the reader has switched
 * again meanwhile. When they cannot be fetched it stays in Chinese, its fallback, and says
 * so in both languages, with Retry.
 */
export function InterfaceLanguage() {
  const { t, i18n } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void loadLanguage(i18n, lang, { retry: attempt > 0 }).then((loaded) => {
      if (!current) return;
      setFailed(!loaded);
      // Also when i18next is already set to `lang`: strings that just arrived need a re-render.
      void i18n.changeLanguage(lang);
      document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    });
    return () => {
      current = false;
    };
  }, [lang, i18n, attempt]);
  if (!failed) return null;
  return (
    <div className="notice" role="alert" data-notice="language">
      <p>{t("languageFailed")}</p>
      <button type="button" className="reload-button" onClick={() => setAttempt((n) => n + 1)}>
        {t("languageRetry")}
      </button>
    </div>
  );
}
