import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { selectArea, selectIndustry } from "../state/actions";
import { searchPlaces, type SearchHit } from "../domain/search";
import type { Dataset } from "../domain/dataset/schema";

/** Keyboard-driven search (ARIA combobox): arrows move, Enter opens, Escape clears. */
export function Search({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.view.lang);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchPlaces(dataset, query), [dataset, query]);
  const listId = useId();
  const open = query.trim().length > 0;

  const choose = (hit: SearchHit) => {
    if (hit.type === "industry") selectIndustry(store, hit.id);
    else selectArea(store, hit.id);
    setQuery("");
    setActive(0);
  };
  const typeLabel = (hit: SearchHit) => (hit.type === "industry" ? t("industry") : hit.type === "site" ? t("site") : t(dataset.areas.find((a) => a.id === hit.id)!.kind));

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={t("search")}
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
