import { useEffect, useMemo, useState } from "react";
import type { Dataset } from "../../domain/dataset/schema";
import { publishedAsTiles } from "../../domain/dataset/tileThreshold";
import type { CrsId } from "../../domain/workbench/coordinates";
import { messageText } from "../../domain/workbench/messageText";
import type { WorkbenchMessage } from "../../domain/workbench/messages";
import { outlineChangeProblems, outlineToWgs84, polygonOf, replacedFeature, type OutlineGeometry } from "../../domain/workbench/outline";
import { editRecord, recordOf } from "../../state/workbench";
import { startDrawing, stopDrawing } from "../../state/outlineDrawing";
import { useWorkbench, useWorkbenchStore } from "./WorkbenchContext";
import { CrsChoice, DialogFrame, useDialogT } from "./dialogParts";
import { ZoneFigures } from "./ZoneFigures";

// 导入边界 / Import outline: a zone's schematic extent or a county's boundary replaced by an
// outline read from a GeoJSON, KML or zipped-shapefile file (the readers that need a library
// load with the first file) in the coordinate system chosen, or drawn and modified on the
// map. It goes into the draft only with the polygon rules met, inside the dataset's bounds,
// its approximate flag chosen and its provenance (source, date, licence) given; meanwhile the
// zones' areas and containment are shown as they are and as they would be.

type Source = { kind: "file"; name: string; raw: OutlineGeometry } | { kind: "drawn" };

/** The geometry file that holds (or would hold) an area's outline, by the kind meta.json gives each file. */
function geometryFile(meta: Dataset["meta"], kind: string): string | undefined {
  return meta.geometry.find((g) => g.kind === kind)?.file;
}

