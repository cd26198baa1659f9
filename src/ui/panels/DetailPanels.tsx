import { useCallback, useState } from "react";
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
import { LazyPart, lazyPart } from "../LazyPart";
import { PrintContext, type PrintTarget } from "./PrintButton";
import "./panels.css";

// The print view and its stylesheet load with the first open panel, not the first view.
const PrintProfile = lazyPart(() => import("../print/PrintProfile"));

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
  // The profile a Print button asked for while it stays open; else the open area's, else the industry's.
  const [chosen, setChosen] = useState<PrintTarget | null>(null);
  const [printAsked, setPrintAsked] = useState(0);
  const askPrint = useCallback((target: PrintTarget) => {
    setChosen(target);
    setPrintAsked((n) => n + 1);
  }, []);

  // The comparison sits on top while two or three areas are picked; whatever the reader
  // opens meanwhile still shows below it.
  const place = areaId ? findPlace(dataset, areaId) : null;
  const stillOpen = chosen && ("area" in chosen ? chosen.area === areaId : chosen.industry === industryId);
  const printed: PrintTarget | null = stillOpen
    ? chosen
    : place?.kind === "area"
      ? { area: place.area.id }
      : industryId && dataset.industries.some((i) => i.id === industryId)
        ? { industry: industryId }
        : null;
  return (
    <PrintContext.Provider value={askPrint}>
      <div className="detail-panels">
        {compare.length >= 2 ? <ComparePanel dataset={dataset} ids={compare} /> : null}
        {industryId ? <IndustryPanel key={`industry:${industryId}`} dataset={dataset} id={industryId} /> : null}
        {place?.kind === "area" ? <AreaPanel key={`area:${place.area.id}`} dataset={dataset} id={place.area.id} /> : null}
        {place?.kind === "site" ? <SitePanel key={`site:${place.site.id}`} dataset={dataset} site={place.site} /> : null}
        {printed ? (
          <LazyPart part={PrintProfile} props={{ dataset, target: printed, printAsked }} name="print" failed="printFailed" />
        ) : null}
      </div>
    </PrintContext.Provider>
  );
}
