import { usePalette } from "./usePalette";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { selectArea, hoverArea } from "../state/actions";
import { industriesByArea, industriesInTiers, passesIndustryFilter } from "../domain/layout";
import { industryColour } from "../domain/palette";
import type { Dataset } from "../domain/dataset/schema";
import type { Lang } from "../domain/labels";

/**
 * The map's content as accessible lists: every area (and site) the current filters let
 * through, reachable by keyboard and screen reader; choosing one selects it on the map.
 */
export function PlaceLists({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const view = useAppState((s) => s.view);
  const palette = usePalette();
  const lang = view.lang;
  const byArea = useMemo(() => industriesByArea(dataset), [dataset]);
  const shown = useMemo(() => industriesInTiers(dataset, view.tiers), [dataset, view.tiers]);
  const industryById = useMemo(() => new Map(dataset.industries.map((i) => [i.id, i])), [dataset]);

  const areas = dataset.areas.filter(
    (a) => view.kinds.includes(a.kind) && passesIndustryFilter(byArea.get(a.id) ?? [], view.industries, view.match),
  );
  const sites = view.kinds.includes("site")
    ? dataset.sites.filter((s) => passesIndustryFilter(s.industries, view.industries, view.match))
    : [];

  const chips = (ids: string[]) => {
    const visible = ids.filter((id) => shown.has(id));
    if (!visible.length) return <span className="muted">{t("noIndustry")}</span>;
    return visible.map((id) => {
      const industry = industryById.get(id)!;
      return (
        <span key={id} className="chip">
          <span className="swatch" style={{ background: industryColour(id, industry.tier, palette) }} aria-hidden="true" />
          {industry.name[lang]}
        </span>
      );
    });
  };

  const item = (id: string, name: string, kindLabel: string, industries: string[]) => (
    <li key={id}>
      <button
        type="button"
        className="place"
        aria-current={view.area === id ? "true" : undefined}
        onClick={() => selectArea(store, view.area === id ? null : id)}
        onMouseEnter={() => hoverArea(store, id)}
        onMouseLeave={() => hoverArea(store, null)}
        onFocus={() => hoverArea(store, id)}
        onBlur={() => hoverArea(store, null)}
      >
        <span className="place-name">{name}</span>
        <span className="place-kind">{kindLabel}</span>
        <span className="chips">{chips(industries)}</span>
      </button>
    </li>
  );

  return (
    <div className="place-lists">
      <h2 id="matching-areas-heading">{t("matchingAreas")}</h2>
      <ul className="places" aria-labelledby="matching-areas-heading">
        {areas.map((a) => item(a.id, areaName(dataset, a.id, lang), t(a.kind), byArea.get(a.id) ?? []))}
      </ul>
      {sites.length ? (
        <>
          <h2 id="matching-sites-heading">{t("matchingSites")}</h2>
          <ul className="places" aria-labelledby="matching-sites-heading">
            {sites.map((s) => item(s.id, s.name[lang], t(s.status === "related-site" ? "relatedSite" : s.status), s.industries))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function areaName(dataset: Dataset, id: string, lang: Lang): string {
  return dataset.areas.find((a) => a.id === id)?.name[lang] ?? id;
}
