import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { setPane } from "../state/planner";

/** Switches between the map with its lists and the planners' overlap view (`view=overlap`). */
export function PlannerButton() {
  const { t } = useTranslation();
  const store = useAppStore();
  const overlap = useAppState((s) => s.view.pane === "overlap");
  return (
    <button type="button" className="header-button" aria-pressed={overlap} onClick={() => setPane(store, overlap ? "map" : "overlap")}>
      {t("plannerView")}
    </button>
  );
}
