import { useMemo, useState } from "react";
import type { CrsId } from "../../domain/workbench/coordinates";
import { rowProblemText, messageText } from "../../domain/workbench/messageText";
import { SHEET_FIELDS, SHEET_FIELD_LABELS, type SheetField } from "../../domain/workbench/sheetFields";
import {
  cellText,
  mappingProblems,
  proposeMapping,
  rememberMapping,
  sheetToSites,
  type Cell,
  type ColumnMapping,
  type RememberedMapping,
} from "../../domain/workbench/sheetImport";
import { setRecord } from "../../domain/draft/fileDraft";
import { readingOf } from "../../domain/workbench/siteId";
import { loadPinyin, setDraft } from "../../state/workbench";
import { downloadBlob } from "../share/download";
import { useWorkbench, useWorkbenchStore } from "./WorkbenchContext";
import { CrsChoice, DialogFrame, useDialogT } from "./dialogParts";

// 导入表格 / Import spreadsheet: a CSV or XLSX file read by the lazily loaded SheetJS module,
// a preview, the column mapping (proposed from the headers and what was chosen before for
// the same header text, kept in this browser), one coordinate system for the file, every
// row checked (sheetImport.ts) with its errors by row and column; only the valid rows go into
// the draft, as new records of sites.json. The pinyin library loads with the file, for the
// ids of rows that have only a Chinese name.

const MAPPING_KEY = "workbench:sheet-mapping";
const PREVIEW_ROWS = 8;

function remembered(): RememberedMapping {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(MAPPING_KEY) ?? "{}");
    return value && typeof value === "object" ? (value as RememberedMapping) : {};
  } catch {
    return {};
  }
}

function remember(mapping: RememberedMapping): void {
  try {
    localStorage.setItem(MAPPING_KEY, JSON.stringify(mapping));
  } catch {
    /* storage off: the mapping is proposed from the headers next time */
  }
}

