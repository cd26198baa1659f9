import { usePalette } from "../usePalette";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "../StoreContext";
import type { Assignment, Dataset } from "../../domain/dataset/schema";
import type { OverlapAnalysis } from "../../domain/overlap/types";
import { overlapAnalysisOf, publishedGroundOf } from "../../state/overlapResult";
import { focusFinding, setPane } from "../../state/planner";
import { buildMatrix, namesFor, sortedAreas, type Sort, type Tr } from "./model";
import { DraftBanner } from "./DraftBanner";
import { DraftNotice } from "./DraftNotice";
import { loadDraftFile, startDraftPersistence } from "../../state/draftStore";
import { OverlapMatrix } from "./OverlapMatrix";
import { Findings } from "./Findings";
import { Containment } from "./Containment";
import { Targets } from "./Targets";
import { Exports } from "./Exports";
import "./overlap.css";
import { addMessages } from "../../i18n/i18n";
import * as messages from "../../i18n/overlapMessages";

/** The last analysis (kept on screen while the next runs) and what the latest run was for. */
interface Run {
  dataset: Dataset;
  draft: readonly Assignment[] | null;
  result: OverlapAnalysis | null;
  error: string | null;
}

/**
 * The planners' view (view=overlap, lazy-loaded into the side pane): the industry-by-area
 * matrix with a what-if draft, the ranked findings (the one in focus is hatched on the map),
 * progress against the policy's targets, and exports. The analysis runs once per dataset or
 * draft change (off the main thread: runOverlapAnalysis), never per filter click; the last
 * result stays on screen while the next one is computed.
 */
export default function OverlapView({ dataset }: { dataset: Dataset }) {
  const { t, i18n } = useTranslation();
  addMessages(i18n, messages);
  const tr = useCallback<Tr>((key, vars) => String(t(key, vars ?? {})), [t]);
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const tiers = useAppState((s) => s.view.tiers);
  const draft = useAppState((s) => s.draft);
  const draftPatch = useAppState((s) => s.draftPatch);
  const palette = usePalette();
  const [sort, setSort] = useState<Sort>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [figuresTry, setFiguresTry] = useState(0);

  useEffect(() => {
    let live = true;
    overlapAnalysisOf(dataset, draft ?? undefined).then(
      (result) => live && setRun({ dataset, draft, result, error: null }),
      (error: unknown) =>
        live &&
        setRun((prev) => ({ dataset, draft, result: prev?.result ?? null, error: error instanceof Error ? error.message : String(error) })),
    );
    return () => {
      live = false;
    };
  }, [dataset, draft, figuresTry]);

  // The draft this browser kept comes back when the planner opens (its code is this chunk's).
  useEffect(() => {
    void startDraftPersistence(store, dataset);
  }, [store, dataset]);

  const published = Boolean(dataset.tiles?.overlap);
  const analysing = !(run && run.dataset === dataset && run.draft === draft);
  const figures = run?.result ?? null;
  const error = analysing ? null : (run?.error ?? null);

  // A published analysis opens with its figures; its shapes (the hatch, the GeoJSON export) follow.
  const [ground, setGround] = useState<{ of: OverlapAnalysis; result: OverlapAnalysis | null; error: string | null } | null>(null);
  const [groundTry, setGroundTry] = useState(0);
  useEffect(() => {
    const pending = figures && publishedGroundOf(dataset, figures);
    if (!figures || !pending) return;
    let live = true;
    pending.then(
      (result) => live && setGround({ of: figures, result, error: null }),
      (e: unknown) => live && setGround({ of: figures, result: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [dataset, figures, groundTry]);
  const groundOfThese = ground?.of === figures ? ground : null;
  const result = groundOfThese?.result ?? figures;
  const shapesPending = published && !groundOfThese?.result && Boolean(dataset.tiles?.overlapGround);

  // A new result (a draft change): the finding in focus follows it, or leaves focus if gone.
  useEffect(() => {
    if (!result) return;
    const focused = store.getState().focusedFinding;
    if (!focused) return;
    const same = result.findings.find((f) => f.id === focused.id) ?? null;
    if (same !== focused) focusFinding(store, same);
  }, [result, store]);

  const matrix = useMemo(() => buildMatrix(dataset, tiers, draft), [dataset, tiers, draft]);
  const rows = useMemo(() => sortedAreas(matrix, sort, lang), [matrix, sort, lang]);
  const names = useMemo(() => namesFor(dataset, lang), [dataset, lang]);

  return (
    <section
      className="overlap-view"
      aria-labelledby="overlap-title"
      // A draft file dropped anywhere on the view is loaded, as "Load draft" does.
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void loadDraftFile(store, file);
      }}
    >
      <div className="overlap-head">
        <h2 id="overlap-title">{tr("overlap:title")}</h2>
        <button type="button" className="overlap-back" onClick={() => setPane(store, "map")}>
          ← {tr("overlap:back")}
        </button>
      </div>
      <p className="overlap-intro">{tr("overlap:intro")}</p>

      <DraftNotice dataset={dataset} names={names} tr={tr} />

      {draftPatch ? <DraftBanner dataset={dataset} draft={draftPatch} tr={tr} /> : null}

      <OverlapMatrix matrix={matrix} rows={rows} sort={sort} onSort={setSort} lang={lang} tr={tr} palette={palette} />

      <div className="overlap-status" role="status" aria-live="polite">
        {analysing ? (
          <>
            <progress className="overlap-progress" aria-label={tr("overlap:analysing")} /> {tr("overlap:analysing")}
          </>
        ) : error && !published ? (
          <span className="overlap-error">{tr("overlap:failed", { message: error })}</span>
        ) : result ? (
          <span className="muted">
            {published ? tr("overlap:published") : tr("overlap:took", { ms: Math.max(1, Math.round(result.tookMs)) })}
          </span>
        ) : null}
        {figures && shapesPending && !groundOfThese?.error ? <span className="muted"> {tr("overlap:shapesLoading")}</span> : null}
      </div>
      {error && published ? (
        <p className="overlap-error" role="alert">
          {tr("overlap:publishedFailed", { message: error })}{" "}
          <button
            type="button"
            onClick={() => {
              setRun(null);
              setFiguresTry((n) => n + 1);
            }}
          >
            {tr("overlap:retry")}
          </button>
        </p>
      ) : null}
      {groundOfThese?.error ? (
        <p className="overlap-error" role="alert">
          {tr("overlap:shapesFailed", { message: groundOfThese.error })}{" "}
          <button type="button" onClick={() => setGroundTry((n) => n + 1)}>
            {tr("overlap:retry")}
          </button>
        </p>
      ) : null}

      {result ? <Findings findings={result.findings} names={names} lang={lang} tr={tr} busy={analysing} /> : null}

      {result ? <Containment rows={result.containment} names={names} tr={tr} /> : null}

      <Targets dataset={dataset} lang={lang} tr={tr} />

      <Exports
        matrix={matrix}
        rows={rows}
        result={analysing ? null : result}
        shapes={!shapesPending}
        names={names}
        lang={lang}
        tr={tr}
        draft={draft}
      />
    </section>
  );
}
