import { Component, useEffect, useState, useSyncExternalStore, type ComponentType, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../i18n/messages";

// A part of the page whose code loads on first use (a chunk and its stylesheet). When it
// cannot load (a 503, or a redeploy deleted the old hashed files) only that part says so,
// with a Retry button; the map, lists and filters go on working.
//
// Vite's preload helper (`__vitePreload`) records every dependency it has tried in a `seen`
// table and never adds a link for it again, even when that link failed: a second import
// would bring the part's script without its stylesheet. So the stylesheets that failed are
// tracked here and put back (a fresh <link>, awaited) before the part's code is imported again.
// Chromium fetches a module whose fetch failed anew on the next import(); where a browser
// keeps the failure, a retry imports the failed URL once more with a query that busts it.

/** Stylesheet <link>s that failed to load, by href (the helper never adds them again). */
const failedStyles = new Map<string, HTMLLinkElement>();

if (typeof document !== "undefined") {
  // `error` does not bubble, but a capturing listener on the document sees it for <link>s.
  document.addEventListener(
    "error",
    (event) => {
      const el = event.target;
      if (el instanceof HTMLLinkElement && el.rel === "stylesheet") failedStyles.set(el.href, el);
    },
    true,
  );
}

function withRetryQuery(href: string, attempt: number): string {
  const url = new URL(href);
  url.searchParams.set("retry", String(attempt));
  return url.href;
}

/** Puts every stylesheet that failed back into the page; resolves once they all load. */
function restoreFailedStyles(attempt: number): Promise<unknown> {
  const links = [...failedStyles.entries()];
  failedStyles.clear();
  return Promise.all(
    links.map(([href, old]) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      if (old.crossOrigin !== null) link.crossOrigin = old.crossOrigin;
      // A new URL: a failed stylesheet response may be kept by the browser's memory cache.
      link.href = withRetryQuery(href, attempt);
      const loaded = new Promise<void>((resolve, reject) => {
        link.addEventListener("load", () => resolve());
        link.addEventListener("error", () => {
          // Tracked under its first address, so the next retry tries it again.
          link.remove();
          failedStyles.set(href, link);
          reject(new Error(`Unable to load CSS ${href}`));
        });
      });
      old.replaceWith(link);
      return loaded;
    }),
  );
}

const FAILED_MODULE = /(https?:\/\/\S+?\.m?js)\b/;

export interface Part<P> {
  /** The loaded component, once loaded (later mounts render it at once). */
  loaded: ComponentType<P> | null;
  /** Loads the part's code; after a failure, a new call is a new attempt. */
  load(): Promise<ComponentType<P>>;
}

/**
 * A part whose code is `importer` (write `() => import("./x")` so the bundler splits it).
 * Retries restore the stylesheets that failed and import the code again.
 */
export function lazyPart<P>(importer: () => Promise<{ default: ComponentType<P> }>): Part<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  let attempts = 0;
  const part: Part<P> = {
    loaded: null,
    load() {
      if (part.loaded) return Promise.resolve(part.loaded);
      if (pending) return pending;
      const attempt = attempts++;
      const run = async (): Promise<ComponentType<P>> => {
        if (attempt === 0) return (await importer()).default;
        await restoreFailedStyles(attempt);
        try {
          return (await importer()).default;
        } catch (error) {
          const url = error instanceof Error ? FAILED_MODULE.exec(error.message)?.[1] : undefined;
          if (!url) throw error;
          const module = (await import(/* @vite-ignore */ withRetryQuery(url, attempt))) as { default: ComponentType<P> };
          return module.default;
        }
      };
      pending = run().then(
        (component) => (part.loaded = component),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
  return part;
}

type Load<P> = { status: "loading" } | { status: "ready"; component: ComponentType<P> } | { status: "failed" };

/** What a part says when it could not load: `message` (a first-view string) and Retry. */
function PartFailed({
  message,
  part,
  onRetry,
  onDismiss,
}: {
  message: MessageKey;
  part: string;
  onRetry: () => void;
  onDismiss?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="part-failed" role="alert" data-part-failed={part}>
      <p>{t(message)}</p>
      <button type="button" onClick={onRetry}>
        {t("retry")}
      </button>
      {onDismiss ? (
        <button type="button" className="icon" aria-label={t("noticeDismiss")} onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}

/** Catches what the part throws while it renders, so one part's fault stays in that part. */
class PartBoundary extends Component<{ fallback: (reset: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

/**
 * Renders a lazily loaded part with `props`: `fallback` while its code loads, the failure
 * notice with Retry when it cannot load or throws while rendering.
 */
export function LazyPart<P extends object>({
  part,
  props,
  name,
  failed,
  fallback = null,
  onDismiss,
}: {
  part: Part<P>;
  props: P;
  /** Names the part in the page (`data-part-failed`), for tests and styles. */
  name: string;
  failed: MessageKey;
  fallback?: ReactNode;
  /** Where the part is a dialog: closes the failure notice. */
  onDismiss?: () => void;
}) {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<P>>(() => (part.loaded ? { status: "ready", component: part.loaded } : { status: "loading" }));
  useEffect(() => {
    if (part.loaded) return;
    let live = true;
    part.load().then(
      (component) => live && setLoad({ status: "ready", component }),
      () => live && setLoad({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [part, attempt]);
  const retry = () => {
    setLoad({ status: "loading" });
    setAttempt((n) => n + 1);
  };
  if (load.status === "loading") return <>{fallback}</>;
  if (load.status === "failed") return <PartFailed message={failed} part={name} onRetry={retry} onDismiss={onDismiss} />;
  const Loaded = load.component;
  return (
    <PartBoundary fallback={(reset) => <PartFailed message={failed} part={name} onRetry={reset} onDismiss={onDismiss} />}>
      <Loaded {...props} />
    </PartBoundary>
  );
}

// A redeploy replaces the hashed files: Vite then dispatches `vite:preloadError`. The page
// offers a reload; the URL carries the view (filters, selection, camera, language), and
// the areas picked for comparison, which the URL does not carry, are kept for the reload.
let preloadFailed = false;
const listeners = new Set<() => void>();
if (typeof window !== "undefined") {
  window.addEventListener("vite:preloadError", () => {
    preloadFailed = true;
    for (const fn of listeners) fn();
  });
}
function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A reload offer, shown once some of the page's files could not be loaded. */
export function ReloadOffer({ beforeReload }: { beforeReload?: () => void }) {
  const { t } = useTranslation();
  const failed = useSyncExternalStore(
    subscribe,
    () => preloadFailed,
    () => false,
  );
  const [dismissed, setDismissed] = useState(false);
  if (!failed || dismissed) return null;
  return (
    <div className="notice reload-offer" role="status" data-notice="reload">
      <p>{t("reloadOffer")}</p>
      <button
        type="button"
        className="reload-button"
        onClick={() => {
          beforeReload?.();
          location.reload();
        }}
      >
        {t("reloadPage")}
      </button>
      <button type="button" className="icon" aria-label={t("noticeDismiss")} onClick={() => setDismissed(true)}>
        ×
      </button>
    </div>
  );
}
