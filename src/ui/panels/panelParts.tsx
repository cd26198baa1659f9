import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Area, Bilingual, Site } from "../../domain/dataset/schema";
import type { Lang } from "../../domain/labels";

/** A quotation from the policy, announced as evidence to screen readers. */
export function Evidence({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <p className="evidence">
      <span className="visually-hidden">{t("panel:evidence")}: </span>
      {text}
    </p>
  );
}

/** A quotation with its section below it. */
export function Citation({ evidence, section }: { evidence: string; section: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Evidence text={evidence} />
      <p className="small muted">{t("panel:section", { section })}</p>
    </div>
  );
}

/** One open detail panel: a region named exactly by the place's or industry's name. */
export function PanelShell(props: {
  name: Bilingual;
  lang: Lang;
  kindLabel: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { name, lang } = props;
  const other: Lang = lang === "zh" ? "en" : "zh";
  return (
    <section role="region" aria-label={name[lang]} className={`detail-panel ${props.className ?? ""}`}>
      <header className="panel-head">
        <div>
          <p className="panel-kind">{props.kindLabel}</p>
          <h2>{name[lang]}</h2>
          {name[other] !== name[lang] ? (
            <p className="panel-alt-name" lang={other === "zh" ? "zh-CN" : "en"}>
              {name[other]}
            </p>
          ) : null}
        </div>
        <button type="button" className="panel-close" aria-label={t("panel:close")} title={t("panel:close")} onClick={props.onClose}>
          ×
        </button>
      </header>
      {props.children}
    </section>
  );
}

/** A label/value row of a fact list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A bilingual list (sub-directions, products, measures) as plain list items. */
export function TextList({ items, lang }: { items: readonly Bilingual[]; lang: Lang }) {
  return (
    <ul className="panel-list">
      {items.map((item, n) => (
        <li key={n}>{item[lang]}</li>
      ))}
    </ul>
  );
}

/** A land area as the data publishes it: exact for counties, "about" (with its range) for zones. */
export function landAreaText(area: Area, t: TFunction): string {
  const { km2, range, approximate } = area.landArea;
  const main = approximate ? t("panel:km2Approx", { value: km2 }) : t("panel:km2", { value: km2 });
  return range ? `${main} (${t("panel:range", { min: range[0], max: range[1] })})` : main;
}

/** The short form for tables: "≈126" for approximate figures. */
export function landAreaShort(area: Area): string {
  return `${area.landArea.approximate ? "≈" : ""}${area.landArea.km2} km²`;
}

export function statusKey(status: "designated" | "candidate" | "related-site") {
  return status === "designated" ? "panel:statusDesignated" : status === "candidate" ? "panel:statusCandidate" : "panel:statusRelated";
}

/** Sites as buttons that select them (area and industry panels list the same way). */
export function SiteButtons({ sites, lang, onSelect }: { sites: readonly Site[]; lang: Lang; onSelect: (id: string) => void }) {
  return (
    <ul className="panel-buttons">
      {sites.map((s) => (
        <li key={s.id}>
          <button type="button" className="link-button" onClick={() => onSelect(s.id)}>
            {s.name[lang]}
          </button>
        </li>
      ))}
    </ul>
  );
}
