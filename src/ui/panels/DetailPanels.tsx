import { useAppState } from "../StoreContext";
import { findPlace } from "../../domain/areaFacts";
import type { Dataset } from "../../domain/dataset/schema";
import { AreaPanel } from "./AreaPanel";
import { SitePanel } from "./SitePanel";
import { IndustryPanel } from "./IndustryPanel";
import { ComparePanel } from "./ComparePanel";
import { useTranslation } from "react-i18next";
import { addMessages } from "../../i18n/i18n";
import * as messages from "../../i18n/panelMessages";
import "./panels.css";

/**
 * The side pane's detail panels (lazy-loaded): the comparison when two or three areas are
 * picked, then the open industry and the selected area or site.
 */
export default function DetailPanels({ dataset }: { dataset: Dataset }) {
  // The panels' strings travel with their code, not the first view's; added before any panel renders.
  addMessages(useTranslation().i18n, messages);
  const areaId = useAppState((s) => s.view.area);
  const industryId = useAppState((s) => s.view.industry);
  const compare = useAppState((s) => s.compare);

  // The comparison sits on top while two or three areas are picked; whatever the reader
  // opens meanwhile still shows below it.
  const place = areaId ? findPlace(dataset, areaId) : null;
  return (
    <div className="detail-panels">
      {compare.length >= 2 ? <ComparePanel dataset={dataset} ids={compare} /> : null}
      {industryId ? <IndustryPanel key={`industry:${industryId}`} dataset={dataset} id={industryId} /> : null}
      {place?.kind === "area" ? <AreaPanel key={`area:${place.area.id}`} dataset={dataset} id={place.area.id} /> : null}
      {place?.kind === "site" ? <SitePanel key={`site:${place.site.id}`} dataset={dataset} site={place.site} /> : null}
    </div>
  );
}
