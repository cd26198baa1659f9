import { useEffect, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { IndustryMap } from "../../map/IndustryMap";
import type { MapProps } from "../../map/MapBinding";
import { boundsCentre } from "../../domain/fromDataset";
import { defaultView } from "../../domain/view/viewState";
import type { WorkbenchState } from "../../state/workbench";
import { useWorkbenchStore } from "./WorkbenchContext";

// The workbench's map host: besides MapHost the only importer of src/map (ESLint). It shows
// the draft's dataset (the last one without errors) through the same IndustryMap, and reports
// a click on a place so the page can open its record. Its code is loaded on first render.
type MapModules = [typeof import("../../map/IndustryMap"), typeof import("../../map/MapBinding")];

function propsOf(s: WorkbenchState): MapProps {
  const view = defaultView(s.lang);
  const area = s.selected && s.shown?.areas.some((a) => a.id === s.selected!.key) ? s.selected.key : null;
  return {
    dataset: s.shown,
    context: null,
    lang: s.lang,
    view: { industries: view.industries, match: view.match, area, tiers: view.tiers, kinds: view.kinds },
    camera: null,
    hovered: null,
    paletteOverrides: s.config.palette,
    highlight: null,
    basemap: "none",
    tiandituKey: undefined,
    attribution: "",
  };
}

export interface WorkbenchMapHostProps {
  /** A click on an area or site of the map (null: on nothing). The page opens its record. */
  onPlace: (id: string | null) => void;
}

export function WorkbenchMapHost({ onPlace }: WorkbenchMapHostProps) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const container = useRef<HTMLDivElement>(null);
  const onPlaceRef = useRef(onPlace);
  const tRef = useRef(t);
  useEffect(() => {
    onPlaceRef.current = onPlace;
    tRef.current = t;
  }, [onPlace, t]);

  useLayoutEffect(() => {
    let disposed = false;
    let created: IndustryMap | null = null;
    let unfollow = () => {};
    void Promise.all([import("../../map/IndustryMap"), import("../../map/MapBinding")]).then(([{ createIndustryMap }, { bindMap }]: MapModules) => {
      if (disposed || !container.current) return;
      const shown = store.getState().shown;
      created = createIndustryMap({
        container: container.current,
        onSelect: (id) => onPlaceRef.current(id),
        onHover: () => {},
        onCamera: () => {},
        center: shown ? boundsCentre(shown.meta.bounds) : undefined,
      });
      if (!created) return;
      const map = created;
      const unbind = bindMap(map, { get: () => propsOf(store.getState()), subscribe: (fn) => store.subscribe(fn) });
      // The site form's position: a marker to drag, and map clicks place it (src/map/PositionEditor.ts).
      const followMarker = () => {
        const marker = store.getState().marker;
        if (!marker) return map.stopEditingPosition();
        void map
          .editPosition((position) => store.setState({ marker: { position, by: "map" } }), tRef.current("workbenchSite:positionMarker"))
          .then((editor) => store.getState().marker && editor.show(store.getState().marker!.position));
      };
      followMarker();
      const unmark = store.subscribe((s, prev) => s.marker !== prev.marker && followMarker());
      unfollow = () => {
        unbind();
        unmark();
      };
    });
    return () => {
      disposed = true;
      unfollow();
      created?.destroy();
    };
  }, [store]);

  return <div ref={container} className="map workbench-map" role="region" aria-label={t("workbench:map")} data-testid="workbench-map" />;
}
