import { useTranslation } from "react-i18next";
import { useAppStore } from "./StoreContext";
import { resetView } from "../state/actions";

/** One control back to the default view, always in reach (not folded with the filters). */
export function ResetButton() {
  const { t } = useTranslation();
  const store = useAppStore();
  return (
    <button type="button" className="reset" onClick={() => resetView(store)}>
      {t("reset")}
    </button>
  );
}
