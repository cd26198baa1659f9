import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { addMessages } from "../../i18n/i18n";
import * as siteMessages from "../../i18n/workbenchSiteMessages";
import * as importMessages from "../../i18n/workbenchImportMessages";
import { CONFIDENCES, POSITION_PRECISIONS, SITE_STATUSES, SIZE_UNITS, type Dataset, type Site } from "../../domain/dataset/schema";
import type { LngLat } from "../../domain/geometry/lngLat";
import type { Lang } from "../../domain/labels";
import { allSystems, CRS_IDS, round7, toWgs84, type CrsId } from "../../domain/workbench/coordinates";
import { SHEET_FIELD_LABELS, type SheetField } from "../../domain/workbench/sheetFields";
import { positionText, siteFormValues, siteFromForm, type SiteFormValues } from "../../domain/workbench/siteForm";
import { proposeSiteId, readingOf, takenIds } from "../../domain/workbench/siteId";
import { useImportTranslate } from "./reasonText";
import { proposeArea } from "../../domain/workbench/proposeArea";
import { roundForDisplay, sizeInAllUnits } from "../../domain/workbench/siteSize";
import { messageText } from "../../domain/workbench/messageText";
import type { RowProblem } from "../../domain/workbench/sheetImport";
import { editRecord, loadPinyin, selectRecord, type WorkbenchStore } from "../../state/workbench";
import { draftRecord } from "../../domain/draft/fileDraft";
import { useWorkbench, useWorkbenchStore } from "./WorkbenchContext";
import type { RecordEditorProps } from "./WorkbenchApp";

// The site form (添加站点 / 保存站点): the fields of the workbench's contract, labelled with the
// spreadsheet's column names (one table), checked as an imported row is (siteForm.ts), saved
// through the draft (editRecord), so Changes and Problems follow. The position is typed in a
// chosen coordinate system, or given on the map: the form puts it in the store (`marker`),
// the workbench map host shows it as a marker to drag, and clicks and drags come back the
// same way. The pinyin library loads only when an id is made from a Chinese name.

const CRS_LABELS: Record<CrsId, string> = { WGS84: "WGS84", GCJ02: "GCJ-02", BD09: "BD-09" };
const STATUS_KEYS = { designated: "statusDesignated", candidate: "statusCandidate", "related-site": "statusRelated" } as const;
const PRECISION_KEYS = { exact: "precisionExact", town: "precisionTown", none: "precisionNone" } as const;
const CONFIDENCE_KEYS = { high: "confidenceHigh", medium: "confidenceMedium", low: "confidenceLow" } as const;
const UNIT_KEYS = { mu: "unitMu", ha: "unitHa", km2: "unitKm2" } as const;

function useSiteMessages(): void {
  const { i18n } = useTranslation();
  addMessages(i18n, siteMessages);
  addMessages(i18n, importMessages);
}

/** A typed position as WGS84, or null while it is not two numbers. */
function typedPosition(values: SiteFormValues, crs: CrsId): LngLat | null {
  const typed = typedNumbers(values);
  return typed ? toWgs84(typed, crs) : null;
}

/** The two numbers typed, as typed (in the chosen system), or null. */
function typedNumbers(values: SiteFormValues): LngLat | null {
  const lng = Number(values.longitude.trim());
  const lat = Number(values.latitude.trim());
  if (!values.longitude.trim() || !values.latitude.trim() || !Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return [lng, lat];
}

function Text({
  field,
  lang,
  value,
  onChange,
  hint,
}: {
  field: SheetField;
  lang: Lang;
  value: string;
  onChange: (v: string) => void;
  hint?: ReactNode;
}) {
  return (
    <label>
      {SHEET_FIELD_LABELS[field][lang]}
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} />
      {hint ? <small>{hint}</small> : null}
    </label>
  );
}

