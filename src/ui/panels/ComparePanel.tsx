import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "../StoreContext";
import { clearCompare, selectArea, toggleCompare } from "../../state/actions";
import { areaFacts, type AreaFacts } from "../../domain/areaFacts";
import type { Dataset } from "../../domain/dataset/schema";
import { landAreaShort } from "./panelParts";

/** Two or three areas side by side: one column per area. */
export function ComparePanel({ dataset, ids }: { dataset: Dataset; ids: readonly string[] }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const columns = ids.map((id) => areaFacts(dataset, id)).filter((f): f is AreaFacts => f !== null);
  const anyApprox = columns.some((c) => c.area.landArea.approximate);

  const row = (label: string, cell: (f: AreaFacts) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      {columns.map((f) => (
        <td key={f.area.id}>{cell(f)}</td>
      ))}
    </tr>
  );
  const list = (items: string[]) =>
    items.length ? (
      <ul className="cell-list">
        {items.map((x, n) => (
          <li key={n}>{x}</li>
        ))}
      </ul>
    ) : (
      t("panel:none")
    );

  return (
    <section role="region" aria-label={t("panel:compareTitle")} className="detail-panel compare-panel">
      <header className="panel-head">
        <h2>{t("panel:compareTitle")}</h2>
        <button type="button" className="panel-toggle" onClick={() => clearCompare(store)}>
          {t("panel:compareClear")}
        </button>
      </header>
      <div className="table-scroll">
        <table className="compare-table">
          <caption className="visually-hidden">{t("panel:compareTitle")}</caption>
          <thead>
            <tr>
              <td />
              {columns.map(({ area }) => (
                <th key={area.id} scope="col">
                  <button type="button" className="link-button" onClick={() => selectArea(store, area.id)}>
                    {area.name[lang]}
                  </button>
                  <button
                    type="button"
                    className="remove-button"
                    aria-label={t("panel:compareRemove", { name: area.name[lang] })}
                    title={t("panel:compareRemove", { name: area.name[lang] })}
                    onClick={() => toggleCompare(store, area.id)}
                  >
                    ×
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row(t("panel:kind"), (f) => t(f.area.kind))}
            {row(t("panel:landArea"), (f) => landAreaShort(f.area))}
            {row(t("panel:compareIndustries"), (f) => list(f.assignments.map((a) => a.industry.name[lang])))}
            {row(t("panel:compareIndustryCount"), (f) => String(f.assignments.length))}
            {row(t("panel:compareSites"), (f) => list(f.sites.map((s) => s.name[lang])))}
            {row(t("panel:compareProgrammes"), (f) => String(f.programmes.length))}
          </tbody>
        </table>
      </div>
      {anyApprox ? <p className="small muted">{t("panel:compareApprox")}</p> : null}
    </section>
  );
}
