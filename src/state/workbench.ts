import { createStore, type StoreApi } from "zustand/vanilla";
import type { Lang } from "../domain/labels";
import type { SiteConfig, ConfigProblem } from "../domain/config/siteConfig";
import type { DataTexts } from "../domain/dataset/split";
import type { Dataset } from "../domain/dataset/schema";
import { baseOf, changeCount, type Draft, type DraftBase } from "../domain/draft/draft";
import {
  draftRecord,
  draftTexts,
  listChanges,
  parseTexts,
  revertChange,
  setRecord,
  type ChangeRow,
  type DataValues,
} from "../domain/draft/fileDraft";
import { checkDraft, type DraftCheck } from "../domain/draft/problems";
import { reapplyDraft, type NotReapplied } from "../domain/draft/rebase";
import { openTexts, type NamedText, type OpenResult } from "../domain/draft/openFiles";
import type { PinyinOf } from "../domain/searchKeys";
import type { LngLat } from "../domain/geometry/lngLat";
import { assetUrl, loadConfigInto } from "./loadData";
import { fetchText, LoadError } from "./fetchJson";
import { readKept, writeKept } from "./draftStore";
import type { OutlineDrawing } from "./outlineDrawing";

// The maintainers' workbench (edit.html): its own store, over the same draft the planner keeps
// (src/domain/draft/). What it holds: the files it opened (the draft's base), the draft, and
// what follows from them (the files as the draft makes them, the problems, the changes). The
// draft is kept in this browser at every change: when the base is the published dataset, under
// the planner's own key (so the planner's "Download draft" is a view of the same draft);
// otherwise beside the base it was made on, in the workbench's session.

type Source = { kind: "published"; url: string } | { kind: "opened"; name: string; from: "files" | "dataset" };

export interface WorkbenchState {
  lang: Lang;
  status: "loading" | "off" | "ready" | "error";
  /** Why the published data could not be opened (status "error"). */
  error: { message: string; detail?: string } | null;
  config: SiteConfig;
  configProblems: ConfigProblem[];
  source: Source | null;
  /** The opened files (the draft's base), as text by path in data/. */
  base: DataTexts;
  baseValues: DataValues;
  baseInfo: DraftBase | null;
  draft: Draft | null;
  /** Derived: the files as the draft makes them, their check, the changes. */
  texts: DataTexts;
  check: DraftCheck | null;
  changes: ChangeRow[];
  /** The last dataset that assembled, for the map while the draft has errors. */
  shown: Dataset | null;
  /** The record the editor shows. */
  selected: { file: string; key: string } | null;
  /** Something opened that could not be read. */
  openProblem: { name: string; result: Exclude<OpenResult, { ok: true }> } | null;
  storageFailed: boolean;
  /** An outline being drawn or modified on the map (outlineDrawing.ts): the dialog asks, the map host draws. */
  drawing: OutlineDrawing | null;
  /** The pinyin reading, once loaded (loadPinyin): the check then gives the dataset its search keys, as the build does. */
  pinyinOf: PinyinOf | null;
  /**
   * The position the site form edits, shown on the map as a marker to drag (WGS84): null when
   * no site form is open; `position` null while the site has none. `by`: who set it last, so
   * the form rewrites its typed coordinates only after a click or a drag on the map.
   */
  marker: { position: LngLat | null; by: "form" | "map" } | null;
  /**
   * A draft this browser kept, made on published files that the site no longer publishes: the
   * page says so and waits for the maintainer's choice (keepOwnBase, reapplyStale,
   * discardStale); until then the kept draft and its base stay in storage untouched.
   */
  stale: StaleDraft | null;
}

export interface StaleDraft {
  /** The published files the draft was made on, and their asOf. */
  base: DataTexts;
  baseInfo: DraftBase;
  /** The asOf of the files published now. */
  publishedAsOf: string;
  draft: Draft;
  /** The draft re-applied on the files published now, and what would not apply. */
  reapplied: { draft: Draft | null; notReapplied: NotReapplied[] };
}

export type WorkbenchStore = StoreApi<WorkbenchState>;

