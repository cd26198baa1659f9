import { useDeferredValue, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
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
import { LazyPart, lazyPart, ReloadOffer } from "./LazyPart";
import { useAppTitle } from "./useAppTitle";
import { InterfaceLanguage } from "./InterfaceLanguage";
import type { AppStore } from "../state/store";
import { closeTopPanel } from "../state/actions";

// Panels are not part of the first view: their code loads when one is first opened, and
// a part that cannot load says so in its place (LazyPart) instead of blanking the page.
const DetailPanels = lazyPart(() => import("./panels/DetailPanels"));
const OverlapView = lazyPart(() => import("./overlap/OverlapView"));

// The areas picked for comparison are not in the URL: kept across an offered reload.
const COMPARE_KEY = "industry-map:reload-compare";
function keepCompare(store: AppStore): void {
  try {
    sessionStorage.setItem(COMPARE_KEY, JSON.stringify(store.getState().compare));
  } catch {
    /* storage unavailable (sandboxed iframe): the URL still carries the view */
  }
}
function restoreCompare(store: AppStore): void {
  let ids: unknown;
  try {
    ids = JSON.parse(sessionStorage.getItem(COMPARE_KEY) ?? "null");
    sessionStorage.removeItem(COMPARE_KEY);
  } catch {
    return;
  }
  const dataset = store.getState().dataset;
  if (!Array.isArray(ids) || !dataset) return;
  const known = new Set(dataset.areas.map((a) => a.id));
  const compare = ids.filter((id): id is string => typeof id === "string" && known.has(id)).slice(0, 3);
  if (compare.length) store.setState({ compare });
}

export function App() {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const embed = useAppState((s) => s.view.embed);
  const dataset = useAppState((s) => s.dataset);
  // What is drawn beside the map (legend, search, filters, lists, panels) follows the data a
  // step behind: React renders it as a transition, in slices of a few milliseconds between
  // the map's own tasks, instead of one long task the moment the data arrives (on a phone
  // that task was a quarter of a second). The header and the map take the data at once.
  const shown = useDeferredValue(dataset);
  // Without WebGL or without the map's code, the page works on without the map.
  const mapShown = useAppState((s) => s.webgl && !s.mapCodeFailed);
  const title = useAppTitle();
  const narrow = useMediaQuery("(max-width: 760px)");
  // Below 640 px the header's actions fold into a menu (CSS shows the button only there).
  const phone = useMediaQuery("(max-width: 639px)");
  const shortTitle = useAppTitle(true);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const headerTools = useRef<HTMLDivElement>(null);
  const panelOpen = useAppState((s) => Boolean(s.view.area || s.view.industry || s.compare.length > 1));
  const opened = useAppState((s) => `${s.view.area}|${s.view.industry}|${s.view.pane}`);
  const overlap = useAppState((s) => s.view.pane === "overlap");
  const sidePane = useRef<HTMLElement>(null);
  const [sheetExpanded, setSheetExpanded] = useState(false);
  useEffect(() => {
    sidePane.current?.scrollTo?.({ top: 0 });
  }, [opened]);

  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    if (dataset) restoreCompare(store);
  }, [dataset, store]);
  // Escape closes the panel on top, as its close button does; a dialog or the search box
  // that used the key first (and said so with preventDefault) keeps it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || document.querySelector("dialog[open]")) return;
      if (closeTopPanel(store)) e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store]);
  // The open header menu: Escape (before any panel) or a press outside it closes it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || document.querySelector("dialog[open]")) return;
      e.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    const onPress = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!headerTools.current?.contains(target) && !menuButton.current?.contains(target)) setMenuOpen(false);
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPress);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPress);
    };
  }, [menuOpen]);

  return (
    <div className={`app${embed ? " embed" : ""}${overlap ? " planner" : ""}`}>
      {embed ? null : (
        <header className="app-header">
          <div>
            <h1>{phone ? shortTitle : title}</h1>
            {/* Always there, so the header keeps its height when the data arrives (the map is framed by then). */}
            <p className="subtitle">
              {dataset
                ? t("appSubtitle", { title: dataset.meta.policy.title[lang], year: dataset.meta.policy.date.slice(0, 4) })
                : "\u00a0"}
            </p>
          </div>
          <button
            ref={menuButton}
            type="button"
            className="header-button header-menu-button"
            aria-expanded={menuOpen}
            aria-controls="header-tools"
            onClick={() => setMenuOpen((v) => !v)}
          >
            {t("menu")}
          </button>
          {/* Planner view and the language close the menu; Share keeps it, so focus can come back to its button. */}
          <div
            id="header-tools"
            ref={headerTools}
            className={`header-tools${menuOpen ? " open" : ""}`}
            onClick={(e) => {
              if ((e.target as Element).closest(".lang-switch, .header-button:not(.share-button)")) setMenuOpen(false);
            }}
          >
            {shown ? <PlannerButton /> : null}
            {shown ? <ShareButton dataset={shown} /> : null}
            <LanguageSwitch />
          </div>
        </header>
      )}
      <Notices />
      <ReloadOffer beforeReload={() => keepCompare(store)} />
      <InterfaceLanguage />
      <main className="app-main">
        {/* Embedded, the host page frames the map: its title stays for screen readers only. */}
        {embed ? <h1 className="visually-hidden">{title}</h1> : null}
        <section className="map-pane">
          {mapShown ? <MapHost /> : null}
          {shown ? (
            <>
              <div className="map-overlay top-left">
                <Legend dataset={shown} compact={narrow || embed} />
              </div>
              {mapShown ? <MapTools /> : null}
              <HoverCard dataset={shown} />
              <CitywideNotice dataset={shown} />
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
          {shown && overlap ? (
            <LazyPart
              part={OverlapView}
              props={{ dataset: shown }}
              name="planner"
              failed="plannerFailed"
              fallback={<p className="muted">{t("loading")}</p>}
            />
          ) : null}
          {shown && !overlap ? (
            <div className="side-top">
              <Search dataset={shown} />
              <ResetButton />
            </div>
          ) : null}
          {shown && !overlap && panelOpen ? (
            <LazyPart
              part={DetailPanels}
              props={{ dataset: shown }}
              name="panels"
              failed="panelsFailed"
              fallback={<p className="muted">{t("loading")}</p>}
            />
          ) : null}
          {/* Folded while a panel is open, so what was opened is what the reader sees first. */}
          {shown && !overlap ? <FilterPanel dataset={shown} open={!narrow && !embed && !panelOpen} /> : null}
          {shown && !overlap ? <PlaceLists dataset={shown} /> : null}
          {/* On phones and when embedded the footer folds into the side pane. */}
          {shown && (narrow || embed) ? <Provenance dataset={shown} /> : null}
        </aside>
      </main>
      {shown && !embed ? (
        <footer className="app-footer">
          <Provenance dataset={shown} />
        </footer>
      ) : null}
    </div>
  );
}
