import { useEffect, useRef, useState } from "react";
import type { OverlapKey, Tr } from "./model";

/**
 * How much of a long list the planner view renders at first, and adds per "Show more": a
 * national set has thousands of areas (a matrix row each, a toggle per industry) and findings,
 * and rendering them all kept the view from opening for seconds. A list that fits is shown
 * whole, without paging controls.
 */
export const PAGE_SIZE = { rows: 50, findings: 50, zones: 50 } as const;

/** Above this many areas the matrix offers a "Find an area" filter. */
export const AREA_FILTER_FROM = PAGE_SIZE.rows;

export interface Page {
  /** How many of the list's items are rendered, from the top. */
  shown: number;
  total: number;
  size: number;
  more: () => void;
  all: () => void;
}

/**
 * The first `shown` items of a list of `total`, grown a page (or all) at a time. A new
 * `resetWith` (a new filter) starts again at one page; "Show all" stays all when the list grows.
 */
export function usePage(total: number, size: number, resetWith: unknown = null): Page {
  const [state, setState] = useState<{ resetWith: unknown; count: number }>({ resetWith, count: size });
  const count = state.resetWith === resetWith ? state.count : size;
  const shown = Math.min(count, total);
  return {
    shown,
    total,
    size,
    more: () => setState({ resetWith, count: shown + size }),
    all: () => setState({ resetWith, count: Infinity }),
  };
}

interface ControlsProps {
  page: Page;
  /** "Showing {{shown}} of {{total}} …", in the list's own words. */
  countKey: OverlapKey;
  tr: Tr;
  /** The element to move keyboard focus to once item `index` (the first new one) is rendered. */
  focusTarget: (index: number) => HTMLElement | null | undefined;
}

/**
 * "Showing 50 of 3,577 areas · Show 50 more · Show all (3,577)", below a paged list; nothing
 * when the list fits in one page. After a click, focus moves to the first new item (the
 * buttons may be gone by then).
 */
export function PageControls({ page, countKey, tr, focusTarget }: ControlsProps) {
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    const target = focusTarget(pending.current);
    pending.current = null;
    if (!target) return;
    // A list item without a control of its own takes focus as the page's new place.
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.tabIndex = -1;
    target.focus();
  });
  if (page.total <= page.size) return null;
  const left = page.total - page.shown;
  const grow = (all: boolean) => {
    pending.current = page.shown;
    if (all) page.all();
    else page.more();
  };
  return (
    <div className="overlap-paging">
      <span className="overlap-paging-count">{tr(countKey, { shown: page.shown, total: page.total })}</span>
      {left > 0 ? (
        <button type="button" onClick={() => grow(false)}>
          {tr("overlap:showMore", { count: Math.min(page.size, left) })}
        </button>
      ) : null}
      {left > page.size ? (
        <button type="button" onClick={() => grow(true)}>
          {tr("overlap:showAll", { count: page.total })}
        </button>
      ) : null}
    </div>
  );
}
