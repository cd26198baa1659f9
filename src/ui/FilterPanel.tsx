import { usePalette } from "./usePalette";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { setKinds, setMatch, setTiers, toggleIndustry } from "../state/actions";
import { areasByIndustry } from "../domain/layout";
import { industryColour } from "../domain/palette";
import { PLACE_KINDS, TIERS, type Dataset, type PlaceKind, type Tier } from "../domain/dataset/schema";
import { MATCHES, toggled } from "../domain/view/viewFields";

/**
 * The sector-layout filters: industries by tier (checkboxes named exactly by the
 * industry; counts go in the description), any/all matching, tiers and kinds of place.
 */
export function FilterPanel({ dataset, open }: { dataset: Dataset; open: boolean }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const view = useAppState((s) => s.view);
  const palette = usePalette();
  const where = useMemo(() => areasByIndustry(dataset), [dataset]);
  const lang = view.lang;
  const active = view.industries.length + (view.match !== "any" ? 1 : 0) + (3 - view.tiers.length) + (3 - view.kinds.length);

  return (
    <details className="filters" open={open}>
      <summary>
        {t("filters")}
        {active ? <span className="badge">{active}</span> : null}
      </summary>
      {dataset.tiers
        .filter((tier) => view.tiers.includes(tier.id))
        .map((tier) => (
          <fieldset key={tier.id} className="filter-group">
            <legend>{tier.name[lang]}</legend>
            {dataset.industries
              .filter((i) => i.tier === tier.id)
              .map((industry) => {
                const count = where.get(industry.id)?.length ?? 0;
                const descId = `filter-desc-${industry.id}`;
                return (
                  // The count sits outside the label: the checkbox's name is exactly the industry's.
                  <div key={industry.id} className="filter-option">
                    <input
                      id={`filter-${industry.id}`}
                      type="checkbox"
                      checked={view.industries.includes(industry.id)}
                      onChange={() => toggleIndustry(store, industry.id)}
                      aria-describedby={descId}
                    />
                    <span
                      className="swatch"
                      style={{ background: industryColour(industry.id, industry.tier, palette) }}
                      aria-hidden="true"
                    />
                    <label htmlFor={`filter-${industry.id}`} className="filter-name">
                      {industry.name[lang]}
                    </label>
                    <span id={descId} className="filter-count">
                      {count ? t("areaCount", { count }) : t("citywide")}
                    </span>
                  </div>
                );
              })}
          </fieldset>
        ))}
      <fieldset className="filter-group inline">
        <legend>{t("matchLabel")}</legend>
        {MATCHES.map((m) => (
          <label key={m}>
            <input type="radio" name="match" value={m} checked={view.match === m} onChange={() => setMatch(store, m)} />
            {t(m === "any" ? "matchAny" : "matchAll")}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-group inline">
        <legend>{t("tiersLabel")}</legend>
        {TIERS.map((tier: Tier) => (
          <label key={tier}>
            <input type="checkbox" checked={view.tiers.includes(tier)} onChange={() => setTiers(store, toggled(view.tiers, tier, TIERS))} />
            {dataset.tiers.find((x) => x.id === tier)?.name[lang] ?? tier}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-group inline">
        <legend>{t("kindsLabel")}</legend>
        {PLACE_KINDS.map((kind: PlaceKind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={view.kinds.includes(kind)}
              onChange={() => setKinds(store, toggled(view.kinds, kind, PLACE_KINDS))}
            />
            {t(kind)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
