import { usePalette } from "../usePalette";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAppState } from "../StoreContext";
import type { Dataset } from "../../domain/dataset/schema";
import { matchingListsRows, toCsv } from "../../domain/export/csv";
import { industryColour } from "../../domain/palette";
import { localize } from "../../domain/config/siteConfig";
import { exportFileNames, geometryAttribution } from "../../domain/fromDataset";
import { composeMapImage, NoMapError } from "./composeMapImage";
import type { MapImageTexts } from "./mapImageFooter";
import { takeMapSnapshot } from "../mapSnapshot";
import { downloadBlob } from "./download";
import { EmbedSnippet } from "./EmbedSnippet";
import "./share.css";

type Qr = { status: "loading" } | { status: "ready"; src: string } | { status: "failed" };

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Share and save: the link to the current view (the app keeps the address canonical), its
 * QR code, the map as a PNG picture and the matching lists as CSV. A native modal <dialog>
 * opened with showModal(), so the page behind is inert for screen readers too: focus moves
 * in, stays in, Escape closes it and the opener takes focus back.
 */
export default function ShareDialog({ dataset, onClose: closed }: { dataset: Dataset; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useAppState((s) => s.view);
  const palette = usePalette();
  const review = useAppState((s) => localize(s.config.reviewNumber, s.view.lang));
  const lang = view.lang;
  const [link] = useState(() => window.location.href);
  const [qr, setQr] = useState<Qr>({ status: "loading" });
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // Closed first, then reported: while the dialog is modal the opener is inert and cannot take focus back.
  const onClose = () => {
    if (dialog.current?.open) dialog.current.close();
    closed();
  };

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    field.current?.focus();
    field.current?.select();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  useEffect(() => {
    let live = true;
    import("./qr")
      .then(({ qrDataUrl }) => live && setQr({ status: "ready", src: qrDataUrl(link) }))
      .catch((error: unknown) => {
        console.warn("QR code:", error);
        if (live) setQr({ status: "failed" });
      });
    return () => {
      live = false;
    };
  }, [link]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === "Tab" && dialog.current) {
      const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard API");
      await navigator.clipboard.writeText(link);
      setStatus(t("share:copied"));
    } catch {
      // Older browsers, or no permission: select the text and ask for a copy the old way.
      const input = field.current;
      input?.focus();
      input?.select();
      let copied = false;
      try {
        copied = typeof document.execCommand === "function" && document.execCommand("copy");
      } catch {
        copied = false;
      }
      setStatus(copied ? t("share:copied") : t("share:copyFailed"));
    }
  };

  const savePng = async () => {
    setBusy(true);
    setStatus(t("share:pngWorking"));
    try {
      const mapEl = document.querySelector<HTMLElement>("[data-testid=map]");
      if (!mapEl) throw new NoMapError();
      const key = dataset.industries.filter((i) => i.tier === "key");
      const legend = key.map((i) => ({ colour: industryColour(i.id, i.tier, palette), name: i.name[lang] }));
      const { policy } = dataset.meta;
      const texts: MapImageTexts = {
        title: t("policySource", { issuer: policy.issuer[lang], title: policy.title[lang], date: policy.date }),
        legendHeading: t("share:keyIndustries"),
        legend,
        stripes: t("legendStripes"),
        stripeColours: legend.map((l) => l.colour),
        attribution: geometryAttribution(dataset.meta, lang),
        notice: review ? t("reviewNumber", { value: review }) : t("schematicNotice"),
      };
      downloadBlob(await composeMapImage(mapEl, takeMapSnapshot(), texts), exportFileNames(dataset.meta).png);
      setStatus(t("share:pngSaved"));
    } catch (error) {
      if (error instanceof NoMapError) setStatus(t("share:noMap"));
      else {
        console.warn("map image:", error);
        setStatus(t("share:pngFailed"));
      }
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () => {
    const rows = matchingListsRows(dataset, view, lang);
    downloadBlob(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), exportFileNames(dataset.meta).csv);
    setStatus(t("share:csvSaved", { count: rows.length - 1 }));
  };

  return (
    // A press on the backdrop lands on the <dialog> itself (its content fills a box inside it).
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-modal="true"
      aria-labelledby="share-title"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // The browser's own Escape: the app closes the dialog, so the opener gets focus back.
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="share-body">
        <div className="share-head">
          <h2 id="share-title">{t("share:title")}</h2>
          <button type="button" className="share-close" onClick={onClose}>
            {t("share:close")}
          </button>
        </div>

        <section aria-labelledby="share-link-heading">
          <h3 id="share-link-heading">{t("share:linkHeading")}</h3>
          <div className="share-link">
            <input
              ref={field}
              type="text"
              readOnly
              value={link}
              aria-label={t("share:linkLabel")}
              aria-describedby="share-link-help"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={() => void copy()}>
              {t("share:copy")}
            </button>
          </div>
          <p id="share-link-help" className="share-help">
            {t("share:linkHelp")}
          </p>
        </section>

        <EmbedSnippet dataset={dataset} />

        <section aria-labelledby="share-qr-heading" className="share-qr">
          <h3 id="share-qr-heading">{t("share:qrHeading")}</h3>
          {qr.status === "ready" ? (
            <img src={qr.src} alt={t("share:qrAlt")} data-testid="share-qr" />
          ) : (
            <p className="share-help">{qr.status === "loading" ? t("share:qrLoading") : t("share:qrFailed")}</p>
          )}
          <p className="share-help">{t("share:qrHelp")}</p>
        </section>

        <section aria-labelledby="share-save-heading">
          <h3 id="share-save-heading">{t("share:saveHeading")}</h3>
          <div className="share-actions">
            <div>
              <button type="button" onClick={() => void savePng()} disabled={busy} aria-describedby="share-png-help">
                {t("share:png")}
              </button>
              <p id="share-png-help" className="share-help">
                {t("share:pngHelp")}
              </p>
            </div>
            <div>
              <button type="button" onClick={exportCsv} aria-describedby="share-csv-help">
                {t("share:csv")}
              </button>
              <p id="share-csv-help" className="share-help">
                {t("share:csvHelp")}
              </p>
            </div>
          </div>
        </section>

        <p className="share-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </dialog>
  );
}
