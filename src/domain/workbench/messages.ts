// What the workbench's pure code says to a maintainer: a message key and its parameters,
// turned into text in the reader's language by src/i18n/workbenchImportMessages.ts (the
// "workbenchImport" namespace), so this layer stays free of i18n.

export type WorkbenchMessageKey =
  // ids
  | "idPattern"
  | "idTaken"
  // spreadsheet cells
  | "required"
  | "notANumber"
  | "outOfRange"
  | "outsideBounds"
  | "notADate"
  | "notAUrl"
  | "unknownStatus"
  | "unknownPrecision"
  | "unknownIndustry"
  | "unknownArea"
  | "unknownUnit"
  | "unknownConfidence"
  | "notPositive"
  | "designationNeedsSource"
  | "designationDateNotDesignated"
  | "precisionNoneWithCoordinates"
  | "englishMissing"
  | "schema"
  | "noData"
  | "unmappedRequired"
  | "duplicateColumn"
  // outlines
  | "outlineUnreadable"
  | "outlineNoPolygon"
  | "outlineInvalid"
  | "outlineOutsideBounds"
  | "outlineNeedsApproximate"
  | "outlineNeedsSource"
  | "outlineNeedsDate"
  | "outlineNeedsLicence";

export interface WorkbenchMessage {
  key: WorkbenchMessageKey;
  params?: Readonly<Record<string, string | number>>;
}

/** Text for a message key in the reader's language: the page passes i18next's `t` for the "workbenchImport" namespace. */
export type Translate = (
  key: WorkbenchMessageKey | "rowProblem" | "rowProblemWholeRow",
  params?: Readonly<Record<string, string | number>>,
) => string;
