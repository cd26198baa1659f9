import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import { industriesByArea } from "../domain/layout";
import type { Dataset } from "../domain/dataset/schema";
import { useMemo } from "react";

/** Names what the pointer is over (the same facts are in the lists, for keyboard users). */
export function HoverCard({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const hovered = useAppState((s) => s.hoveredPlace);
  const lang = useAppState((s) => s.view.lang);
  const byArea = useMemo(() => industriesByArea(dataset), [dataset]);
  if (!hovered) return null;
  const area = dataset.areas.find((a) => a.id === hovered);
  const site = area ? null : dataset.sites.find((s) => s.id === hovered);
  if (!area && !site) return null;
  const industries = area ? (byArea.get(area.id) ?? []) : site!.industries;
  const names = industries.map((id) => dataset.industries.find((i) => i.id === id)?.name[lang] ?? id);
  return (
    <div className="hover-card" data-testid="hover-card" aria-hidden="true">
      <strong>{(area ?? site)!.name[lang]}</strong>
      <span className="muted"> · {area ? t(area.kind) : t(site!.status === "related-site" ? "relatedSite" : site!.status)}</span>
      {area?.kind === "zone" ? <span className="muted"> · {t("schematicExtent")}</span> : null}
      <div>{names.length ? t("nameList", { names }) : t("noIndustry")}</div>
    </div>
  );
}
