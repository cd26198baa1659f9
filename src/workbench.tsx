import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { z } from "zod/mini";
import { en } from "zod/locales";
import { addMessages, createI18n, rememberedLang, rememberLang } from "./i18n/i18n";
import * as workbench from "./i18n/workbenchMessages";
import { createWorkbenchStore, startWorkbench } from "./state/workbench";
import { WorkbenchContext } from "./ui/workbench/WorkbenchContext";
import { WorkbenchApp } from "./ui/workbench/WorkbenchApp";
import { AddSiteButton, SiteEditor } from "./ui/workbench/SiteForm";
import { ContactsButton, ContactsEditor } from "./ui/workbench/ContactsEditor";
import type { Lang } from "./domain/labels";
import "./ui/styles.css";

// The maintainers' workbench (edit.html), its own entry: nothing of it is in the public first
// view. Problems read as `npm run validate` words them (zod's English messages, as there).
z.config(en());

const urlLang = new URLSearchParams(location.search).get("lang");
const lang: Lang = urlLang === "zh" || urlLang === "en" ? urlLang : (rememberedLang() ?? "zh");
const store = createWorkbenchStore(lang);
const i18n = createI18n(lang);
addMessages(i18n, workbench);

function showLang(next: Lang): void {
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  document.title = i18n.t("workbench:pageTitle");
}

function setLang(next: Lang): void {
  store.setState({ lang: next });
  void i18n.changeLanguage(next);
  rememberLang(next);
  const url = new URL(location.href);
  url.searchParams.set("lang", next);
  history.replaceState(history.state, "", url);
  showLang(next);
}
showLang(lang);

// The forms on the page's slots (src/ui/workbench/WorkbenchApp.tsx): toolbar buttons, and an editor per data file.
const TOOLS = (
  <>
    <AddSiteButton />
    <ContactsButton />
  </>
);
const EDITORS = { "sites.json": SiteEditor, "contacts.json": ContactsEditor };

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WorkbenchContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>
        <WorkbenchApp onLang={setLang} tools={TOOLS} editors={EDITORS} />
      </I18nextProvider>
    </WorkbenchContext.Provider>
  </StrictMode>,
);
void startWorkbench(store);
