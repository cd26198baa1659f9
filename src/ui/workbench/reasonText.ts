import { useTranslation } from "react-i18next";
import { reasonText } from "../../domain/dataset/reasonMessages";
import type { Translate } from "../../domain/workbench/messages";
import { addMessages } from "../../i18n/i18n";
import * as reasons from "../../i18n/reasonMessages";

// The checks' reasons in the reader's language: validate's English read into a key and its
// parameters (src/domain/dataset/reasonMessages.ts) and worded by the "reasons" namespace.
// In English the reason is shown as the check wrote it, word for word what validate prints.

/** The page's wording of a check's reason. */
export function useReasonText(): (reason: string) => string {
  // The default namespace: asking for "reasons" before addMessages has added it would suspend
  // the dialog, and its state (the drawn outline) would be lost.
  const { t, i18n } = useTranslation();
  addMessages(i18n, reasons);
  if (i18n.language === "en") return (reason) => reason;
  return (reason) => reasonText(reason, (key, params) => t(`reasons:${key}`, params));
}

/**
 * The "workbenchImport" messages' text (src/domain/workbench/messages.ts), with a check's
 * reason inside one (an outline's polygon rules, the site schema's last guard) worded too.
 */
export function useImportTranslate(): Translate {
  const { t } = useTranslation();
  const wordReason = useReasonText();
  return (key, params) =>
    t(`workbenchImport:${key}`, typeof params?.reason === "string" ? { ...params, reason: wordReason(params.reason) } : (params ?? {}));
}
