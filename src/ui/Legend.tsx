import { usePalette } from "./usePalette";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { toggleIndustry } from "../state/actions";
import { areasByIndustry } from "../domain/layout";
import { industryColour, NEUTRAL_FILL } from "../domain/palette";
import type { Dataset, Tier } from "../domain/dataset/schema";

/** The map's symbols in the legend: CSS class of the sample, message key of its meaning. */
const SYMBOL_MARKS = [
  ["zone-mark", "legendZone"],
  ["seat-mark", "legendSeat"],
  ["site-mark related", "relatedSite"],
  ["site-mark designated", "designated"],
  ["site-mark town", "legendTown"],
] as const;

/**
 * Explains every mark on the map. Industry entries are toggle buttons for the same
 * industry filter as the filter panel's checkboxes (aria-pressed), not a second filter.
 */
export function Legend({ dataset, compact }: { dataset: Dataset; compact: boolean }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const selected = useAppState((s) => s.view.industries);
  const tiers = useAppState((s) => s.view.tiers);
  const palette = usePalette();
  const where = useMemo(() => areasByIndustry(dataset), [dataset]);
  const [a, b] = dataset.industries.filter((i) => i.tier === "key").map((i) => industryColour(i.id, i.tier, palette));

  const entries = (tier: Tier) =>
    dataset.industries
      .filter((i) => i.tier === tier)
      .map((industry) => {
        const count = where.get(industry.id)?.length ?? 0;
        const descId = `legend-desc-${industry.id}`;
        return (
          <li key={industry.id}>
            <button
              type="button"
              className="legend-entry"
              aria-pressed={selected.includes(industry.id)}
              aria-describedby={descId}
              data-industry={industry.id}
              onClick={() => toggleIndustry(store, industry.id)}
            >
              <span className="swatch" style={{ background: industryColour(industry.id, industry.tier, palette) }} aria-hidden="true" />
              <span className="legend-name">{industry.name[lang]}</span>
            </button>
            <span id={descId} className="legend-count">
              {count ? t("areaCount", { count }) : t("citywide")}
            </span>
          </li>
        );
      });

  return (
    <details className="legend" open={!compact}>
      {/* The legend's heading, so its tiers' h3 sit under an h2 (HTML allows a heading in a summary). */}
      <summary>
        <h2 className="legend-title">{t("legend")}</h2>
      </summary>
      {dataset.tiers
        .filter((tier) => tiers.includes(tier.id))
        .map((tier) =>
          tier.id === "key" ? (
            <section key={tier.id} aria-label={tier.name[lang]}>
              <h3>{tier.name[lang]}</h3>
              <ul>{entries(tier.id)}</ul>
            </section>
          ) : (
            // Citywide tiers are never drawn on an area: folded away until asked for.
            <details
              key={tier.id}
              className="legend-tier"
              open={selected.some((id) => dataset.industries.find((i) => i.id === id)?.tier === tier.id)}
            >
              <summary>
                {tier.name[lang]} <span className="legend-note">· {t("citywideNote")}</span>
              </summary>
              <ul>{entries(tier.id)}</ul>
            </details>
          ),
        )}
      <section aria-label={t("legendMarks")}>
        <h3>{t("legendMarks")}</h3>
        <ul className="legend-marks">
          <li>
            <span
              className="mark stripes"
              style={{ backgroundImage: `repeating-linear-gradient(135deg, ${a} 0 4px, ${b} 4px 8px)` }}
              aria-hidden="true"
            />
            {t("legendStripes")}
          </li>
          <li>
            <span className="mark" style={{ background: NEUTRAL_FILL }} aria-hidden="true" />
            {t("noIndustry")}
          </li>
          {SYMBOL_MARKS.map(([className, key]) => (
            <li key={key}>
              <span className={`mark ${className}`} aria-hidden="true" />
              {t(key)}
            </li>
          ))}
        </ul>
      </section>
    </details>
  );
}
