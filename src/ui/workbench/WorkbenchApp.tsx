import { useMemo, useState, type ComponentType, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChangeRow } from "../../domain/draft/fileDraft";
import { recordsOf } from "../../domain/draft/records";
import { draftRecord, parseTexts } from "../../domain/draft/fileDraft";
import { isJsonFile } from "../../domain/dataset/serialize";
import {
  discardDraft,
  discardStale,
  keepOwnBase,
  reapplyStale,
  type StaleDraft,
  editRecord,
  openGiven,
  openPublished,
  publishedDataset,
  revert,
  selectRecord,
  setAsOf,
  type WorkbenchStore,
} from "../../state/workbench";
import { downloadBlob } from "../share/download";
import { useWorkbench, useWorkbenchStore } from "./WorkbenchContext";
import { WorkbenchMapHost } from "./WorkbenchMapHost";
import { ImportTools } from "./ImportTools";
import { useReasonText } from "./reasonText";
import { readDrop, readFiles, ZipReadError } from "./readInput";
import type { NamedText } from "../../domain/draft/openFiles";
import "./workbench.css";

// The maintainers' workbench page (edit.html). Slots for what is built on it later:
// `tools` (buttons such as 添加站点 / 导入表格 / 导入边界, rendered in the toolbar) and
// `editors` (a form per data file, e.g. the site form for sites.json, shown instead of the
// simple name editor when a record of that file is selected). Both get the store and change
// the draft through src/state/workbench.ts (editRecord, selectRecord).

export interface RecordEditorProps {
  store: WorkbenchStore;
  file: string;
  recordKey: string;
}

export interface WorkbenchAppProps {
  tools?: ReactNode;
  editors?: Partial<Record<string, ComponentType<RecordEditorProps>>>;
  onLang: (lang: "zh" | "en") => void;
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function where(file: string, record: string | null, field: string | null | undefined): string {
  return [file, record, field].filter((p) => p !== null && p !== undefined && p !== "").join(" › ");
}

function LangSwitch({ onLang }: { onLang: WorkbenchAppProps["onLang"] }) {
  const { t } = useTranslation();
  const lang = useWorkbench((s) => s.lang);
  const next = lang === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      aria-label={`${t("language")}: ${next === "en" ? "English" : "中文"}`}
      onClick={() => onLang(next)}
    >
      {next === "en" ? t("switchToEn") : t("switchToZh")}
    </button>
  );
}