export const SESSION_KEY = "workbench:session";

interface Session {
  source: Source;
  /** The base itself: for a base that is not the published one, and for the published files a kept draft was made on. */
  base?: DataTexts;
  draft?: Draft | null;
}

export function createWorkbenchStore(lang: Lang): WorkbenchStore {
  return createStore<WorkbenchState>(() => ({
    lang,
    status: "loading",
    error: null,
    config: {},
    configProblems: [],
    source: null,
    base: {},
    baseValues: {},
    baseInfo: null,
    draft: null,
    texts: {},
    check: null,
    changes: [],
    shown: null,
    selected: null,
    openProblem: null,
    storageFailed: false,
    drawing: null,
    pinyinOf: null,
    marker: null,
    stale: null,
  }));
}

/** The planner's key for a draft of this base (draftStore's draftKey, on the base's id and asOf). */
function draftKeyOf(base: DraftBase): string {
  return `draft:${base.dataset}@${base.asOf}`;
}

function derive(
  s: Pick<WorkbenchState, "base" | "baseValues" | "baseInfo" | "draft" | "shown" | "pinyinOf">,
): Pick<WorkbenchState, "texts" | "check" | "changes" | "shown"> {
  const texts = draftTexts(s.base, s.draft);
  const check = checkDraft(texts, s.baseInfo?.asOf ?? null, changeCount(s.draft) > 0, s.pinyinOf ?? undefined);
  return { texts, check, changes: listChanges(s.baseValues, s.draft), shown: check.dataset ?? s.shown };
}

async function keep(store: WorkbenchStore): Promise<void> {
  const { source, base, baseInfo, draft, stale } = store.getState();
  if (!source || !baseInfo) return;
  try {
    if (source.kind === "published") {
      await writeKept(draftKeyOf(baseInfo), draft ?? undefined);
      // The files a draft is made on are kept with it, so a later publication cannot strand it;
      // while the maintainer has not chosen what to do with a stale draft, its base stays.
      const kept = stale ? stale.base : changeCount(draft) ? base : undefined;
      await writeKept(SESSION_KEY, (kept ? { source, base: kept } : { source }) satisfies Session);
    } else await writeKept(SESSION_KEY, { source, base, draft } satisfies Session);
    if (store.getState().storageFailed) store.setState({ storageFailed: false });
  } catch {
    store.setState({ storageFailed: true });
  }
}

let saving: Promise<void> = Promise.resolve();
/** Saves in order; the last write is the draft on screen. */
function save(store: WorkbenchStore): Promise<void> {
  saving = saving.then(() => keep(store));
  return saving;
}

/** Waits for the pending saves (for tests and before leaving). */
export function saved(): Promise<void> {
  return saving;
}

/** Makes `texts` the base, with `draft` on it (null: none). */
function baseInfoOf(baseValues: DataValues): DraftBase {
  const meta = baseValues["meta.json"] as { id?: unknown; asOf?: unknown } | undefined;
  return typeof meta?.id === "string" && typeof meta.asOf === "string"
    ? baseOf({ meta: { id: meta.id, asOf: meta.asOf } as Dataset["meta"] })
    : { dataset: "", asOf: "" };
}

function adoptBase(store: WorkbenchStore, source: Source, texts: DataTexts, draft: Draft | null): void {
  const baseValues = parseTexts(texts);
  const baseInfo = baseInfoOf(baseValues);
  const next = { base: texts, baseValues, baseInfo, draft, shown: null, pinyinOf: store.getState().pinyinOf };
  store.setState({ ...next, ...derive(next), source, status: "ready", error: null, selected: null, openProblem: null });
}

/** The one way the draft changes: it is kept in this browser at once. */
export function setDraft(store: WorkbenchStore, draft: Draft | null): void {
  const s = store.getState();
  if (s.draft === draft) return;
  store.setState({ draft, ...derive({ ...s, draft }) });
  void save(store);
}

