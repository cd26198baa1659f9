import { useRef, useState } from "react";
import { useAppState, useAppStore } from "../StoreContext";
import type { Dataset } from "../../domain/dataset/schema";
import { discardDraft, dismissDraftNote, loadDraftFile } from "../../state/draftStore";
import type { DraftProblem } from "../../domain/draft/draftFile";
import type { OverlapKey, Names, Tr } from "./model";

/** "file › record › field: reason", the reason in the reader's language. */
function problemText(p: DraftProblem, tr: Tr): string {
  const where = [p.file, p.record, p.field].filter(Boolean).join(" › ");
  return `${where}: ${tr(`overlap:problem_${p.code}` as OverlapKey, { expected: p.expected ?? "" })}`;
}

/**
 * What the planner is told about the draft: restored from this browser or loaded from a file
 * (with Discard, which asks in the page first), the changes that no longer apply, a file's
 * problems, and storage that is off. Also "Load draft" (a file picker; dropping a file on the
 * view does the same, see OverlapView).
 */
export function DraftNotice({ dataset, names, tr }: { dataset: Dataset; names: Names; tr: Tr }) {
  const store = useAppStore();
  const note = useAppState((s) => s.draftNote);
  const hasDraft = useAppState((s) => s.draftPatch !== null);
  const [asking, setAsking] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const arrived = note?.arrived ?? null;
  const otherBase = arrived && (arrived.base.dataset !== dataset.meta.id || arrived.base.asOf !== dataset.meta.asOf);
  const showArrived = arrived !== null || (note?.notApplicable.length ?? 0) > 0;
  return (
    <div className="overlap-draft-note">
      {showArrived ? (
        <div className="overlap-draft-restored" role="status">
          {arrived ? (
            <p className="overlap-draft-title">
              {arrived.from === "browser"
                ? tr("overlap:draftRestored", { count: arrived.changes })
                : tr("overlap:draftLoaded", { count: arrived.changes, name: arrived.name ?? "" })}
            </p>
          ) : null}
          {otherBase ? (
            <p>
              {tr("overlap:draftOtherBase", { dataset: arrived.base.dataset, asOf: arrived.base.asOf, currentAsOf: dataset.meta.asOf })}
            </p>
          ) : null}
          {note && note.notApplicable.length ? (
            <>
              <p>{tr("overlap:draftNotApplicable", { count: note.notApplicable.length })}</p>
              <ul className="overlap-draft-na" aria-label={tr("overlap:draftNotApplicable", { count: note.notApplicable.length })}>
                {note.notApplicable.map((n) => (
                  <li key={n.record}>
                    {tr(n.change === "added" ? "overlap:naAdded" : "overlap:naRemoved", {
                      industry: names.industry(n.assignment.industry),
                      area: names.area(n.assignment.area),
                    })}
                    {" — "}
                    {tr("overlap:list", { items: n.reasons.map((r) => tr(`overlap:na_${r}` as OverlapKey)) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="overlap-actions">
            {hasDraft && !asking ? (
              <button type="button" onClick={() => setAsking(true)}>
                {tr("overlap:draftDiscard")}
              </button>
            ) : null}
            {!asking ? (
              <button type="button" onClick={() => dismissDraftNote(store)}>
                {tr("overlap:draftDismiss")}
              </button>
            ) : null}
          </div>
          {asking ? (
            <div className="overlap-confirm" role="alertdialog" aria-label={tr("overlap:draftDiscard")}>
              <p>{tr("overlap:draftDiscardAsk")}</p>
              <div className="overlap-actions">
                <button
                  type="button"
                  onClick={() => {
                    setAsking(false);
                    void discardDraft(store);
                  }}
                >
                  {tr("overlap:draftDiscardYes")}
                </button>
                <button type="button" autoFocus onClick={() => setAsking(false)}>
                  {tr("overlap:draftDiscardNo")}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {note?.problems ? (
        <div className="overlap-draft-problems" role="alert">
          <p>{tr("overlap:draftProblems", { name: note.problems.name })}</p>
          <ul aria-label={tr("overlap:draftProblems", { name: note.problems.name })}>
            {note.problems.items.map((p, i) => (
              <li key={i}>{problemText(p, tr)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {note?.storageFailed ? (
        <p className="overlap-error" role="status">
          {tr("overlap:draftStorageFailed")}
        </p>
      ) : null}
      <div className="overlap-actions">
        <button type="button" onClick={() => picker.current?.click()}>
          {tr("overlap:draftLoad")}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={tr("overlap:draftLoad")}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void loadDraftFile(store, file);
          }}
        />
        <span className="overlap-note">{tr("overlap:draftDrop")}</span>
      </div>
    </div>
  );
}
