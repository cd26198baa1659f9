import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";

/** What a printed profile is of: the open area or the open industry. */
export type PrintTarget = { area: string } | { industry: string };

/** Asks for `target`'s profile to be printed; DetailPanels, which holds the print view, answers. */
export const PrintContext = createContext<(target: PrintTarget) => void>(() => {});

/** "Print profile": prints the A4 profile of the panel's area or industry (the same page Ctrl+P prints). */
export function PrintButton({ target }: { target: PrintTarget }) {
  const { t } = useTranslation();
  const print = useContext(PrintContext);
  return (
    <button type="button" className="panel-toggle print-button" title={t("panel:printHelp")} onClick={() => print(target)}>
      {t("panel:print")}
    </button>
  );
}
