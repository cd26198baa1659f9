import { useAppState, useAppStore } from "../StoreContext";
import { focusedFindingId } from "../../state/store";
import type { Lang } from "../../domain/labels";
import type { Finding } from "../../domain/overlap/types";
import { focusFinding } from "../../state/planner";
import { findingSentence, type Names, type Tr } from "./model";

/** The ranked findings, one sentence each; a click puts one in focus and the map hatches its ground. */
export function Findings({ findings, names, lang, tr, busy }: { findings: Finding[]; names: Names; lang: Lang; tr: Tr; busy: boolean }) {
  const store = useAppStore();
  const focused = useAppState(focusedFindingId);
  const approximate = findings.some((f) => f.approximate);
  return (
    <div className="overlap-findings" aria-busy={busy}>
      <h3>{tr("overlap:findings")}</h3>
      {findings.length === 0 ? (
        <p className="muted">{tr("overlap:noFindings")}</p>
      ) : (
        <>
          <p className="overlap-hint">{tr("overlap:focusHint")}</p>
          <ol aria-label={tr("overlap:findings")}>
            {findings.map((f) => {
              const on = f.id === focused;
              return (
                <li key={f.id} data-finding={f.id} data-kind={f.kind}>
                  <button
                    type="button"
                    className="overlap-finding"
                    aria-pressed={on}
                    aria-current={on ? "true" : undefined}
                    onClick={() => focusFinding(store, on ? null : f)}
                  >
                    {findingSentence(f, names, lang, tr)}
                  </button>
                </li>
              );
            })}
          </ol>
          {approximate ? <p className="overlap-note">{tr("overlap:approxNote")}</p> : null}
        </>
      )}
    </div>
  );
}