/** Sets one record (null removes it) of a file. */
export function editRecord(store: WorkbenchStore, file: string, key: string, record: unknown): void {
  const s = store.getState();
  if (!s.baseInfo) return;
  setDraft(store, setRecord(s.baseValues, s.draft, s.baseInfo, file, key, record));
}

/** A record as the draft makes it. */
export function recordOf(s: WorkbenchState, file: string, key: string): Record<string, unknown> | undefined {
  return draftRecord(s.baseValues, s.draft, file, key);
}

/** Sets meta.json's asOf. */
export function setAsOf(store: WorkbenchStore, asOf: string): void {
  const meta = recordOf(store.getState(), "meta.json", "");
  if (meta) editRecord(store, "meta.json", "", { ...meta, asOf });
}

let pinyinLoading: Promise<PinyinOf> | null = null;
/**
 * The pinyin reading (pinyin-pro), loaded on first use only (a site id from a Chinese name,
 * the search keys of the published dataset.json): from then on the check computes the search
 * keys with it and the draft's pinyin-overrides.json, as the build does.
 */
export function loadPinyin(store: WorkbenchStore): Promise<PinyinOf> {
  const have = store.getState().pinyinOf;
  if (have) return Promise.resolve(have);
  pinyinLoading ??= import("../domain/pinyinPro").then(({ pinyinPro }) => pinyinPro);
  return pinyinLoading.then((pinyinOf) => {
    const s = store.getState();
    if (!s.pinyinOf) store.setState({ pinyinOf, ...derive({ ...s, pinyinOf }) });
    return pinyinOf;
  });
}

/** The dataset.json to publish: the draft's dataset with its search keys (null while the draft has errors). */
export async function publishedDataset(store: WorkbenchStore): Promise<Dataset | null> {
  await loadPinyin(store);
  const { check } = store.getState();
  return check && check.errors === 0 ? check.dataset : null;
}

export function revert(store: WorkbenchStore, row: ChangeRow): void {
  setDraft(store, revertChange(store.getState().draft, row));
}

export function selectRecord(store: WorkbenchStore, target: { file: string; key: string } | null): void {
  store.setState({ selected: target });
}

/** Drops the draft (the page asks first): the opened files apply again. */
export function discardDraft(store: WorkbenchStore): Promise<void> {
  setDraft(store, null);
  return saved();
}

/** Opens files given by the reader (picked, a dropped folder, a zip's entries, a dataset.json): a new base, no draft. */
export function openGiven(store: WorkbenchStore, name: string, entries: NamedText[]): boolean {
  const result = openTexts(entries);
  if (!result.ok) {
    store.setState({ openProblem: { name, result } });
    return false;
  }
  adoptBase(store, { kind: "opened", name, from: result.from }, result.texts, null);
  void save(store);
  return true;
}

/** The files beside the dataset the site publishes: data/files.json, else a bare dataset.json and its context. */
async function publishedTexts(dataUrl: string, contextUrl: string): Promise<OpenResult> {
  const filesUrl = dataUrl.replace(/[^/]*$/, "files.json");
  try {
    const opened = openTexts([{ path: "files.json", text: await fetchText(filesUrl) }]);
    if (opened.ok) return opened;
  } catch (error) {
    if (!(error instanceof LoadError && error.status === 404)) throw error;
  }
  const dataset = await fetchText(dataUrl);
  let context: string | undefined;
  try {
    context = await fetchText(contextUrl);
  } catch {
    context = undefined;
  }
  return openTexts([{ path: "dataset.json", text: dataset }, ...(context === undefined ? [] : [{ path: "context.json", text: context }])]);
}

