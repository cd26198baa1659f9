import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { App } from "./ui/App";
import { StoreContext } from "./ui/StoreContext";
import { loadMapModules } from "./ui/MapHost";
import { createAppStore, initialState } from "./state/store";
import { startLoading } from "./state/loadData";
import { startUrlSync } from "./state/urlSync";
import { loadEmbedBridge } from "./state/embedBridgeLoader";
import { createI18n, loadLanguage, rememberedLang, rememberLang } from "./i18n/i18n";
import "./ui/styles.css";

// Boot: language first (so the loading screen speaks it), then configuration, then data;
// the URL is read in full once the dataset tells which ids exist.
const urlLang = new URLSearchParams(location.search).get("lang");
const lang = urlLang === "zh" || urlLang === "en" ? urlLang : (rememberedLang() ?? "zh");
const store = createAppStore(initialState(lang));
const i18n = createI18n(lang);

store.subscribe((s, prev) => {
  if (s.view.lang !== prev.view.lang) rememberLang(s.view.lang);
});

let urlSyncStarted = false;
store.subscribe((s) => {
  if (s.dataset && !urlSyncStarted) {
    urlSyncStarted = true;
    startUrlSync(store);
  }
});
// In a frame, listens from the start (a host's early `set` waits); it speaks once the dataset is shown.
loadEmbedBridge(store);

// Data first, then the first render, which waits only for the reader's language (when it
// is not the built-in Chinese): the page's own shell (header, then lists and filters) paints
// while the map's chunk, preloaded beside the entry, is still on its way. MapHost creates
// the map as soon as that chunk is evaluated.
// A promise, not a top-level await: with one, the bundler moves every module the lazy
// chunks share with the entry into chunks of their own (a cycle through a suspended
// entry would deadlock), and the first view grows by those requests.
void startLoading(store);
void loadMapModules(() => store.setState({ mapCodeFailed: true }));
// The first render is a transition, so React renders the shell in slices of a few
// milliseconds and the map's chunk, arriving meanwhile, is evaluated between them.
void loadLanguage(i18n, lang).then(() => {
  const root = createRoot(document.getElementById("root")!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <I18nextProvider i18n={i18n}>
            <App />
          </I18nextProvider>
        </StoreContext.Provider>
      </StrictMode>,
    ),
  );
});
