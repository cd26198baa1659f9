import { usePalette } from "./usePalette";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { selectArea, hoverPlace } from "../state/actions";
import { matchingPlaces, placeRows, type PlaceRow } from "../domain/matchingPlaces";
import { industryColour } from "../domain/palette";
import type { Area, Dataset, Site } from "../domain/dataset/schema";

/** Rows rendered per list before "show more": a national set matches thousands of places. */
export const LIST_PAGE = 100;

/**
 * The map's content as accessible lists: every area (and site) the current filters let
 * through, reachable by keyboard and screen reader; choosing one selects it on the map.
 * Long lists come a page at a time, and the selected place is always among the rows.
 */
export function PlaceLists({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const view = useAppState((s) => s.view);
  const palette = usePalette();
  const lang = view.lang;
  const industryById = useMemo(() => new Map(dataset.industries.map((i) => [i.id, i])), [dataset]);
  const { areas, sites } = useMemo(
    () => matchingPlaces(dataset, { kinds: view.kinds, industries: view.industries, match: view.match }),
    [dataset, view.kinds, view.industries, view.match],
  );
  // The pages shown, per filter: a new filter starts again at one page.
  const filterKey = `${view.kinds.join()}|${view.industries.join()}|${view.match}`;
  const [pages, setPages] = useState({ key: filterKey, areas: 1, sites: 1 });
  const shownPages = pages.key === filterKey ? pages : { key: filterKey, areas: 1, sites: 1 };
  const more = (list: "areas" | "sites") => setPages({ ...shownPages, [list]: shownPages[list] + 1 });
  // Said by screen readers once the filters change (not on arrival: the lists speak for themselves).
  const [firstFilter] = useState(filterKey);
  const [filtered, setFiltered] = useState(false);
  if (!filtered && filterKey !== firstFilter) setFiltered(true);

  const rowsOf = (places: readonly (Area | Site)[], pageCount: number): PlaceRow[] => {
    const page = places.slice(0, pageCount * LIST_PAGE);
    const selected = view.area && !page.some((p) => p.id === view.area) ? places.find((p) => p.id === view.area) : undefined;
    return placeRows(dataset, selected ? [...page, selected] : page, view, lang);
  };

  const chips = (ids: string[]) => {
    if (!ids.length) return <span className="muted">{t("noIndustry")}</span>;
    return ids.map((id) => {
      const industry = industryById.get(id)!;
      return (
        <span key={id} className="chip">
          <span className="swatch" style={{ background: industryColour(id, industry.tier, palette) }} aria-hidden="true" />
          {industry.name[lang]}
        </span>
      );
    });
  };

  const item = (row: PlaceRow) => (
    <li key={row.id}>
      <button
        type="button"
        className="place"
        aria-current={view.area === row.id ? "true" : undefined}
        onClick={() => selectArea(store, view.area === row.id ? null : row.id)}
        onMouseEnter={() => hoverPlace(store, row.id)}
        onMouseLeave={() => hoverPlace(store, null)}
        onFocus={() => hoverPlace(store, row.id)}
        onBlur={() => hoverPlace(store, null)}
      >
        <span className="place-name">{row.name}</span>
        <span className="place-kind">{t(row.kind)}</span>
        <span className="chips">{chips(row.industries)}</span>
      </button>
    </li>
  );

  const moreButton = (list: "areas" | "sites", total: number) => {
    const shown = Math.min(total, shownPages[list] * LIST_PAGE);
    if (shown >= total) return null;
    return (
      <button type="button" className="more-places" data-list={list} onClick={() => more(list)}>
        {t("showMorePlaces", { more: Math.min(LIST_PAGE, total - shown), shown, total })}
      </button>
    );
  };

  return (
    <div className="place-lists">
      <p className="visually-hidden" role="status" aria-live="polite">
        {filtered
          ? t("matchSummary", { areas: t("areaCount", { count: areas.length }), sites: t("siteCount", { count: sites.length }) })
          : ""}
      </p>
      <h2 id="matching-areas-heading">{t("matchingAreas")}</h2>
      <ul className="places" aria-labelledby="matching-areas-heading" data-total={areas.length}>
        {rowsOf(areas, shownPages.areas).map(item)}
      </ul>
      {moreButton("areas", areas.length)}
      {sites.length ? (
        <>
          <h2 id="matching-sites-heading">{t("matchingSites")}</h2>
          <ul className="places" aria-labelledby="matching-sites-heading" data-total={sites.length}>
            {rowsOf(sites, shownPages.sites).map(item)}
          </ul>
          {moreButton("sites", sites.length)}
        </>
      ) : null}
    </div>
  );
}
