import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "../StoreContext";
import { selectArea, selectIndustry } from "../../state/actions";
import { isWebUrl } from "../../domain/areaFacts";
import { designationOf, type Dataset, type Site } from "../../domain/dataset/schema";
import { Fact, PanelShell, statusKey } from "./panelParts";

const PRECISION_KEY = { exact: "panel:precisionExact", town: "panel:precisionTown", none: "panel:precisionNone" } as const;

/** A related site (or designated / candidate park): facts from its sources, not policy assignments. */
export function SitePanel({ dataset, site }: { dataset: Dataset; site: Site }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const area = site.area ? dataset.areas.find((a) => a.id === site.area) : undefined;
  const designation = designationOf(site);
  const industries = site.industries.map((id) => dataset.industries.find((i) => i.id === id)).filter((i) => i !== undefined);

  return (
    <PanelShell
      name={site.name}
      lang={lang}
      kindLabel={t(statusKey(site.status))}
      onClose={() => selectArea(store, null)}
      className="site-panel"
    >
      {site.status === "related-site" ? <p className="panel-note">{t("panel:relatedNote")}</p> : null}
      <dl className="facts">
        <Fact label={t("panel:siteIndustries")}>
          <span className="inline-buttons">
            {industries.map((i) => (
              <button key={i.id} type="button" className="link-button" onClick={() => selectIndustry(store, i.id)}>
                {i.name[lang]}
              </button>
            ))}
          </span>
        </Fact>
        <Fact label={t("panel:area")}>
          {area ? (
            <button type="button" className="link-button" onClick={() => selectArea(store, area.id)}>
              {area.name[lang]}
            </button>
          ) : (
            t("panel:areaUnknown")
          )}
        </Fact>
        <Fact label={t("panel:location")}>{site.location[lang]}</Fact>
        <Fact label={t("panel:precision")}>{t(PRECISION_KEY[site.position.precision])}</Fact>
        {site.size ? (
          <Fact label={t("panel:size")}>
            {site.size.value} {t(`panel:unit_${site.size.unit}`)}
            {site.size.note ? <span className="small block">{site.size.note[lang]}</span> : null}
          </Fact>
        ) : null}
        {site.date ? (
          <Fact label={t("panel:date")}>
            {site.date.value} · {site.date.event[lang]}
          </Fact>
        ) : null}
        {designation ? (
          <Fact label={t("panel:designationDate")}>
            {designation.date}
            {designation.source.docNumber ? <span className="small block">{designation.source.docNumber}</span> : null}
          </Fact>
        ) : null}
        {site.policySection ? <Fact label={t("panel:policySection")}>{site.policySection}</Fact> : null}
        <Fact label={t("panel:confidence")}>{t(`panel:confidence_${site.confidence}`)}</Fact>
      </dl>
      <h3>{t("panel:sources")}</h3>
      <ul className="panel-list sources">
        {site.sources.map((s, n) => (
          <li key={n}>
            {isWebUrl(s.url) ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              s.title
            )}
            {s.date ? <span className="muted small"> ({s.date})</span> : null}
            {s.docNumber ? <span className="muted small"> · {t("panel:docNumber", { docNumber: s.docNumber })}</span> : null}
            {s.verified === true ? null : <span className="muted small unverified"> · {t("panel:unverified")}</span>}
            {s.note ? <span className="muted small block">{s.note[lang]}</span> : null}
          </li>
        ))}
      </ul>
    </PanelShell>
  );
}
