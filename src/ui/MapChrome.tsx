import { useTranslation } from "react-i18next";
import { useAppState, useAppStore } from "./StoreContext";
import { setBasemap, setCamera } from "../state/actions";
import { localize } from "../domain/config/siteConfig";
import type { Basemap } from "../domain/basemap";

/** What sits on the map besides MapLibre's own controls: fit-to-city, basemap, the notice line. */
export function MapTools() {
  const { t } = useTranslation();
  const store = useAppStore();
  const key = useAppState((s) => s.config.tiandituKey);
  const basemap = useAppState((s) => s.basemap);
  return (
    <div className="map-tools">
      <button type="button" onClick={() => setCamera(store, null)}>
        {t("fitCity")}
      </button>
      {key ? (
        <label>
          <span className="visually-hidden">{t("basemap")}</span>
          <select value={basemap} onChange={(e) => setBasemap(store, e.target.value as Basemap)} aria-label={t("basemap")}>
            <option value="none">{t("basemapNone")}</option>
            <option value="vector">{t("basemapVector")}</option>
            <option value="imagery">{t("basemapImagery")}</option>
          </select>
        </label>
      ) : null}
    </div>
  );
}

/** Lower left: the configured 审图号 line, or, while there is none, the schematic-map notice. */
export function MapNotice() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.view.lang);
  const review = useAppState((s) => localize(s.config.reviewNumber, lang));
  return (
    <div className="map-overlay bottom-left">
      <p className="map-notice" data-testid={review ? "review-number" : "schematic-notice"}>
        {review ? t("reviewNumber", { value: review }) : t("schematicNotice")}
      </p>
    </div>
  );
}
