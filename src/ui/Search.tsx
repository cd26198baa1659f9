import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { selectArea, selectIndustry } from "../state/actions";
import { prepareSearch, searchPlaces, type SearchHit } from "../domain/search";
import type { Dataset } from "../domain/dataset/schema";

const NOT_TYPED_IN = ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"];

/** Where a typed `/` is text, not the shortcut (a checkbox or a button is not typed in). */
function typingIn(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NOT_TYPED_IN.includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
}

/**
 * Keyboard-driven search (ARIA combobox): arrows move, Enter opens, Escape clears; `/` anywhere
 * else on the page focuses it. Matches names and pinyin keys; a pinyin match says by which text.
 */
export function Search({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchPlaces(dataset, query), [dataset, query]);
  const listId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const open = query.trim().length > 0;

  // The lookup is built while the page is idle after loading, so the first keystroke does not
  // pay for it on a national-size dataset; where there is no idle callback, a little later.
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => prepareSearch(dataset));
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(() => prepareSearch(dataset), 1000);
    return () => clearTimeout(id);
  }, [dataset]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      // Not behind a modal dialog: what it covers is not to be reached from the keyboard.
      if (document.querySelector('[aria-modal="true"], dialog[open]')) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const choose = (hit: SearchHit) => {
    if (hit.type === "industry") selectIndustry(store, hit.id);
    else selectArea(store, hit.id);
    setQuery("");
    setActive(0);
  };
  const typeLabel = (hit: SearchHit) =>
    hit.type === "industry" ? t("industry") : hit.type === "site" ? t("site") : t(dataset.areas.find((a) => a.id === hit.id)!.kind);

  return (
    <div className="search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={t("search")}
        aria-describedby={hintId}
        aria-keyshortcuts="/"
        title={t("searchHint")}
        placeholder={t("search")}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && hits[active]) {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === "Escape" && query) {
            // The first Escape clears the search; the next one closes the open panel (App).
            e.preventDefault();
            setQuery("");
          }
        }}
      />
      <p id={hintId} className="visually-hidden">
        {t("searchHint")}
      </p>
      {open ? (
        <ul id={listId} role="listbox" aria-label={t("searchResults")} className="search-results">
          {hits.length ? (
            hits.map((hit, n) => (
              <li
                key={`${hit.type}:${hit.id}`}
                id={`${listId}-${n}`}
                role="option"
                aria-selected={n === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit);
                }}
              >
                <span>{hit.name[lang]}</span>
                <span className="muted"> · {typeLabel(hit)}</span>
                {hit.via !== undefined ? (
                  <span className="search-via">{t("searchVia", { query: query.trim().toLowerCase(), text: hit.via })}</span>
                ) : null}
              </li>
            ))
          ) : (
            <li role="option" aria-disabled="true" aria-selected="false" className="muted">
              {t("noResults")}
            </li>
          )}
        </ul>
      ) : null}
    </div>
  );
}
