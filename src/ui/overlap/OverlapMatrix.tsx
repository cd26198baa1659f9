import { useMemo, useRef, useState } from "react";
import { useAppStore } from "../StoreContext";
import type { Lang } from "../../domain/labels";
import type { Area } from "../../domain/dataset/schema";
import { industryColour } from "../../domain/palette";
import { toggleDraftAssignment } from "../../state/draftStore";
import {
  areaMatches,
  areaName,
  ariaSort,
  columnCount,
  isAssigned,
  isChanged,
  nextSort,
  rowCount,
  type Matrix,
  type Sort,
  type Tr,
} from "./model";
import { AREA_FILTER_FROM, PAGE_SIZE, PageControls, usePage } from "./paging";

interface Props {
  matrix: Matrix;
  rows: Area[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  lang: Lang;
  tr: Tr;
  palette?: Readonly<Record<string, string>>;
}

/** The sort direction a heading shows (a glyph, hidden from screen readers: aria-sort says it). */
function arrow(direction: "ascending" | "descending" | undefined): string {
  return direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕";
}

/**
 * "Industry by area": one row per area, one column per industry of the tiers in use. Every
 * cell is a toggle for the planner's draft; headings sort; totals below and to the right.
 * A long matrix shows its first rows (of the whole sorted order) and grows a page at a time;
 * above it, a filter by the area's name in either language.
 */
export function OverlapMatrix({ matrix, rows, sort, onSort, lang, tr, palette }: Props) {
  const store = useAppStore();
  const [query, setQuery] = useState("");
  const filterable = matrix.areas.length > AREA_FILTER_FROM;
  const wanted = filterable ? query.trim() : "";
  const matching = useMemo(() => (wanted ? rows.filter((a) => areaMatches(a, wanted)) : rows), [rows, wanted]);
  const page = usePage(matching.length, PAGE_SIZE.rows, wanted);
  const body = useRef<HTMLTableSectionElement>(null);
  const areaSort = ariaSort(sort, "area");
  const countSort = ariaSort(sort, "count");
  const hasCitywide = matrix.industries.some((i) => matrix.citywide.has(i.id));
  return (
    <div className="overlap-matrix">
      {filterable ? (
        <div className="overlap-area-filter">
          <label>
            {tr("overlap:areaFilter")}{" "}
            <input type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          </label>{" "}
          <span role="status" className="muted">
            {wanted ? tr("overlap:areaFilterMatches", { count: matching.length, total: matrix.areas.length }) : ""}
          </span>
        </div>
      ) : null}
      <div className="overlap-scroll">
        <table className="overlap-table" aria-describedby="overlap-sort-hint">
          <caption>{tr("overlap:table")}</caption>
          <thead>
            <tr>
              <th scope="col" className="overlap-corner" aria-sort={areaSort}>
                <button type="button" className="overlap-sort" onClick={() => onSort(nextSort(sort, "area"))}>
                  {tr("overlap:area")} <span aria-hidden="true">{arrow(areaSort)}</span>
                </button>
              </th>
              {matrix.industries.map((industry) => {
                const direction = ariaSort(sort, industry.id);
                const citywide = matrix.citywide.has(industry.id);
                return (
                  <th key={industry.id} scope="col" className="overlap-industry" aria-sort={direction}>
                    <button
                      type="button"
                      className="overlap-sort vertical"
                      title={citywide ? `${industry.name[lang]} (${tr("overlap:citywide")})` : industry.name[lang]}
                      aria-describedby={citywide ? "overlap-citywide-note" : undefined}
                      onClick={() => onSort(nextSort(sort, "industry", industry.id))}
                    >
                      <span
                        className="overlap-swatch"
                        style={{ background: industryColour(industry.id, industry.tier, palette) }}
                        aria-hidden="true"
                      />
                      {industry.name[lang]}
                      {citywide ? <span aria-hidden="true">*</span> : null} <span aria-hidden="true">{arrow(direction)}</span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="overlap-total-head" aria-sort={countSort}>
                <button type="button" className="overlap-sort" onClick={() => onSort(nextSort(sort, "count"))}>
                  {tr("overlap:totalIndustries")} <span aria-hidden="true">{arrow(countSort)}</span>
                </button>
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {matching.slice(0, page.shown).map((area) => (
              <tr key={area.id} data-area={area.id}>
                <th scope="row" title={areaName(area, lang, true)}>
                  {areaName(area, lang)}
                </th>
                {matrix.industries.map((industry) => {
                  const on = isAssigned(matrix, industry.id, area.id);
                  const changed = isChanged(matrix, industry.id, area.id);
                  const colour = industryColour(industry.id, industry.tier, palette);
                  return (
                    <td key={industry.id} className={changed ? "changed" : undefined}>
                      <button
                        type="button"
                        className="overlap-cell"
                        aria-pressed={on}
                        aria-label={tr("overlap:cell", { industry: industry.name[lang], area: areaName(area, lang) })}
                        aria-describedby={changed ? "overlap-draft-cell" : undefined}
                        style={on ? { background: `color-mix(in srgb, ${colour} 55%, #fff)`, borderColor: colour } : undefined}
                        onClick={() => toggleDraftAssignment(store, industry.id, area.id)}
                      >
                        <span aria-hidden="true">{on ? "✓" : ""}</span>
                      </button>
                    </td>
                  );
                })}
                <td className="overlap-total">{rowCount(matrix, area.id)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{tr("overlap:totalRow")}</th>
              {matrix.industries.map((industry) => (
                <td key={industry.id} className="overlap-total">
                  {columnCount(matrix, industry.id)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {wanted && !matching.length ? <p className="overlap-note">{tr("overlap:areaFilterNone", { text: wanted })}</p> : null}
      <PageControls
        page={page}
        countKey="overlap:showingAreas"
        tr={tr}
        focusTarget={(n) => body.current?.rows[n]?.querySelector<HTMLElement>("button") ?? null}
      />
      <p id="overlap-sort-hint" className="overlap-hint">
        {tr("overlap:sortHint")} {tr("overlap:draftHint")}
      </p>
      {hasCitywide ? (
        <p id="overlap-citywide-note" className="overlap-note">
          {tr("overlap:citywideNote")}
        </p>
      ) : null}
      <span id="overlap-draft-cell" hidden>
        {tr("overlap:draftCell")}
      </span>
    </div>
  );
}