function Changes() {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const changes = useWorkbench((s) => s.changes);
  const label = (row: ChangeRow) => {
    const kind =
      row.change === "added"
        ? t("workbench:changeAdded")
        : row.change === "removed"
          ? t("workbench:changeRemoved")
          : t("workbench:changeChanged");
    const detail = row.change === "changed" ? `: ${show(row.before)} → ${show(row.after)}` : "";
    return `${where(row.file, row.record, row.field)} · ${kind}${detail}`;
  };
  return (
    <section className="wb-list" aria-labelledby="wb-changes">
      <h2 id="wb-changes">{t("workbench:changes")}</h2>
      {changes.length ? (
        <ul aria-labelledby="wb-changes" data-testid="changes">
          {changes.map((row) => {
            const text = label(row);
            return (
              <li key={`${row.file}|${row.record}|${row.field ?? ""}`}>
                <span>{text}</span>{" "}
                <button type="button" aria-label={t("workbench:revertLabel", { what: text })} onClick={() => revert(store, row)}>
                  {t("workbench:revert")}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("workbench:noChanges")}</p>
      )}
    </section>
  );
}

function Problems() {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const check = useWorkbench((s) => s.check);
  const problems = check?.problems ?? [];
  const reasonText = useReasonText();
  return (
    <section className="wb-list" aria-labelledby="wb-problems">
      <h2 id="wb-problems">{t("workbench:problems")}</h2>
      {problems.length ? (
        <>
          <p>{t("workbench:problemCount", { errors: check?.errors ?? 0, warnings: check?.warnings ?? 0 })}</p>
          <ul aria-labelledby="wb-problems" data-testid="problems">
            {problems.map((p, i) => (
              <li key={i} className={p.severity}>
                <button type="button" disabled={!p.target} onClick={() => p.target && selectRecord(store, p.target)}>
                  {p.severity === "error" ? t("workbench:error") : t("workbench:warning")}: {where(p.file, p.record, p.field)}:{" "}
                  {reasonText(p.reason)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("workbench:noProblems")}</p>
      )}
    </section>
  );
}

function NameEditor({ store, file, recordKey }: RecordEditorProps) {
  const { t } = useTranslation();
  const baseValues = useWorkbench((s) => s.baseValues);
  const draft = useWorkbench((s) => s.draft);
  const record = useMemo(() => draftRecord(baseValues, draft, file, recordKey), [baseValues, draft, file, recordKey]);
  if (!record) return <p>{t("workbench:recordRemoved")}</p>;
  const name = record.name && typeof record.name === "object" ? (record.name as Record<string, unknown>) : null;
  const setName = (lang: "zh" | "en", value: string) => editRecord(store, file, recordKey, { ...record, name: { ...name, [lang]: value } });
  return (
    <div className="wb-record">
      {name ? (
        <>
          <label>
            {t("workbench:nameZh")}
            <input type="text" value={String(name.zh ?? "")} onChange={(e) => setName("zh", e.target.value)} />
          </label>
          <label>
            {t("workbench:nameEn")}
            <input type="text" value={String(name.en ?? "")} onChange={(e) => setName("en", e.target.value)} />
          </label>
        </>
      ) : null}
      <pre className="wb-json" data-testid="record-json">
        {JSON.stringify(record, null, 2).slice(0, 4000)}
      </pre>
    </div>
  );
}

function Editor({ editors }: Pick<WorkbenchAppProps, "editors">) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const texts = useWorkbench((s) => s.texts);
  const selected = useWorkbench((s) => s.selected);
  const values = useMemo(() => parseTexts(texts), [texts]);
  const files = Object.keys(texts).filter(isJsonFile);
  const file = selected?.file ?? "areas.json";
  const keys = [...recordsOf(file, values[file], values["meta.json"]).keys()];
  if (selected && !keys.includes(selected.key)) keys.push(selected.key);
  const Form = (editors?.[file] ?? NameEditor) as ComponentType<RecordEditorProps>;
  return (
    <section className="wb-editor" aria-labelledby="wb-editor">
      <h2 id="wb-editor">{t("workbench:editor")}</h2>
      <label>
        {t("workbench:editorFile")}
        <select
          value={file}
          onChange={(e) =>
            selectRecord(store, {
              file: e.target.value,
              key: [...recordsOf(e.target.value, values[e.target.value], values["meta.json"]).keys()][0] ?? "",
            })
          }
        >
          {files.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("workbench:editorRecord")}
        <select value={selected?.key ?? ""} onChange={(e) => selectRecord(store, { file, key: e.target.value })}>
          <option value="" disabled={keys.includes("")}>
            {keys.includes("") ? file : "—"}
          </option>
          {keys
            .filter((k) => k !== "")
            .map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
        </select>
      </label>
      {selected ? <Form store={store} file={selected.file} recordKey={selected.key} /> : <p>{t("workbench:editorNone")}</p>}
    </section>
  );
}

function OpenControls({ onOpen }: { onOpen: (name: string, read: () => Promise<NamedText[]>) => void }) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const pick = (files: FileList | null, name?: string) => {
    if (!files?.length) return;
    const list = [...files];
    onOpen(name ?? list[0]!.name, () => readFiles(list));
  };
  return (
    <fieldset className="wb-open">
      <legend>{t("workbench:open")}</legend>
      <label>
        {t("workbench:openFiles")}
        <input type="file" multiple accept=".json,.geojson,.md" onChange={(e) => pick(e.target.files, "data/")} />
      </label>
      <label>
        {t("workbench:openFolder")}
        <input type="file" {...{ webkitdirectory: "" }} onChange={(e) => pick(e.target.files, "data/")} />
      </label>
      <label>
        {t("workbench:openZip")}
        <input type="file" accept=".zip,.json,application/zip,application/json" onChange={(e) => pick(e.target.files)} />
      </label>
      <button type="button" onClick={() => void openPublished(store)}>
        {t("workbench:openPublished")}
      </button>
      <p>{t("workbench:dropHere")}</p>
    </fieldset>
  );
}

const NOT_REAPPLIED_KEYS = {
  "already-published": "workbench:staleAlreadyPublished",
  "not-published": "workbench:staleNotPublished",
  "changed-in-published": "workbench:staleChangedInPublished",
} as const;

/** A kept draft made on older published data: both dates, what would not re-apply, and the three ways on. */
function StaleDraftNotice({ stale }: { stale: StaleDraft }) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const dates = { base: stale.baseInfo.asOf, published: stale.publishedAsOf };
  const { notReapplied } = stale.reapplied;
  const discard = () => {
    if (window.confirm(t("workbench:staleDiscardAsk"))) void discardStale(store);
  };
  return (
    <section className="wb-stale-draft" role="alert" aria-labelledby="wb-stale-draft">
      <h2 id="wb-stale-draft">{t("workbench:staleTitle")}</h2>
      <p>{t("workbench:staleText", dates)}</p>
      {notReapplied.length ? (
        <>
          <p id="wb-stale-list">{t("workbench:staleNotApply")}</p>
          <ul aria-labelledby="wb-stale-list">
            {notReapplied.map((n, i) => (
              <li key={i}>
                {where(n.file, n.record, n.field)}: {t(NOT_REAPPLIED_KEYS[n.reason])}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("workbench:staleAllApply")}</p>
      )}
      <div className="wb-toolbar">
        <button type="button" onClick={() => void keepOwnBase(store)}>
          {t("workbench:staleKeep", dates)}
        </button>
        <button type="button" onClick={() => void reapplyStale(store)}>
          {t("workbench:staleReapply", dates)}
        </button>
        <button type="button" onClick={discard}>
          {t("workbench:staleDiscard")}
        </button>
      </div>
    </section>
  );
}

export function WorkbenchApp({ tools, editors, onLang }: WorkbenchAppProps) {
  const { t } = useTranslation();
  const store = useWorkbenchStore();
  const status = useWorkbench((s) => s.status);
  const error = useWorkbench((s) => s.error);
  const source = useWorkbench((s) => s.source);
  const check = useWorkbench((s) => s.check);
  const openProblem = useWorkbench((s) => s.openProblem);
  const storageFailed = useWorkbench((s) => s.storageFailed);
  const stale = useWorkbench((s) => s.stale);
  const baseValues = useWorkbench((s) => s.baseValues);
  const draft = useWorkbench((s) => s.draft);
  const asOf = useMemo(() => String(draftRecord(baseValues, draft, "meta.json", "")?.asOf ?? ""), [baseValues, draft]);
  const [readError, setReadError] = useState<string | null>(null);
  const blocked = !check || check.errors > 0 || !check.dataset;

  const open = (name: string, read: () => Promise<NamedText[]>) => {
    setReadError(null);
    read().then(
      (entries) => void openGiven(store, name, entries),
      (e: unknown) => setReadError(t("workbench:openNotZip", { name, detail: e instanceof ZipReadError ? e.message : String(e) })),
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const data = e.dataTransfer;
    const name = data.files[0]?.name ?? "data/";
    open(name, () => readDrop(data));
  };
  const downloadFiles = async () => {
    const { texts } = store.getState();
    const { zipTexts } = await import("../../domain/draft/zip");
    downloadBlob(new Blob([zipTexts(texts, asOf) as BlobPart], { type: "application/zip" }), `data-${asOf}.zip`);
  };
  const downloadDataset = async () => {
    // With the search keys the build would give it, so new places are found by pinyin.
    const dataset = await publishedDataset(store);
    if (dataset) downloadBlob(new Blob([JSON.stringify(dataset)], { type: "application/json" }), "dataset.json");
  };
  const discard = () => {
    if (window.confirm(t("workbench:discardAsk"))) void discardDraft(store);
  };
  const openMessage = openProblem
    ? openProblem.result.reason === "no-data"
      ? t("workbench:openNoData", { name: openProblem.name })
      : t("workbench:openNotDataset", { name: openProblem.name, detail: openProblem.result.detail ?? "" })
    : null;

  return (
    <div className="workbench" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="wb-header">
        <h1>{t("workbench:title")}</h1>
        <LangSwitch onLang={onLang} />
      </header>
      {status === "off" ? (
        <p role="status" className="wb-off">
          {t("workbench:off")}
        </p>
      ) : (
        <main className="wb-main">
          <div className="wb-side">
            {status === "loading" ? <p role="status">{t("workbench:loading")}</p> : null}
            {status === "error" && error ? (
              <p role="alert">{t("workbench:loadFailed", { message: [error.message, error.detail].filter(Boolean).join(": ") })}</p>
            ) : null}
            {source ? (
              <p className="wb-source">
                {t("workbench:source")}:{" "}
                {source.kind === "published"
                  ? t("workbench:sourcePublished", { url: source.url })
                  : t("workbench:sourceOpened", { name: source.name })}
                {source.kind === "opened" && source.from === "dataset" ? ` ${t("workbench:sourceFromDataset")}` : null}
              </p>
            ) : null}
            <OpenControls onOpen={open} />
            {openMessage || readError ? <p role="alert">{openMessage ?? readError}</p> : null}
            {storageFailed ? <p role="alert">{t("workbench:storageFailed")}</p> : null}
            {status === "ready" && stale ? <StaleDraftNotice stale={stale} /> : null}
            {status === "ready" && !stale ? (
              <>
                <div className="wb-toolbar" role="group" aria-label={t("workbench:tools")}>
                  <label>
                    {t("workbench:asOf")}
                    <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(store, e.target.value)} />
                  </label>
                  <button type="button" disabled={blocked} onClick={() => void downloadFiles()}>
                    {t("workbench:downloadFiles")}
                  </button>
                  <button type="button" disabled={blocked} onClick={() => void downloadDataset()}>
                    {t("workbench:downloadDataset")}
                  </button>
                  <button type="button" onClick={discard}>
                    {t("workbench:discard")}
                  </button>
                  <ImportTools />
                  {tools}
                </div>
                {blocked ? <p className="wb-blocked">{t("workbench:downloadBlocked")}</p> : null}
                <Problems />
                <Changes />
                <Editor editors={editors} />
              </>
            ) : null}
          </div>
          <div className="wb-map-pane">
            {status === "ready" ? (
              <WorkbenchMapHost
                onPlace={(id) =>
                  id &&
                  selectRecord(store, {
                    file: store.getState().shown?.sites.some((s) => s.id === id) ? "sites.json" : "areas.json",
                    key: id,
                  })
                }
              />
            ) : null}
            {status === "ready" && check && !check.dataset ? <p className="wb-stale">{t("workbench:mapStale")}</p> : null}
          </div>
        </main>
      )}
    </div>
  );
}
