import { useEffect, useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { IndustryMap } from "../../map/IndustryMap";
import type { OutlineDrawController } from "../../map/OutlineDrawController";
import type { MapProps } from "../../map/MapBinding";
import { boundsCentre } from "../../domain/fromDataset";
import { defaultView } from "../../domain/view/viewState";
import type { WorkbenchState, WorkbenchStore } from "../../state/workbench";
import { useWorkbenchStore } from "./WorkbenchContext";
import { drawn, type OutlineDrawing } from "../../state/outlineDrawing";

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
    highlightAreas: [],
    basemap: "none",
    tiandituKey: undefined,
    attribution: "",
  };
}

/**
 * While the store says an outline is being drawn, the map's drawing tool runs (created at the
 * first drawing, so terra-draw loads only then) and what it draws goes back to the store.
 * Returns the unsubscribe.
 */
function followDrawing(map: IndustryMap, store: WorkbenchStore): () => void {
  let tool: Promise<OutlineDrawController> | null = null;
  let started: OutlineDrawing | null = null;
  const apply = () => {
    const drawing = store.getState().drawing;
    // A new drawing (or a new outline to modify) restarts the tool; the outlines it reports do not.
    if (drawing ? started !== null && started.initial === drawing.initial : started === null) return;
    started = drawing;
    tool ??= map.outlineDrawing((outline) => drawn(store, outline));
    void tool.then((t) => {
      // The store may have moved on while the tool loaded: follow where it is now.
      if (started !== drawing) return;
      if (drawing) t.start(drawing.initial);
      else t.stop();
    });
  };
  apply();
  const unsubscribe = store.subscribe(apply);
  return () => {
    unsubscribe();
    void tool?.then((t) => t.stop());
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
    void Promise.all([import("../../map/IndustryMap"), import("../../map/MapBinding")]).then(
      ([{ createIndustryMap }, { bindMap }]: MapModules) => {
        if (disposed || !container.current) return;
        const shown = store.getState().shown;
        created = createIndustryMap({
          container: container.current,
          // While an outline is drawn, a click on the map is a vertex, not a choice of record.
          onSelect: (id) => store.getState().drawing === null && onPlaceRef.current(id),
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
        const unfollowDrawing = followDrawing(map, store);
        unfollow = () => {
          unbind();
          unmark();
          unfollowDrawing();
        };
      },
    );
    return () => {
      disposed = true;
      unfollow();
      created?.destroy();
    };
  }, [store]);

  return <div ref={container} className="map workbench-map" role="region" aria-label={t("workbench:map")} data-testid="workbench-map" />;
}