export function SheetImportDialog({ onClose }: { onClose: () => void }) {
  const { t, translate, lang } = useDialogT();
  const store = useWorkbenchStore();
  const dataset = useWorkbench((s) => s.check?.dataset ?? s.shown);
  const pinyinOf = useWorkbench((s) => s.pinyinOf);
  const [rows, setRows] = useState<Cell[][] | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [crs, setCrs] = useState<CrsId>("WGS84");
  const [status, setStatus] = useState<string | null>(null);

  const read = async (file: File) => {
    setStatus(t("workbenchDialogs:sheetReading"));
    setRows(null);
    try {
      // The pinyin library comes with the spreadsheet reader: a row with only a Chinese name
      // gets its id from the name's pinyin, as the site form gives it.
      const [{ readSheet }] = await Promise.all([import("../../domain/workbench/xlsxFile"), loadPinyin(store)]);
      const sheet = readSheet(await file.arrayBuffer());
      setRows(sheet);
      setMapping(proposeMapping(sheet[0] ?? [], remembered()));
      setStatus(null);
    } catch (error) {
      setStatus(t("workbenchDialogs:sheetUnreadable", { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const template = async () => {
    const { writeTemplate } = await import("../../domain/workbench/xlsxFile");
    downloadBlob(
      new Blob([writeTemplate() as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      "sites-template.xlsx",
    );
  };

  const headers = rows?.[0] ?? [];
  const blocking = useMemo(() => (rows ? mappingProblems(mapping) : []), [rows, mapping]);
  const result = useMemo(
    () => (rows && dataset && !blocking.length ? sheetToSites({ rows, mapping, crs, dataset, toPinyin: readingOf(pinyinOf) }) : null),
    [rows, mapping, crs, dataset, blocking, pinyinOf],
  );
  const invalidRows = new Set(result?.errors.map((e) => e.row));

  const importValid = () => {
    if (!result || !rows) return;
    const s = store.getState();
    if (!s.baseInfo) return;
    let draft = s.draft;
    for (const site of result.sites) draft = setRecord(s.baseValues, draft, s.baseInfo, "sites.json", site.id, site);
    setDraft(store, draft);
    remember(rememberMapping(headers, mapping, remembered()));
    setStatus(t("workbenchDialogs:sheetImported", { count: result.sites.length }));
    setRows(null);
  };

  const fieldName = (field: SheetField) => SHEET_FIELD_LABELS[field][lang];
  return (
    <DialogFrame id="wb-sheet-title" title={t("workbenchDialogs:sheetTitle")} onClose={onClose}>
      <div className="wb-dialog-row">
        <label>
          {t("workbenchDialogs:sheetFile")}
          <input
            type="file"
            accept=".csv,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])}
          />
        </label>
        <button type="button" onClick={() => void template()}>
          {t("workbenchDialogs:sheetTemplate")}
        </button>
      </div>
      <CrsChoice name="wb-sheet-crs" value={crs} onChange={setCrs} />
      {status ? <p role="status">{status}</p> : null}
      {rows ? (
        <>
          <table className="wb-mapping">
            <caption>{t("workbenchDialogs:sheetMapping")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workbenchDialogs:sheetColumn")}</th>
                <th scope="col">{t("workbenchDialogs:sheetField")}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, i) => (
                <tr key={i}>
                  <th scope="row">{cellText(header) || `#${i + 1}`}</th>
                  <td>
                    <select
                      aria-label={`${t("workbenchDialogs:sheetField")}: ${cellText(header) || `#${i + 1}`}`}
                      value={mapping[i] ?? ""}
                      onChange={(e) =>
                        setMapping(
                          headers.map((_, j) => (j === i ? ((e.target.value || null) as SheetField | null) : (mapping[j] ?? null))),
                        )
                      }
                    >
                      <option value="">{t("workbenchDialogs:sheetSkip")}</option>
                      {SHEET_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {fieldName(field)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {blocking.length ? (
            <ul role="alert">
              {blocking.map((m, i) => (
                <li key={i}>{messageText(m, lang, translate)}</li>
              ))}
            </ul>
          ) : null}
          <div className="wb-preview">
            <table>
              <caption>{t("workbenchDialogs:sheetPreview", { count: Math.min(PREVIEW_ROWS, rows.length - 1) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("workbenchDialogs:sheetRow")}</th>
                  {headers.map((h, i) => (
                    <th key={i} scope="col">
                      {mapping[i] ? fieldName(mapping[i]) : cellText(h)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(1, PREVIEW_ROWS + 1).map((cells, r) => (
                  <tr key={r} className={invalidRows.has(r + 2) ? "invalid" : undefined}>
                    <th scope="row">{r + 2}</th>
                    {headers.map((_, c) => (
                      <td key={c}>{cellText(cells[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result ? (
            <>
              <p>{t("workbenchDialogs:sheetValid", { valid: result.sites.length, invalid: invalidRows.size })}</p>
              {result.errors.length ? (
                <section aria-labelledby="wb-sheet-errors">
                  <h3 id="wb-sheet-errors">{t("workbenchDialogs:sheetErrors")}</h3>
                  <ul aria-labelledby="wb-sheet-errors" data-testid="sheet-errors">
                    {result.errors.map((p, i) => (
                      <li key={i}>{rowProblemText(p, lang, translate)}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {result.warnings.length ? (
                <section aria-labelledby="wb-sheet-warnings">
                  <h3 id="wb-sheet-warnings">{t("workbenchDialogs:sheetWarnings")}</h3>
                  <ul aria-labelledby="wb-sheet-warnings">
                    {result.warnings.map((p, i) => (
                      <li key={i}>{rowProblemText(p, lang, translate)}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <button type="button" disabled={!result.sites.length} onClick={importValid}>
                {t("workbenchDialogs:sheetImport", { count: result.sites.length })}
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </DialogFrame>
  );
}
