import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { addMessages } from "../../i18n/i18n";
import { useImportTranslate } from "./reasonText";
import * as dialogs from "../../i18n/workbenchDialogMessages";
import * as importMessages from "../../i18n/workbenchImportMessages";
import { CRS_IDS, type CrsId } from "../../domain/workbench/coordinates";

// What both import dialogs share: their strings (added when the first one loads), the
// coordinate-system radios, the frame of a dialog, and the `t` the pure messages take.

/** The dialogs' `t`, with their namespaces added first. */
export function useDialogT() {
  const { t, i18n } = useTranslation();
  addMessages(i18n, dialogs);
  addMessages(i18n, importMessages);
  const translate = useImportTranslate();
  return { t, translate, lang: i18n.language === "en" ? ("en" as const) : ("zh" as const) };
}

export function CrsChoice({ name, value, onChange }: { name: string; value: CrsId; onChange: (crs: CrsId) => void }) {
  const { t } = useDialogT();
  return (
    <fieldset className="wb-crs">
      <legend>{t("workbenchDialogs:crs")}</legend>
      {CRS_IDS.map((crs) => (
        <label key={crs}>
          <input type="radio" name={name} value={crs} checked={value === crs} onChange={() => onChange(crs)} />{" "}
          {t(`workbenchDialogs:crs${crs}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function DialogFrame({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useDialogT();
  return (
    <section className="wb-dialog" role="dialog" aria-labelledby={id}>
      <header>
        <h2 id={id}>{title}</h2>
        <button type="button" onClick={onClose}>
          {t("workbenchDialogs:close")}
        </button>
      </header>
      {children}
    </section>
  );
}
