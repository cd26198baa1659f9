import { useAppStore } from "../StoreContext";
import type { Dataset } from "../../domain/dataset/schema";
import { draftChanges, type Draft } from "../../domain/draft/draft";
import { DRAFT_FILE, draftFileText } from "../../domain/draft/draftFile";
import { resetDraft } from "../../state/draftStore";
import { downloadBlob } from "../share/download";
import type { Tr } from "./model";

/** Says plainly that a draft is in use, what it changes, and offers reset and download. */
export function DraftBanner({ dataset, draft, tr }: { dataset: Dataset; draft: Draft; tr: Tr }) {
  const store = useAppStore();
  const changes = draftChanges(draft);
  const added = changes.filter((c) => c.change === "added").length;
  const download = () => downloadBlob(new Blob([draftFileText(dataset, draft)], { type: "application/json" }), DRAFT_FILE);
  return (
    <div className="overlap-draft" role="group" aria-label={tr("overlap:draftBanner")}>
      <p className="overlap-draft-title">
        <span aria-hidden="true">⚠ </span>
        {tr("overlap:draftBanner")}
      </p>
      <p className="overlap-draft-changes">{tr("overlap:draftChanges", { added, removed: changes.length - added })}</p>
      <div className="overlap-actions">
        <button type="button" onClick={() => resetDraft(store)}>
          {tr("overlap:draftReset")}
        </button>
        <button type="button" onClick={download}>
          {tr("overlap:draftDownload")}
        </button>
      </div>
    </div>
  );
}
