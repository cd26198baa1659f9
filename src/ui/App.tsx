import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "./StoreContext";
import { LanguageSwitch } from "./LanguageSwitch";
import { StatusPanel } from "./StatusPanel";
import { Notices } from "./Notices";
import { PlaceLists } from "./PlaceLists";
import { MapHost } from "./MapHost";
import { Provenance } from "./Footer";
import { Legend } from "./Legend";
import { MapNotice, MapTools } from "./MapChrome";
import { useMediaQuery } from "./useMediaQuery";
import { HoverCard } from "./HoverCard";
import { ShareButton } from "./share/ShareButton";
import { FilterPanel } from "./FilterPanel";
import { CitywideNotice } from "./CitywideNotice";
import { Search } from "./Search";
import { ResetButton } from "./ResetButton";
import { PlannerButton } from "./PlannerButton";

// Panels are not part of the first view: their code loads when one is first opened.
const DetailPanels = lazy(() => import("./panels/DetailPanels"));
const OverlapView = lazy(() => import("./overlap/OverlapView"));
import { useAppTitle } from "./useAppTitle";

export function App() {
  const { t, i18n } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const embed = useAppState((s) => s.view.embed);
  const dataset = useAppState((s) => s.dataset);
  // Without WebGL or without the map's code, the page works on without the map.
  const mapShown = useAppState((s) => s.webgl && !s.mapCodeFailed);
  const title = useAppTitle();
  const narrow = useMediaQuery("(max-width: 760px)");
  const panelOpen = useAppState((s) => Boolean(s.view.area || s.view.industry || s.compare.length > 1));
  const opened = useAppState((s) => `${s.view.area}|${s.view.industry}|${s.view.pane}`);
  const overlap = useAppState((s) => s.view.pane === "overlap");
  const sidePane = useRef<HTMLElement>(null);
  const [sheetExpanded, setSheetExpanded] = useState(false);
  useEffect(() => {
    sidePane.current?.scrollTo?.({ top: 0 });
  }, [opened]);

  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang, i18n]);
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className={`app${embed ? " embed" : ""}${overlap ? " planner" : ""}`}>
      {embed ? null : (
        <header className="app-header">
          <div>
            <h1>{title}</h1>
            {/* Always there, so the header keeps its height when the data arrives (the map is framed by then). */}
            <p className="subtitle">
              {dataset ? t("appSubtitle", { title: dataset.meta.policy.title[lang], year: dataset.meta.policy.date.slice(0, 4) }) : "\u00a0"}
            </p>
          </div>
          <div className="header-tools">
            {dataset ? <PlannerButton /> : null}
            {dataset ? <ShareButton dataset={dataset} /> : null}
            <LanguageSwitch />
          </div>
        </header>
      )}
      <Notices />
      <main className="app-main">
        <section className="map-pane">
          {mapShown ? <MapHost /> : null}
          {dataset ? (
            <>
              <div className="map-overlay top-left">
                <Legend dataset={dataset} compact={narrow || embed} />
              </div>
              {mapShown ? <MapTools /> : null}
              <HoverCard dataset={dataset} />
              <CitywideNotice dataset={dataset} />
              <MapNotice />
            </>
          ) : null}
          <StatusPanel />
        </section>
        <aside className={`side-pane${sheetExpanded ? " expanded" : ""}`} ref={sidePane}>
          {/* Phones only (CSS): the bottom sheet's handle. */}
          <button type="button" className="sheet-handle" aria-expanded={sheetExpanded} onClick={() => setSheetExpanded((v) => !v)}>
            {t(sheetExpanded ? "sheetCollapse" : "sheetExpand")}
          </button>
          {embed ? <LanguageSwitch /> : null}
          {dataset && overlap ? (
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <OverlapView dataset={dataset} />
            </Suspense>
          ) : null}
          {dataset && !overlap ? (
            <div className="side-top">
              <Search dataset={dataset} />
              <ResetButton />
            </div>
          ) : null}
          {dataset && !overlap && panelOpen ? (
            <Suspense fallback={<p className="muted">{t("loading")}</p>}>
              <DetailPanels dataset={dataset} />
            </Suspense>
          ) : null}
          {/* Folded while a panel is open, so what was opened is what the reader sees first. */}
          {dataset && !overlap ? <FilterPanel dataset={dataset} open={!narrow && !embed && !panelOpen} /> : null}
          {dataset && !overlap ? <PlaceLists dataset={dataset} /> : null}
          {/* On phones and when embedded the footer folds into the side pane. */}
          {dataset && (narrow || embed) ? <Provenance dataset={dataset} /> : null}
        </aside>
      </main>
      {dataset && !embed ? (
        <footer className="app-footer">
          <Provenance dataset={dataset} />
        </footer>
      ) : null}
    </div>
  );
}
