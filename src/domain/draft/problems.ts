import { assembleDataFiles } from "../dataset/dataFiles.ts";
import type { DataIssue } from "../dataset/dataIssue.ts";
import type { Dataset } from "../dataset/schema.ts";
import type { DataTexts } from "../dataset/split.ts";
import type { PinyinOf } from "../searchKeys.ts";
import { parseTexts } from "./fileDraft.ts";
import { recordOfProblem } from "./records.ts";

// The workbench's live problems: the files as the draft makes them go through the very
// assembly, zod schemas and cross-checks of `npm run validate` (dataFiles.ts), and each
// problem is given the record it names, so the page can jump to it. Errors block publishing;
// warnings (checks of the draft itself, below) do not. Pure.

interface Problem extends DataIssue {
  severity: "error" | "warning";
  /** The record to jump to: its file and key (records.ts), or null when the problem names none that exists. */
  target: { file: string; key: string } | null;
  /** A warning's code; the page words every reason, errors' and warnings' alike, through src/domain/dataset/reasonMessages.ts. */
  code?: "asof-unchanged";
}

export interface DraftCheck {
  dataset: Dataset | null;
  context: unknown;
  problems: Problem[];
  errors: number;
  warnings: number;
}

/**
 * Checks data/ as text (the draft's files). `publishedAsOf`: the asOf of the files the draft
 * was made on. `pinyinOf`: once the workbench has loaded the pinyin library, the dataset also
 * gets the search keys the build would give it; the override table is checked either way.
 */
export function checkDraft(texts: DataTexts, publishedAsOf: string | null = null, changed = false, pinyinOf?: PinyinOf): DraftCheck {
  const result = assembleDataFiles((path) => texts[path], pinyinOf);
  const values = parseTexts(texts);
  const meta = values["meta.json"];
  const locate = (issue: DataIssue): Problem["target"] => {
    if (!(issue.file in values)) return null;
    const key = recordOfProblem(issue.file, issue.record, values[issue.file], meta);
    return key === null ? null : { file: issue.file, key };
  };
  const problems: Problem[] = result.issues.map((issue) => ({ ...issue, severity: "error", target: locate(issue) }));
  const asOf = meta && typeof meta === "object" ? (meta as { asOf?: unknown }).asOf : undefined;
  if (changed && publishedAsOf !== null && asOf === publishedAsOf) {
    problems.push({
      file: "meta.json",
      record: null,
      field: "asOf",
      reason: "the data changes but asOf is still the published date",
      severity: "warning",
      code: "asof-unchanged",
      target: { file: "meta.json", key: "" },
    });
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  return { dataset: result.dataset, context: result.context, problems, errors, warnings: problems.length - errors };
}
