import { useAppStore } from "../StoreContext";
import type { Assignment, Dataset } from "../../domain/dataset/schema";
import { draftChanges, resetDraft } from "../../state/planner";
import { downloadBlob } from "../share/download";
import { draftDocument, type Tr } from "./model";

export const DRAFT_FILE = "assignments.draft.json";

/** Says plainly that a draft is in use, what it changes, and offers reset and download. */
export function DraftBanner({ dataset, draft, tr }: { dataset: Dataset; draft: readonly Assignment[]; tr: Tr }) {
  const store = useAppStore();
  const changes = draftChanges(dataset.assignments, draft);
  const added = changes.filter((c) => c.change === "added").length;
  const download = () => {
    const text = JSON.stringify(draftDocument(dataset, draft, changes), null, 2) + "\n";
    downloadBlob(new Blob([text], { type: "application/json" }), DRAFT_FILE);
  };
  return (
    <div className="overlap-draft" role="group" aria-label={tr("overlap_draftBanner")}>
      <p className="overlap-draft-title">
        <span aria-hidden="true">⚠ </span>
        {tr("overlap_draftBanner")}
      </p>
      <p className="overlap-draft-changes">{tr("overlap_draftChanges", { added, removed: changes.length - added })}</p>
      <div className="overlap-actions">
        <button type="button" onClick={() => resetDraft(store)}>
          {tr("overlap_draftReset")}
        </button>
        <button type="button" onClick={download}>
          {tr("overlap_draftDownload")}
        </button>
      </div>
    </div>
  );
}
