import { datasetSchema, contextSchema } from "../domain/dataset/schema";
import { readSiteConfig, type ConfigProblem, type SiteConfig } from "../domain/config/siteConfig";
import { fetchJson, LoadError } from "./fetchJson";
import type { AppStore } from "./store";
import { isLargeDataset } from "../domain/dataset/size";
import { withAbsoluteTileUrls } from "../domain/dataset/tiles";

const DEFAULT_DATA_URL = "data/dataset.json";
const DEFAULT_CONTEXT_URL = "data/context.json";
const CONFIG_URL = "config.json";

/** Resolves a path against the app's base, so the build works under any path. */
export function assetUrl(path: string): string {
  if (/^[a-z]+:|^\//i.test(path)) return path;
  return `${import.meta.env.BASE_URL}${path}`;
}

/** Loads the site configuration. A missing file means defaults; a broken one, defaults plus a notice. */
async function loadConfig(store: AppStore): Promise<void> {
  const read = await loadConfigInto();
  if (read.found) store.setState({ config: read.config, configProblems: read.problems });
}

/** The site configuration as read (the app's and the workbench's): defaults when there is no file. */
export async function loadConfigInto(): Promise<{ config: SiteConfig; problems: ConfigProblem[]; found: boolean }> {
  try {
    const raw = await fetchJson(assetUrl(CONFIG_URL));
    return { ...readSiteConfig(raw), found: true };
  } catch (error) {
    if (error instanceof LoadError && error.status === 404) return { config: {}, problems: [], found: false };
    const detail = error instanceof LoadError ? [error.message, error.detail].filter(Boolean).join(": ") : String(error);
    return { config: {}, problems: [{ field: "config.json", reason: detail }], found: true };
  }
}

/**
 * Start-up: the configuration, the default dataset and the default context are requested
 * together; each early download is used unless the configuration names another file.
 * (Fetching the context only after the dataset would hand the map two rounds of work.)
 */
export async function startLoading(store: AppStore): Promise<void> {
  const progress = (loaded: number, total: number | null) => store.setState({ load: { status: "loading", loaded, total } });
  const early = fetchJson(assetUrl(DEFAULT_DATA_URL), progress);
  early.catch(() => {}); // failures are reported by loadDataset, if this download is the one used
  const earlyContext = fetchJson(assetUrl(DEFAULT_CONTEXT_URL));
  earlyContext.catch(() => {}); // the context is optional; see loadDataset
  await loadConfig(store);
  const { dataUrl, contextUrl } = store.getState().config;
  await loadDataset(store, dataUrl ? undefined : early, contextUrl ? undefined : earlyContext);
}

/** Loads and checks the dataset (and, after it, the quiet map context). Safe to call again to retry. */
export async function loadDataset(store: AppStore, download?: Promise<unknown>, contextDownload?: Promise<unknown>): Promise<void> {
  const { config } = store.getState();
  store.setState({ load: { status: "loading", loaded: 0, total: null } });
  const url = assetUrl(config.dataUrl ?? DEFAULT_DATA_URL);
  try {
    const raw = await (download ?? fetchJson(url, (loaded, total) => store.setState({ load: { status: "loading", loaded, total } })));
    // Parsing, checking and showing a national-size file are each long: separate tasks.
    const split = isLargeDataset(raw);
    if (split) await nextTask();
    // A large one checked in slices, a task each (the same rules, the same issues), by code
    // that only a large dataset loads: the first view's budget has no room for it.
    const parsed = split
      ? await (await import("../domain/dataset/checkInSlices")).checkDatasetInSlices(raw, nextTask)
      : datasetSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      throw new LoadError(`${url} does not match the dataset schema`, first.join("; "));
    }
    if (split) await nextTask();
    store.setState({ dataset: withAbsoluteTileUrls(parsed.data, new URL(url, location.href).href), load: { status: "ready" } });
  } catch (error) {
    const e = error instanceof LoadError ? error : new LoadError(String(error));
    store.setState({ load: { status: "error", message: e.message, detail: e.detail } });
    return;
  }
  try {
    const context = contextSchema.safeParse(await (contextDownload ?? fetchJson(assetUrl(config.contextUrl ?? DEFAULT_CONTEXT_URL))));
    // The context is decoration: without it the map is still complete, so failure is quiet.
    if (context.success) store.setState({ context: context.data });
  } catch {
    /* context is optional */
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