/** Opens the published dataset again (the default), with the draft this browser keeps for it. */
export async function openPublished(store: WorkbenchStore): Promise<void> {
  const { config } = store.getState();
  const url = assetUrl(config.dataUrl ?? "data/dataset.json");
  store.setState({ status: "loading" });
  try {
    const result = await publishedTexts(url, assetUrl(config.contextUrl ?? "data/context.json"));
    if (!result.ok) {
      store.setState({ status: "error", error: { message: `${url}: ${result.reason}`, detail: result.detail } });
      return;
    }
    adoptBase(store, { kind: "published", url }, result.texts, null);
    if (await offerStale(store)) return;
    const info = store.getState().baseInfo!;
    let draft: Draft | null = null;
    try {
      draft = (await readKept<Draft>(draftKeyOf(info))) ?? null;
    } catch {
      store.setState({ storageFailed: true });
    }
    if (draft && changeCount(draft)) setDraft(store, draft);
    else void save(store);
  } catch (error) {
    const e = error instanceof LoadError ? error : new LoadError(String(error));
    store.setState({ status: "error", error: { message: e.message, detail: e.detail } });
  }
}

const sameTexts = (a: DataTexts, b: DataTexts) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([path, text]) => b[path] === text);

/**
 * After the published files are adopted: when the draft this browser kept was made on other
 * published files (kept beside it), it becomes `stale` and the page asks what to do with it.
 * Returns whether it did.
 */
async function offerStale(store: WorkbenchStore): Promise<boolean> {
  const s = store.getState();
  let session: Session | undefined;
  let draft: Draft | undefined;
  try {
    session = await readKept<Session>(SESSION_KEY);
    if (session?.source.kind !== "published" || !session.base || sameTexts(session.base, s.base)) return false;
    draft = await readKept<Draft>(draftKeyOf(baseInfoOf(parseTexts(session.base))));
  } catch {
    store.setState({ storageFailed: true });
    return false;
  }
  if (!draft || !changeCount(draft) || !s.baseInfo) return false;
  const before = parseTexts(session.base);
  const baseInfo = baseInfoOf(before);
  store.setState({
    stale: {
      base: session.base,
      baseInfo,
      publishedAsOf: s.baseInfo.asOf,
      draft,
      reapplied: reapplyDraft(before, s.baseValues, draft, s.baseInfo),
    },
  });
  return true;
}

/** Ends the question of a stale draft: the draft kept under its old base's key goes (it now lives on, or was discarded). */
async function settleStale(store: WorkbenchStore, stale: StaleDraft): Promise<void> {
  store.setState({ stale: null });
  try {
    await writeKept(draftKeyOf(stale.baseInfo), undefined);
  } catch {
    store.setState({ storageFailed: true });
  }
}

/** Keeps working on the stale draft's own base (the files it was made on), as files opened in this browser. */
export async function keepOwnBase(store: WorkbenchStore): Promise<void> {
  const { stale, source } = store.getState();
  if (!stale) return;
  await settleStale(store, stale);
  const name = `${source?.kind === "published" ? source.url : "dataset.json"} (${stale.baseInfo.asOf})`;
  adoptBase(store, { kind: "opened", name, from: "files" }, stale.base, stale.draft);
  await save(store);
}

/** Re-applies the stale draft on the files published now; what does not apply was listed before the choice. */
export async function reapplyStale(store: WorkbenchStore): Promise<void> {
  const { stale } = store.getState();
  if (!stale) return;
  await settleStale(store, stale);
  const s = store.getState();
  store.setState({ draft: stale.reapplied.draft, ...derive({ ...s, draft: stale.reapplied.draft }) });
  await save(store);
}

/** Discards the stale draft (the page asks first): the files published now apply. */
export async function discardStale(store: WorkbenchStore): Promise<void> {
  const { stale } = store.getState();
  if (!stale) return;
  await settleStale(store, stale);
  await save(store);
}

/** Start-up: the configuration (the switch, dataUrl), then the session this browser kept, else the published dataset. */
export async function startWorkbench(store: WorkbenchStore): Promise<void> {
  const { config, problems } = await loadConfigInto();
  store.setState({ config, configProblems: problems });
  if (config.workbench === false) {
    store.setState({ status: "off" });
    return;
  }
  let session: Session | undefined;
  try {
    session = await readKept<Session>(SESSION_KEY);
  } catch {
    store.setState({ storageFailed: true });
  }
  if (session && session.source.kind === "opened" && session.base) {
    adoptBase(store, session.source, session.base, session.draft ?? null);
    return;
  }
  await openPublished(store);
}
