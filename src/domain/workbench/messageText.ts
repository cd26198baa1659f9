import type { Lang } from "../labels.ts";
import type { RowProblem } from "./sheetImport.ts";
import { SHEET_FIELDS, SHEET_FIELD_LABELS, type SheetField } from "./sheetFields.ts";
import type { Translate, WorkbenchMessage } from "./messages.ts";

// Messages as the reader reads them: the column names come from the one table of field
// names (sheetFields.ts), the sentences from i18next (src/i18n/workbenchImportMessages.ts).

const isField = (value: unknown): value is SheetField => typeof value === "string" && (SHEET_FIELDS as readonly string[]).includes(value);

/** A message in `lang`: a `field` parameter is shown by its name in that language. */
export function messageText(message: WorkbenchMessage, lang: Lang, translate: Translate): string {
  const params = { ...message.params };
  if (isField(params.field)) params.field = SHEET_FIELD_LABELS[params.field][lang];
  return translate(message.key, params);
}

/** `第 7 行 · 经度:不是数字` / `row 7 · Longitude: not a number`. */
export function rowProblemText(problem: RowProblem, lang: Lang, translate: Translate): string {
  const reason = messageText(problem.message, lang, translate);
  if (problem.field === null) return translate("rowProblemWholeRow", { row: problem.row, reason });
  return translate("rowProblem", { row: problem.row, column: SHEET_FIELD_LABELS[problem.field][lang], reason });
}
