import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { loadDataset } from "../state/loadData";

/** Loading progress, or what went wrong and a retry; the rest of the page stays usable. */
export function StatusPanel() {
  const { t } = useTranslation();
  const store = useAppStore();
  const load = useAppState((s) => s.load);
  if (load.status === "ready") return null;
  if (load.status === "loading") {
    const kb = Math.round(load.loaded / 1024);
    return (
      <div className="status-panel" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>{t("loading")}</p>
        {load.total ? (
          <progress max={load.total} value={load.loaded} />
        ) : kb > 0 ? (
          <p className="muted">{t("loadingBytes", { kb })}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="status-panel error" role="alert">
      <h2>{t("loadFailed")}</h2>
      <p>{load.message}</p>
      {load.detail ? <p className="muted detail">{load.detail}</p> : null}
      <p className="muted">{t("loadFailedHelp")}</p>
      <button type="button" className="primary" onClick={() => void loadDataset(store)}>
        {t("retry")}
      </button>
    </div>
  );
}