interface SiteFormProps {
  store: WorkbenchStore;
  /** The site edited, or null for a new one. */
  editing: Site | null;
  dataset: Dataset;
  onClose?: () => void;
  /** Whether this site was just saved (the form opens again on the saved site). */
  justSaved: boolean;
  onSaved: (id: string) => void;
}

function SiteFormBody({ store, editing, dataset, onClose, justSaved, onSaved }: SiteFormProps) {
  const { t } = useTranslation();
  const lang = useWorkbench((s) => s.lang);
  const pinyinOf = useWorkbench((s) => s.pinyinOf);
  const [crs, setCrs] = useState<CrsId>("WGS84");
  const crsRef = useRef<CrsId>(crs);
  const [values, setValues] = useState<SiteFormValues>(() => siteFormValues(editing));
  const [start] = useState<LngLat | null>(() => (editing && editing.position.precision !== "none" ? editing.position.coordinates : null));
  const [idTouched, setIdTouched] = useState(editing !== null);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(justSaved);

  // The marker follows the form while it is open; a click or a drag on the map writes back.
  useEffect(() => {
    store.setState({ marker: { position: start, by: "form" } });
    const unfollow = store.subscribe((s, prev) => {
      if (s.marker === prev.marker || s.marker?.by !== "map" || !s.marker.position) return;
      const at = s.marker.position;
      setValues((v) => ({ ...v, ...positionText(at, crsRef.current), precision: "exact" }));
      setSaved(false);
    });
    return () => {
      unfollow();
      store.setState({ marker: null });
    };
  }, [store, start]);

  const others = useMemo(
    () => (editing ? { ...dataset, sites: dataset.sites.filter((s) => s.id !== editing.id) } : dataset),
    [dataset, editing],
  );
  const needsPinyin = !idTouched && !values.nameEn.trim() && values.nameZh.trim() !== "";
  useEffect(() => {
    if (needsPinyin && !pinyinOf) void loadPinyin(store);
  }, [needsPinyin, pinyinOf, store]);
  const id = idTouched
    ? values.id
    : values.nameZh.trim() || values.nameEn.trim()
      ? proposeSiteId({ zh: values.nameZh, en: values.nameEn }, takenIds(others), readingOf(pinyinOf))
      : "";

  const set = (field: SheetField, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: value }));
  };
  const setTypedPosition = (field: "longitude" | "latitude", value: string) => {
    const next = { ...values, [field]: value, ...(values.precision === "none" ? { precision: "exact" } : {}) };
    setSaved(false);
    setValues(next);
    const position = typedPosition(next, crs);
    if (position) store.setState({ marker: { position, by: "form" } });
  };
  const changeCrs = (next: CrsId) => {
    const position = typedPosition(values, crs);
    crsRef.current = next;
    setCrs(next);
    if (position) setValues((v) => ({ ...v, ...positionText(position, next) }));
  };

  const translate = useImportTranslate();
  const result = siteFromForm({ ...values, id }, crs, dataset, editing, readingOf(pinyinOf));
  const problemText = (p: RowProblem) =>
    p.field
      ? t("workbenchSite:fieldProblem", { field: SHEET_FIELD_LABELS[p.field][lang], reason: messageText(p.message, lang, translate) })
      : messageText(p.message, lang, translate);

  const position = typedPosition(values, crs);
  const typed = typedNumbers(values);
  const systems = typed ? allSystems(typed, crs) : null;
  const proposed = position && values.precision !== "none" ? proposeArea(position, dataset) : null;
  const areaName = (areaId: string) => dataset.areas.find((a) => a.id === areaId)?.name[lang] ?? areaId;
  const sizeValue = Number(values.size);
  const unit = SIZE_UNITS.find((u) => u === values.sizeUnit) ?? "mu";
  const sizes = values.size.trim() && sizeValue > 0 ? sizeInAllUnits({ value: sizeValue, unit }) : null;
  const industries = new Set(values.industries.split(",").filter(Boolean));

  const save = () => {
    setTried(true);
    if (!result.site) return;
    if (editing && editing.id !== result.site.id) editRecord(store, "sites.json", editing.id, null);
    editRecord(store, "sites.json", result.site.id, result.site);
    setSaved(true);
    onSaved(result.site.id);
    if (!editing || editing.id !== result.site.id) selectRecord(store, { file: "sites.json", key: result.site.id });
  };
  const remove = () => {
    if (!editing || !window.confirm(t("workbenchSite:removeAsk", { name: editing.name[lang] }))) return;
    editRecord(store, "sites.json", editing.id, null);
    selectRecord(store, null);
  };

  return (
    <form
      className="wb-site-form"
      aria-labelledby="wb-site-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id="wb-site-form-title">{editing ? t("workbenchSite:editSite", { id: editing.id }) : t("workbenchSite:newSite")}</h3>
      <Text field="nameZh" lang={lang} value={values.nameZh} onChange={(v) => set("nameZh", v)} />
      <Text field="nameEn" lang={lang} value={values.nameEn} onChange={(v) => set("nameEn", v)} />
      <Text
        field="id"
        lang={lang}
        value={id}
        onChange={(v) => {
          setIdTouched(true);
          set("id", v);
        }}
        hint={needsPinyin && !pinyinOf ? t("workbenchSite:pinyinLoading") : t("workbenchSite:idHint")}
      />
      <label>
        {SHEET_FIELD_LABELS.status[lang]}
        <select value={values.status} onChange={(e) => set("status", e.target.value)}>
          {SITE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`workbenchSite:${STATUS_KEYS[s]}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="wb-industries">
        <legend>{SHEET_FIELD_LABELS.industries[lang]}</legend>
        {dataset.industries.map((industry) => (
          <label key={industry.id}>
            <input
              type="checkbox"
              checked={industries.has(industry.id)}
              onChange={(e) => {
                const next = new Set(industries);
                if (e.target.checked) next.add(industry.id);
                else next.delete(industry.id);
                set(
                  "industries",
                  dataset.industries
                    .filter((i) => next.has(i.id))
                    .map((i) => i.id)
                    .join(","),
                );
              }}
            />
            {industry.name[lang]}
          </label>
        ))}
      </fieldset>
      <fieldset className="wb-crs">
        <legend>{t("workbenchSite:crs")}</legend>
        {CRS_IDS.map((c) => (
          <label key={c}>
            <input type="radio" name="wb-site-crs" value={c} checked={crs === c} onChange={() => changeCrs(c)} />
            {CRS_LABELS[c]}
          </label>
        ))}
        <small>{t("workbenchSite:crsHint")}</small>
      </fieldset>
      <Text field="longitude" lang={lang} value={values.longitude} onChange={(v) => setTypedPosition("longitude", v)} />
      <Text field="latitude" lang={lang} value={values.latitude} onChange={(v) => setTypedPosition("latitude", v)} />
      <p className="wb-hint">{t("workbenchSite:clickMap")}</p>
      {systems ? (
        <dl className="wb-systems" aria-label={t("workbenchSite:inAllSystems")} data-testid="all-systems">
          {CRS_IDS.map((c) => (
            <div key={c}>
              <dt>{CRS_LABELS[c]}</dt>
              <dd data-crs={c}>
                {round7(systems[c][0])}, {round7(systems[c][1])}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <label>
        {SHEET_FIELD_LABELS.precision[lang]}
        <select value={values.precision} onChange={(e) => set("precision", e.target.value)}>
          {POSITION_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {t(`workbenchSite:${PRECISION_KEYS[p]}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {SHEET_FIELD_LABELS.area[lang]}
        <select value={values.area} onChange={(e) => set("area", e.target.value)}>
          <option value="">{proposed ? t("workbenchSite:areaAuto", { name: areaName(proposed) }) : t("workbenchSite:areaAutoNone")}</option>
          {dataset.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <Text field="locationZh" lang={lang} value={values.locationZh} onChange={(v) => set("locationZh", v)} />
      <Text field="locationEn" lang={lang} value={values.locationEn} onChange={(v) => set("locationEn", v)} />
      <div className="wb-size">
        <Text field="size" lang={lang} value={values.size} onChange={(v) => set("size", v)} />
        <label>
          {SHEET_FIELD_LABELS.sizeUnit[lang]}
          <select value={unit} onChange={(e) => set("sizeUnit", e.target.value)}>
            {SIZE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`workbenchSite:${UNIT_KEYS[u]}`)}
              </option>
            ))}
          </select>
        </label>
        {sizes ? (
          <small>
            {t("workbenchSite:sizeEquals", {
              mu: roundForDisplay(sizes.mu),
              ha: roundForDisplay(sizes.ha),
              km2: roundForDisplay(sizes.km2),
            })}
          </small>
        ) : null}
      </div>
      <fieldset className="wb-source">
        <legend>{t("workbenchSite:source")}</legend>
        <Text field="sourceTitle" lang={lang} value={values.sourceTitle} onChange={(v) => set("sourceTitle", v)} />
        <Text field="sourceDate" lang={lang} value={values.sourceDate} onChange={(v) => set("sourceDate", v)} />
        <Text field="sourceUrl" lang={lang} value={values.sourceUrl} onChange={(v) => set("sourceUrl", v)} />
        <Text field="docNumber" lang={lang} value={values.docNumber} onChange={(v) => set("docNumber", v)} />
      </fieldset>
      <Text
        field="designationDate"
        lang={lang}
        value={values.designationDate}
        onChange={(v) => set("designationDate", v)}
        hint={t("workbenchSite:designationHint")}
      />
      <label>
        {SHEET_FIELD_LABELS.confidence[lang]}
        <select value={values.confidence} onChange={(e) => set("confidence", e.target.value)}>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {t(`workbenchSite:${CONFIDENCE_KEYS[c]}`)}
            </option>
          ))}
        </select>
      </label>
      {tried && result.errors.length ? (
        <div role="alert" className="wb-form-errors">
          {t("workbenchSite:cannotSave")}
          <ul>
            {result.errors.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.warnings.length ? (
        <div className="wb-form-warnings">
          {t("workbenchSite:note")}
          <ul>
            {result.warnings.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {saved ? <p role="status">{t("workbenchSite:saved")}</p> : null}
      <div className="wb-form-buttons">
        <button type="submit">{t("workbenchSite:saveSite")}</button>
        {editing ? (
          <button type="button" onClick={remove}>
            {t("workbenchSite:removeSite")}
          </button>
        ) : null}
        {onClose ? (
          <button type="button" onClick={onClose}>
            {t("workbenchSite:closeForm")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The editor of a sites.json record (the page's `editors` slot): the site form on that site, or a new one for the empty key. */
export function SiteEditor({ store, recordKey }: RecordEditorProps) {
  useSiteMessages();
  const dataset = useWorkbench((s) => s.shown);
  const baseValues = useWorkbench((s) => s.baseValues);
  const draft = useWorkbench((s) => s.draft);
  const [savedId, setSavedId] = useState<string | null>(null);
  const editing = useMemo(
    () => (recordKey ? ((draftRecord(baseValues, draft, "sites.json", recordKey) as Site | undefined) ?? null) : null),
    [baseValues, draft, recordKey],
  );
  if (!dataset) return null;
  // A new form whenever another site is opened (or the saved one changes id).
  return (
    <SiteFormBody
      key={recordKey}
      store={store}
      editing={editing}
      dataset={dataset}
      onClose={() => selectRecord(store, null)}
      justSaved={savedId === recordKey}
      onSaved={setSavedId}
    />
  );
}

/** The toolbar's 添加站点 / Add site: opens the form on a new site. */
export function AddSiteButton() {
  useSiteMessages();
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  return (
    <button type="button" onClick={() => selectRecord(store, { file: "sites.json", key: "" })}>
      {t("workbenchSite:addSite")}
    </button>
  );
}