export function OutlineImportDialog({ onClose }: { onClose: () => void }) {
  const { t, translate, lang } = useDialogT();
  const store = useWorkbenchStore();
  const dataset = useWorkbench((s) => s.check?.dataset ?? s.shown);
  const drawing = useWorkbench((s) => s.drawing);
  const areas = useMemo(
    () => (dataset ? [...dataset.areas].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "zone" ? -1 : 1)) : []),
    [dataset],
  );
  const [area, setArea] = useState(() => areas[0]?.id ?? "");
  const [source, setSource] = useState<Source | null>(null);
  const [crs, setCrs] = useState<CrsId>("WGS84");
  const [approximate, setApproximate] = useState<boolean | undefined>(undefined);
  const [provenance, setProvenance] = useState({ source: "", date: "", licence: "", url: "" });
  const [status, setStatus] = useState<string | null>(null);
  const [readProblem, setReadProblem] = useState<WorkbenchMessage | null>(null);

  // A dataset published as tiles shows a new outline only once the tiles are cut again.
  const tiled = useMemo(() => (dataset ? publishedAsTiles(dataset) : false), [dataset]);

  // Leaving the dialog ends a drawing.
  useEffect(() => () => stopDrawing(store), [store]);

  const current = dataset?.geometry.features.find((f) => f.properties.id === area);
  const chooseArea = (id: string) => {
    setArea(id);
    stopDrawing(store);
    setSource(null);
    const feature = dataset?.geometry.features.find((f) => f.properties.id === id);
    // An outline replaced in this draft before: its flag and provenance, to complete or keep.
    const p = feature?.properties.provenance;
    setApproximate(p ? feature?.properties.approximate : undefined);
    setProvenance({ source: p?.source ?? "", date: p?.date ?? "", licence: p?.licence ?? "", url: p?.url ?? "" });
  };

  const read = async (file: File) => {
    stopDrawing(store);
    setSource(null);
    setReadProblem(null);
    setStatus(t("workbenchDialogs:outlineReading"));
    const { outlineFormatOf, readOutlineFile } = await import("../../domain/workbench/outlineFiles");
    const format = outlineFormatOf(file.name);
    if (!format) {
      setStatus(t("workbenchDialogs:outlineUnknownFormat", { name: file.name }));
      return;
    }
    const result = await readOutlineFile(await file.arrayBuffer(), format);
    setStatus(null);
    if ("problem" in result) setReadProblem(result.problem);
    else setSource({ kind: "file", name: file.name, raw: result.geometry });
  };
  const draw = (modify: boolean) => {
    setSource({ kind: "drawn" });
    startDrawing(
      store,
      modify && current?.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: current.geometry.coordinates as number[][][] }
        : null,
    );
  };

  // One object per outline, so the figures below are computed once for each.
  const geometry = useMemo(
    () =>
      source?.kind === "file"
        ? outlineToWgs84(source.raw, crs)
        : source?.kind === "drawn" && drawing?.geometry
          ? polygonOf(drawing.geometry)
          : null,
    [source, crs, drawing],
  );
  const change = { geometry, approximate, provenance: { source: provenance.source, date: provenance.date, licence: provenance.licence } };
  const problems = dataset && source ? outlineChangeProblems(change, dataset.meta.bounds) : [];
  const proposed = useMemo<Dataset | null>(() => {
    if (!dataset || !geometry) return null;
    const others = dataset.geometry.features.filter((f) => f.properties.id !== area);
    const feature = {
      type: "Feature" as const,
      properties: { id: area },
      geometry: geometry as unknown as Dataset["geometry"]["features"][number]["geometry"],
    };
    return { ...dataset, geometry: { ...dataset.geometry, features: [...others, feature] } };
  }, [dataset, geometry, area]);

  const apply = () => {
    const kind = dataset?.areas.find((a) => a.id === area)?.kind;
    const file = dataset && kind ? geometryFile(dataset.meta, kind) : undefined;
    if (!file || !geometry || approximate === undefined || problems.length) return;
    const previous = recordOf(store.getState(), file, area) as Parameters<typeof replacedFeature>[2];
    const { url, ...required } = provenance;
    const feature = replacedFeature(
      area,
      { geometry, approximate, provenance: { ...required, ...(url.trim() ? { url: url.trim() } : {}) } },
      previous,
    );
    editRecord(store, file, area, feature);
    stopDrawing(store);
    setSource(null);
    setStatus(t("workbenchDialogs:outlineApplied", { area: dataset?.areas.find((a) => a.id === area)?.name[lang] ?? area }));
  };

  const field = (key: keyof typeof provenance, label: string, type = "text") => (
    <label>
      {label}
      <input type={type} value={provenance[key]} onChange={(e) => setProvenance({ ...provenance, [key]: e.target.value })} />
    </label>
  );
  return (
    <DialogFrame id="wb-outline-title" title={t("workbenchDialogs:outlineTitle")} onClose={onClose}>
      {tiled ? <p className="wb-outline-tiled">{t("workbenchDialogs:outlineTiled")}</p> : null}
      {/* A label beside its select, not around it: the select's name is then the label alone. */}
      <label htmlFor="wb-outline-area">{t("workbenchDialogs:outlineArea")}</label>
      <select id="wb-outline-area" value={area} onChange={(e) => chooseArea(e.target.value)}>
        {areas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name[lang]}
          </option>
        ))}
      </select>
      <div className="wb-dialog-row">
        <label>
          {t("workbenchDialogs:outlineFile")}
          <input
            type="file"
            accept=".geojson,.json,.kml,.zip,application/geo+json,application/vnd.google-earth.kml+xml,application/zip"
            onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])}
          />
        </label>
        <button type="button" onClick={() => draw(false)}>
          {t("workbenchDialogs:outlineDraw")}
        </button>
        <button type="button" disabled={current?.geometry.type !== "Polygon"} onClick={() => draw(true)}>
          {t("workbenchDialogs:outlineModify")}
        </button>
      </div>
      {drawing ? <p role="status">{t("workbenchDialogs:outlineDrawing")}</p> : null}
      <CrsChoice name="wb-outline-crs" value={crs} onChange={setCrs} />
      {status ? <p role="status">{status}</p> : null}
      {readProblem ? <p role="alert">{messageText(readProblem, lang, translate)}</p> : null}
      <p>
        {source
          ? t("workbenchDialogs:outlineFrom", { what: source.kind === "file" ? source.name : t("workbenchDialogs:outlineFromDrawing") })
          : t("workbenchDialogs:outlineNone")}
      </p>
      <fieldset>
        <legend>{t("workbenchDialogs:outlineApproximate")}</legend>
        <label>
          <input type="radio" name="wb-outline-approximate" checked={approximate === true} onChange={() => setApproximate(true)} />{" "}
          {t("workbenchDialogs:outlineIsApproximate")}
        </label>
        <label>
          <input type="radio" name="wb-outline-approximate" checked={approximate === false} onChange={() => setApproximate(false)} />{" "}
          {t("workbenchDialogs:outlineIsOfficial")}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("workbenchDialogs:outlineProvenance")}</legend>
        {field("source", t("workbenchDialogs:outlineSource"))}
        {field("date", t("workbenchDialogs:outlineDate"), "date")}
        {field("licence", t("workbenchDialogs:outlineLicence"))}
        {field("url", t("workbenchDialogs:outlineUrl"), "url")}
      </fieldset>
      {problems.length ? (
        <section aria-labelledby="wb-outline-problems">
          <h3 id="wb-outline-problems">{t("workbenchDialogs:outlineProblems")}</h3>
          <ul aria-labelledby="wb-outline-problems">
            {problems.map((p, i) => (
              <li key={i}>{messageText(p.message, lang, translate)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <button type="button" disabled={!source || problems.length > 0} onClick={apply}>
        {t("workbenchDialogs:outlineApply")}
      </button>
      <ZoneFigures now={dataset} proposed={proposed} />
    </DialogFrame>
  );
}
