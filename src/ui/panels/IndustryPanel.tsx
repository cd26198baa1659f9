import { usePalette } from "../usePalette";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "../StoreContext";
import { selectArea, selectIndustry } from "../../state/actions";
import { industryFacts } from "../../domain/areaFacts";
import { industryColour } from "../../domain/palette";
import type { Dataset } from "../../domain/dataset/schema";
import { Citation, PanelShell, SiteButtons, TextList } from "./panelParts";
import { PrintButton } from "./PrintButton";

/** An industry: what it covers, its tier, where the policy lays it out (or that it is citywide). */
export function IndustryPanel({ dataset, id }: { dataset: Dataset; id: string }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const palette = usePalette();
  const facts = industryFacts(dataset, id);
  if (!facts) return null;
  const { industry, tier, areas, citywide, sites } = facts;

  return (
    <PanelShell
      name={industry.name}
      lang={lang}
      kindLabel={tier ? tier.name[lang] : industry.tier}
      onClose={() => selectIndustry(store, null)}
      className="industry-panel"
    >
      <p className="small muted">
        <span className="swatch" style={{ background: industryColour(industry.id, industry.tier, palette) }} aria-hidden="true" />{" "}
        {t("panel:tier")}: {tier ? tier.name[lang] : industry.tier} · {t("panel:section", { section: industry.section })}
      </p>
      <div className="panel-actions">
        <PrintButton target={{ industry: id }} />
      </div>
      <p>{industry.description[lang]}</p>

      <h3>{t("panel:layout")}</h3>
      {citywide ? (
        <div className="panel-note citywide">
          <p>{t("panel:citywideLayout")}</p>
          {/* Each sentence naming the industry with its own section (二(二), and the preamble of 二). */}
          {[{ section: citywide.section, evidence: citywide.evidence }, ...(citywide.moreEvidence ?? [])].map(({ section, evidence }) => (
            <Citation key={`${section}|${evidence}`} evidence={evidence} section={section} />
          ))}
        </div>
      ) : (
        <>
          <ul className="panel-buttons">
            {areas.map(({ area }) => (
              <li key={area.id}>
                <button type="button" className="link-button" onClick={() => selectArea(store, area.id)}>
                  {area.name[lang]}
                </button>
              </li>
            ))}
          </ul>
          {[...new Map(areas.map(({ assignment }) => [assignment.evidence, assignment.section]))].map(([evidence, section]) => (
            <Citation key={evidence} evidence={evidence} section={section} />
          ))}
        </>
      )}

      {sites.length ? (
        <>
          <h3>{t("panel:industrySites")}</h3>
          <SiteButtons sites={sites} lang={lang} onSelect={(id) => selectArea(store, id)} />
          <p className="small muted">{t("panel:industrySitesNote")}</p>
        </>
      ) : null}

      <h3>{t("panel:subDirections")}</h3>
      <TextList items={industry.subDirections} lang={lang} />
      {industry.aims?.length ? (
        <>
          <h3>{t("panel:aims")}</h3>
          <TextList items={industry.aims} lang={lang} />
        </>
      ) : null}
      <details className="panel-section">
        <summary>{t("panel:products")}</summary>
        <TextList items={industry.products} lang={lang} />
      </details>
    </PanelShell>
  );
}
