import { useRef } from "react";
import { useAppState, useAppStore } from "../StoreContext";
import { focusedFindingId } from "../../state/store";
import type { Lang } from "../../domain/labels";
import type { Finding } from "../../domain/overlap/types";
import { focusFinding } from "../../state/planner";
import { findingSentence, type Names, type Tr } from "./model";
import { PAGE_SIZE, PageControls, usePage } from "./paging";

/**
 * The ranked findings, one sentence each; a click puts one in focus and the map hatches its
 * ground. A long list shows its first page; the finding in focus is always shown, after the
 * page (with its rank) when it ranks below it.
 */
export function Findings({ findings, names, lang, tr, busy }: { findings: Finding[]; names: Names; lang: Lang; tr: Tr; busy: boolean }) {
  const store = useAppStore();
  const focused = useAppState(focusedFindingId);
  const page = usePage(findings.length, PAGE_SIZE.findings);
  const list = useRef<HTMLOListElement>(null);
  const approximate = findings.some((f) => f.approximate);
  const focusedRank = focused === null ? -1 : findings.findIndex((f) => f.id === focused);
  const beyond = focusedRank >= page.shown ? focusedRank : null;
  const item = (f: Finding, rank: number) => {
    const on = f.id === focused;
    return (
      <li
        key={f.id}
        data-finding={f.id}
        data-kind={f.kind}
        data-rank={rank + 1}
        // The rank, where the list jumps to it (the list's own numbering would say page + 1).
        value={beyond === rank ? rank + 1 : undefined}
        className={beyond === rank ? "overlap-finding-beyond" : undefined}
      >
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
  };
  return (
    <div className="overlap-findings" aria-busy={busy}>
      <h3>{tr("overlap:findings")}</h3>
      {findings.length === 0 ? (
        <p className="muted">{tr("overlap:noFindings")}</p>
      ) : (
        <>
          <p className="overlap-hint">{tr("overlap:focusHint")}</p>
          <ol aria-label={tr("overlap:findings")} ref={list}>
            {findings.slice(0, page.shown).map(item)}
            {beyond !== null ? item(findings[beyond]!, beyond) : null}
          </ol>
          <PageControls
            page={page}
            countKey="overlap:showingFindings"
            tr={tr}
            focusTarget={(n) => list.current?.querySelector<HTMLElement>(`[data-rank="${n + 1}"] button`)}
          />
          {approximate ? <p className="overlap-note">{tr("overlap:approxNote")}</p> : null}
        </>
      )}
    </div>
  );
}
