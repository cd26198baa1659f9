import { createStore as createIdbStore, del, get, keys, set, type UseStore } from "idb-keyval";
import type { Dataset } from "../domain/dataset/schema";
import { applyDraft, changeCount, reconcile, toggleAssignment, type Draft, type NotApplicable } from "../domain/draft/draft";
import { parseDraftFile, type DraftProblem } from "../domain/draft/draftFile";
import type { AppStore } from "./store";

// The planner's draft in the app: its actions, and its copy in this browser (IndexedDB through
// idb-keyval), keyed by the dataset's id and asOf. Imported only by the planner's lazy chunk.
// Storage is a convenience: when IndexedDB is missing or refuses (private mode, quota), the
// planner says so and keeps working in memory.

export interface DraftNote {
  /** How the current draft arrived: restored from this browser or loaded from a file. */
  arrived: { from: "browser" | "file"; changes: number; name?: string; base: Draft["base"] } | null;
  /** Changes of that draft the current dataset cannot take (listed, never silently dropped). */
  notApplicable: NotApplicable[];
  /** A draft file that could not be loaded, and why. */
  problems: { name: string; items: DraftProblem[] } | null;
  /** The browser would not keep the draft: it lives in this tab only. */
  storageFailed: boolean;
}

const EMPTY_NOTE: DraftNote = { arrived: null, notApplicable: [], problems: null, storageFailed: false };

const prefix = (datasetId: string) => `draft:${datasetId}@`;
/** The key a dataset's draft is kept under: its id and asOf. */
const draftKey = (dataset: Pick<Dataset, "meta">) => `${prefix(dataset.meta.id)}${dataset.meta.asOf}`;

let idb: { factory: IDBFactory; store: UseStore } | null = null;
/**
 * Opened on first use: creating the store opens the database, which throws where there is no
 * IndexedDB or it is refused. Opened again if the factory was replaced (the component tests
 * give each test a fresh one).
 */
function db(): UseStore {
  if (!idb || idb.factory !== globalThis.indexedDB)
    idb = { factory: globalThis.indexedDB, store: createIdbStore("yangzhou-industry-map", "drafts") };
  return idb.store;
}

function note(store: AppStore, patch: Partial<DraftNote>): void {
  store.setState((s) => ({ draftNote: { ...(s.draftNote ?? EMPTY_NOTE), ...patch } }));
}

/** The one way the draft changes: the patch, and the assignments it gives, together. */
function setDraft(store: AppStore, patch: Draft | null): void {
  store.setState((s) => {
    if (s.draftPatch === patch) return s;
    const draft = patch && s.dataset ? applyDraft(s.dataset, patch).assignments : null;
    return { draftPatch: patch, draft };
  });
}

/** Turns one industry-in-area assignment on or off in the draft. */
export function toggleDraftAssignment(store: AppStore, industry: string, area: string): void {
  const { dataset, draftPatch } = store.getState();
  if (!dataset) return;
  setDraft(store, toggleAssignment(dataset, draftPatch, industry, area));
}

/** Drops the draft at once (the banner's Reset): the published assignments apply again. */
export function resetDraft(store: AppStore): void {
  setDraft(store, null);
  store.setState((s) => (s.draftNote ? { draftNote: { ...EMPTY_NOTE, storageFailed: s.draftNote.storageFailed } } : s));
}

/** Discards the draft and every copy this browser keeps of the dataset's drafts (asked first, by the page). */
export async function discardDraft(store: AppStore): Promise<void> {
  const { dataset } = store.getState();
  resetDraft(store);
  if (!dataset) return;
  try {
    const all = await keys<string>(db());
    await Promise.all(all.filter((k) => typeof k === "string" && k.startsWith(prefix(dataset.meta.id))).map((k) => del(k, db())));
  } catch {
    note(store, { storageFailed: true });
  }
}

/** Forgets what the notice says (the draft itself stays). */
export function dismissDraftNote(store: AppStore): void {
  store.setState((s) => (s.draftNote ? { draftNote: { ...EMPTY_NOTE, storageFailed: s.draftNote.storageFailed } } : s));
}

/** Takes a draft made on this or another dataset: reconciled, and said so. */
function adopt(store: AppStore, dataset: Dataset, draft: Draft, from: "browser" | "file", name?: string): void {
  const result = reconcile(draft, dataset);
  setDraft(store, result.draft);
  note(store, {
    arrived: { from, changes: changeCount(result.draft), name, base: draft.base },
    notApplicable: result.notApplicable,
    problems: null,
  });
}

/** Reads a draft file (picked or dropped): its problems are listed, or it becomes the draft. */
export async function loadDraftFile(store: AppStore, file: Pick<File, "name" | "text">): Promise<void> {
  const { dataset } = store.getState();
  if (!dataset) return;
  const result = parseDraftFile(await file.text(), file.name);
  if (!result.ok) {
    note(store, { problems: { name: file.name, items: result.problems } });
    return;
  }
  if (result.draft) adopt(store, dataset, result.draft, "file", file.name);
  else {
    setDraft(store, null);
    note(store, {
      arrived: { from: "file", changes: 0, name: file.name, base: { dataset: dataset.meta.id, asOf: dataset.meta.asOf } },
      notApplicable: [],
      problems: null,
    });
  }
}

const started = new WeakMap<AppStore, Promise<void>>();

/**
 * Once per page: restores the draft this browser kept for the dataset (this asOf, else the
 * newest of an older one, reconciled), then saves every change. A draft made in this tab
 * before the stored one is read wins (it is the newer work).
 */
export function startDraftPersistence(store: AppStore, dataset: Dataset): Promise<void> {
  const running = started.get(store);
  if (running) return running;
  const run = (async () => {
    try {
      const key = draftKey(dataset);
      let stored = await get<Draft>(key, db());
      if (!stored) {
        const older = (await keys<string>(db())).filter((k) => typeof k === "string" && k.startsWith(prefix(dataset.meta.id))).sort();
        const newest = older.at(-1);
        if (newest) stored = await get<Draft>(newest, db());
      }
      if (stored && !store.getState().draftPatch && changeCount(stored)) adopt(store, dataset, stored, "browser");
    } catch {
      note(store, { storageFailed: true });
    }
    let saving: Promise<void> = Promise.resolve();
    const save = (patch: Draft | null) => {
      saving = saving.then(async () => {
        try {
          // An emptied draft is forgotten; one kept under an older asOf stays until Discard.
          if (patch) await set(draftKey(dataset), patch, db());
          else await del(draftKey(dataset), db());
          if (store.getState().draftNote?.storageFailed) note(store, { storageFailed: false });
        } catch {
          note(store, { storageFailed: true });
        }
      });
    };
    const current = store.getState().draftPatch;
    // A restored draft of an older asOf is kept under today's key from now on.
    if (current) save(current);
    store.subscribe((s, prev) => {
      if (s.draftPatch !== prev.draftPatch) save(s.draftPatch);
    });
  })();
  started.set(store, run);
  return run;
}

/** A value this browser keeps beside the drafts (the workbench's session), or undefined. Throws when storage is refused. */
export function readKept<T>(key: string): Promise<T | undefined> {
  return get<T>(key, db());
}

/** Keeps a value (a draft under draftKey, or the workbench's session); undefined forgets it. Throws when storage is refused. */
export async function writeKept(key: string, value: unknown): Promise<void> {
  if (value === undefined) await del(key, db());
  else await set(key, value, db());
}
