import type { Area, Assignment } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";
import type { OverlapAnalysis } from "../../domain/overlap/types";
import { toCsv } from "../../domain/export/csv";
import { downloadBlob } from "../share/download";
import { findingsRows, matrixRows, overlapsGeoJson, type Matrix, type Names, type Tr } from "./model";

const EXPORT_FILES = {
  matrix: "industry-by-area.csv",
  findings: "overlap-findings.csv",
  geojson: "overlaps.geojson",
} as const;

/** With a draft active, exports say so in their file name (name.draft.csv). */
function fileName(name: string, draft: boolean): string {
  return draft ? name.replace(/\.(\w+)$/, ".draft.$1") : name;
}

interface Props {
  matrix: Matrix;
  rows: Area[];
  result: OverlapAnalysis | null;
  /** The result's shapes are there (a published analysis's follow its figures). */
  shapes: boolean;
  names: Names;
  lang: Lang;
  tr: Tr;
  draft: readonly Assignment[] | null;
}

/** The matrix and the findings as CSV (BOM, formula guard: toCsv), the overlaps as GeoJSON. */
export function Exports({ matrix, rows, result, shapes, names, lang, tr, draft }: Props) {
  const csv = (rows: string[][], name: string) =>
    downloadBlob(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), fileName(name, draft !== null));
  return (
    <div className="overlap-exports">
      <h3>{tr("overlap:exports")}</h3>
      <div className="overlap-actions">
        <button type="button" onClick={() => csv(matrixRows(matrix, rows, lang, tr), EXPORT_FILES.matrix)}>
          {tr("overlap:csvMatrix")}
        </button>
        <button
          type="button"
          disabled={!result}
          onClick={() => result && csv(findingsRows(result.findings, names, lang, tr), EXPORT_FILES.findings)}
        >
          {tr("overlap:csvFindings")}
        </button>
        <button
          type="button"
          disabled={!result || !shapes}
          onClick={() =>
            result &&
            downloadBlob(
              new Blob([JSON.stringify(overlapsGeoJson(result)) + "\n"], { type: "application/geo+json" }),
              fileName(EXPORT_FILES.geojson, draft !== null),
            )
          }
        >
          {tr("overlap:geojson")}
        </button>
      </div>
      <p className="overlap-note">{tr("overlap:exportsNote", { which: tr(draft ? "overlap:whichDraft" : "overlap:whichPublished") })}</p>
    </div>
  );
}
